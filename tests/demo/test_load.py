"""The demo's staff: one account per newsroom role, passwords kept under the home and printed each run."""

from __future__ import annotations

from django.contrib.auth import get_user_model
from django.test import Client

from masthead.demo.load import DEMO_STAFF, ensure_demo_staff
from masthead.users import roles


def test_one_user_per_role_who_can_sign_in_with_the_printed_password(db, settings, tmp_path):
    settings.HOME = tmp_path
    logins = ensure_demo_staff()
    assert [role for _, _, role in logins] == [role for _, role, _, _ in DEMO_STAFF]
    assert {role for _, _, role in logins} == set(roles.ROLE_NAMES)
    for username, password, role in logins:
        user = get_user_model().objects.get(username=username)
        assert user.check_password(password), username
        client = Client()
        client.force_login(user)
        assert list(user.groups.values_list("name", flat=True)) == [role]
        assert not user.is_superuser and user.email.endswith("@example.org")
        assert client.get("/admin/").status_code == 200

    assert ensure_demo_staff() == logins, "a second run prints the same logins"
    assert (tmp_path / "demo-staff-passwords.txt").stat().st_mode & 0o077 == 0

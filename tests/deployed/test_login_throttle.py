"""Sign-in throttling behind nginx counts each reader's own address, not the proxy's.

Loopback is the whole of 127/8, so two clients on one machine can come from two addresses.
"""

from __future__ import annotations

import re
import secrets
from http.cookies import SimpleCookie
from urllib.parse import urlencode

import pytest

pytestmark = pytest.mark.browser

CLIENT_A, CLIENT_B = "127.0.0.2", "127.0.0.3"
USERNAME = "night-editor"  # not the other tests' editor: this one gets locked out


@pytest.fixture(scope="module")
def password(stack):
    password = secrets.token_urlsafe(16)
    stack.manage(
        "createsuperuser",
        "--no-input",
        "--username",
        USERNAME,
        "--email",
        "night@example.org",
        DJANGO_SUPERUSER_PASSWORD=password,
    )
    return password


def sign_in(stack, source: str, password: str):
    """The login form as a browser submits it: CSRF token and cookie, Origin and Referer of the https site."""
    form = stack.get("/admin/login/", source=source)
    assert form.status == 200, form.status
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', form.text).group(1)
    cookie = SimpleCookie(form.header("Set-Cookie"))["csrftoken"].value
    body = urlencode({"username": USERNAME, "password": password, "csrfmiddlewaretoken": token, "next": "/admin/"}).encode()
    return stack.get(
        "/admin/login/",
        method="POST",
        body=body,
        source=source,
        headers={
            "Content-Type": "application/x-www-form-urlencoded",
            "Cookie": f"csrftoken={cookie}",
            "Origin": stack.base,
            "Referer": stack.url("/admin/login/"),
        },
    )


def test_five_bad_passwords_lock_out_that_address_only(stack, password):
    for attempt in range(1, 6):
        failed = sign_in(stack, CLIENT_A, "not-the-password")
        assert failed.status in (200, 429), (attempt, failed.status, failed.text[:300])
        assert failed.status == 200 or attempt == 5, f"locked out after {attempt} failures"

    locked = sign_in(stack, CLIENT_A, password)
    assert locked.status == 429 and "Too many failed sign-in attempts" in locked.text, (locked.status, locked.text[:300])

    other = sign_in(stack, CLIENT_B, password)
    assert other.status == 302 and other.header("Location").endswith("/admin/"), (
        f"a second address was refused after the first was locked out: {other.status} {other.text[:300]}"
    )

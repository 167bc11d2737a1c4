"""The roles' permission matrix: each group against the admin's URLs, asserted; `pytest -s` prints it.

A cell is "allowed" when the request did what it asks (200 for a page, a redirect after a desk action that
took effect, a story that is live after Publish) and "denied" otherwise: 403 from the wire desk's views, or
Wagtail's own answer elsewhere (a redirect to the login, or to the dashboard with "permission denied"). The printed matrix gives each status code and the counts of 200s and denials.
"""

from __future__ import annotations

import pytest
from django.contrib.auth.models import Group
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from masthead.ingest import pipeline
from masthead.ingest.models import WireItem
from masthead.news import services as news
from masthead.news.models import ArticlePage
from masthead.users import roles
from tests.ingest.test_pipeline import ninjs
from tests.news.test_publish_once import publish_form

ANONYMOUS = "(not signed in)"
ROWS = (ANONYMOUS, roles.REPORTERS, roles.SUB_EDITORS, roles.EDITORS, roles.WIRE_DESK, roles.ADMINISTRATORS)
COLUMNS = (
    "dashboard",
    "add story",
    "edit another's story",
    "publish own draft",
    "wire desk",
    "wire item",
    "raw payload",
    "ignore wire item",
    "wire sources",
    "settings: groups",
)
Y, N = True, False
EXPECTED = {
    ANONYMOUS: (N, N, N, N, N, N, N, N, N, N),
    roles.REPORTERS: (Y, Y, N, N, N, N, N, N, N, N),
    roles.SUB_EDITORS: (Y, Y, Y, N, N, N, N, N, N, N),
    roles.EDITORS: (Y, Y, Y, Y, N, N, N, N, N, N),
    roles.WIRE_DESK: (Y, Y, N, N, Y, Y, Y, Y, Y, N),
    roles.ADMINISTRATORS: (Y, Y, Y, Y, Y, Y, Y, Y, Y, Y),
}


@pytest.fixture
def newsroom(edition, django_user_model):
    world = edition.sections["world"]
    others = news.file_story(world, news.StoryDraft(title="Someone else's story", paragraphs=["<p>Text.</p>"]), publish=True)
    folder = news.year_folder_for(world, timezone.now().year)
    users = {}
    for name in ROWS[1:]:
        user = django_user_model.objects.create_user(name.lower().replace(" ", "-"), f"{name[:3]}@example.org", "pw")
        user.groups.add(Group.objects.get(name=name))
        users[name] = user
    return {"world": world, "others": others, "folder": folder, "users": users}


def _cells(client: Client, user, newsroom) -> list[tuple[bool, str]]:
    """Each column's (allowed, what the client saw) for one signed-in user (or nobody)."""
    item = pipeline.ingest_payload(ninjs(uri=f"urn:matrix:{user.pk if user else 0}"), source="Agency wire").outcomes[0].item
    own = news.file_story(newsroom["world"], news.StoryDraft(title="Own draft", paragraphs=["<p>Text.</p>"]), user=user)
    gets = {
        "dashboard": reverse("wagtailadmin_home"),
        "add story": reverse("wagtailadmin_pages:add", args=("news", "articlepage", newsroom["folder"].pk)),
        "edit another's story": reverse("wagtailadmin_pages:edit", args=(newsroom["others"].pk,)),
        "wire desk": reverse("ingest_desk"),
        "wire item": reverse("ingest_item", args=(item.pk,)),
        "raw payload": reverse("ingest_item_raw", args=(item.pk,)),
        "wire sources": reverse("wire_sources:index"),
        "settings: groups": reverse("wagtailusers_groups:index"),
    }
    cells = {}
    for column, url in gets.items():
        response = client.get(url)
        cells[column] = (response.status_code == 200, str(response.status_code))
    response = client.post(reverse("wagtailadmin_pages:edit", args=(own.pk,)), publish_form(own, title="Own draft"))
    live = ArticlePage.objects.get(pk=own.pk).live
    cells["publish own draft"] = (live, f"{response.status_code} {'live' if live else 'not live'}")
    response = client.post(reverse("ingest_ignore", args=(item.pk,)))
    ignored = WireItem.objects.get(pk=item.pk).status == "ignored"
    cells["ignore wire item"] = (ignored, f"{response.status_code} {'ignored' if ignored else 'unchanged'}")
    return [cells[column] for column in COLUMNS]


def test_the_permission_matrix(newsroom):
    matrix = {}
    for row in ROWS:
        client = Client()
        user = newsroom["users"].get(row)
        if user is not None:
            client.force_login(user)
        matrix[row] = _cells(client, user, newsroom)

    width = max(len(column) for column in COLUMNS)
    lines = ["", f"{'':<{width}} | " + " | ".join(f"{row[:14]:<14}" for row in ROWS)]
    for index, column in enumerate(COLUMNS):
        lines.append(f"{column:<{width}} | " + " | ".join(f"{matrix[row][index][1]:<14}" for row in ROWS))
    allowed = sum(1 for row in ROWS for ok, _ in matrix[row] if ok)
    ok_200 = sum(1 for row in ROWS for _, seen in matrix[row] if seen.startswith("200"))
    denied = sum(1 for row in ROWS for ok, _ in matrix[row] if not ok)
    forbidden = sum(1 for row in ROWS for _, seen in matrix[row] if seen.startswith("403"))
    lines.append(
        f"{len(ROWS)} rows x {len(COLUMNS)} URLs: {allowed} allowed ({ok_200} answered 200), "
        f"{denied} denied ({forbidden} answered 403, the rest a redirect or a Publish that did not publish)"
    )
    print("\n".join(lines))  # shown with `pytest -s`

    for row in ROWS:
        got = tuple(ok for ok, _ in matrix[row])
        assert got == EXPECTED[row], f"{row}: {dict(zip(COLUMNS, matrix[row], strict=True))}"


def test_the_wire_desk_menu_items_are_shown_to_the_wire_desk_only(newsroom):
    desk, sources = reverse("ingest_desk"), reverse("wire_sources:index")
    for role, shown in [(roles.WIRE_DESK, True), (roles.ADMINISTRATORS, True), (roles.EDITORS, False), (roles.REPORTERS, False)]:
        client = Client()
        client.force_login(newsroom["users"][role])
        html = client.get(reverse("wagtailadmin_home")).content.decode()
        assert (f'"{desk}"' in html, f'"{sources}"' in html) == (shown, shown), role

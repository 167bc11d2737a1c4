"""The editor's live preview: Wagtail frames it in the admin, so it may be framed by the admin (and only the admin).

Wagtail renders a preview through the whole middleware stack with a stand-in
request for the page's own URL, and serves the result from /admin/…/preview/
into an iframe of the edit view. Reader pages must still refuse every frame.
"""

from __future__ import annotations

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse


def directives(policy: str) -> dict[str, str]:
    pairs = (part.strip().split(None, 1) for part in policy.split(";") if part.strip())
    return {name: (rest[0] if rest else "") for name, *rest in pairs}


@pytest.fixture
def editor_client(client, edition):
    from masthead.users.models import User

    editor = User.objects.create_user(username="editor", password="correct-horse-battery", email="editor@example.org")
    editor.groups.add(Group.objects.get(name="Editors"))
    client.force_login(editor)
    return client


def live_preview(client, story, title: str):
    """What the preview panel does: POST the edit form's state, then load the preview into its iframe."""
    url = reverse("wagtailadmin_pages:preview_on_edit", args=[story.pk])
    notes = {f"notes-{key}": value for key, value in (("TOTAL_FORMS", "0"), ("INITIAL_FORMS", "0"), ("MAX_NUM_FORMS", "1000"))}
    posted = client.post(url, {"title": title, "slug": story.slug, "body-count": "0", **notes})
    assert posted.status_code == 200 and posted.json() == {"is_valid": True, "is_available": True}, posted.content
    response = client.get(url, {"in_preview_panel": "true"})
    assert response.status_code == 200
    assert title.encode() in response.content  # the story as edited, not the preview's error page
    return response


def test_the_live_preview_may_be_framed_by_the_admin(editor_client, make_story):
    story = make_story(title="Published headline")
    preview = live_preview(editor_client, story, "Headline being edited")
    policy = directives(preview["Content-Security-Policy"])
    assert policy["frame-ancestors"] == "'self'"
    assert preview.get("X-Frame-Options", "SAMEORIGIN").upper() == "SAMEORIGIN"  # never DENY


def test_the_preview_keeps_the_readers_policy_apart_from_framing(editor_client, make_story):
    story = make_story(title="Published headline")
    preview = directives(live_preview(editor_client, story, "Headline being edited")["Content-Security-Policy"])
    editor_client.logout()
    reader = directives(editor_client.get(story.url)["Content-Security-Policy"])
    assert "'unsafe-inline'" not in preview["script-src"]
    preview.pop("frame-ancestors")
    reader.pop("frame-ancestors")
    assert preview == reader


def test_reader_pages_still_refuse_every_frame(client, make_story):
    story = make_story(title="Published headline")
    for url in ("/", story.url, f"{story.url}?lite=1", "/world/"):
        response = client.get(url)
        assert response.status_code == 200, url
        assert directives(response["Content-Security-Policy"])["frame-ancestors"] == "'none'", url
        assert response["X-Frame-Options"] == "DENY", url

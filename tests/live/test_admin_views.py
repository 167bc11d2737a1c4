"""The live desk: one form to post from, allowed to who may edit the story, and nothing lost on a bad post."""

from __future__ import annotations

from django.test import Client

from masthead.live import services
from masthead.live.models import LiveCoverage, LiveEntry


def desk(story) -> str:
    return f"/admin/live/{story.pk}/"


def test_a_reporter_posts_from_the_desk_and_is_sent_back_to_it(client, live_story, reporter):
    client.force_login(reporter)
    page = client.get(desk(live_story))
    assert page.status_code == 200 and b'name="body"' in page.content and b'name="key_event"' in page.content
    response = client.post(
        desk(live_story), {"title": "Rescue boats out", "body": "One.\n\nTwo.", "key_event": "on", "pinned": "on"}
    )
    assert response.status_code == 303 and response["Location"] == desk(live_story)
    entry = LiveEntry.objects.get()
    assert entry.title == "Rescue boats out" and entry.key_event and entry.pinned and entry.html == "<p>One.</p><p>Two.</p>"
    listing = client.get(desk(live_story)).content.decode()
    assert "Rescue boats out" in listing and f"/admin/live/{live_story.pk}/entries/{entry.pk}/edit/" in listing
    assert "Unpin" in listing and "Delete" in listing


def test_an_empty_body_is_a_clear_error_and_the_title_is_kept(client, live_story, reporter):
    client.force_login(reporter)
    response = client.post(desk(live_story), {"title": "Only a title", "body": "  "})
    assert response.status_code == 400
    html = response.content.decode()
    assert services.EMPTY_ENTRY in html and 'value="Only a title"' in html
    assert not LiveEntry.objects.exists()


def test_who_may_not_edit_the_story_may_not_post(client, live_story, outsider, make_story, reporter):
    client.force_login(outsider)
    assert client.get(desk(live_story)).status_code in (302, 403)
    assert client.post(desk(live_story), {"body": "Not mine."}).status_code in (302, 403)
    other = make_story(title="Someone else's story")
    services.start_coverage(other, _editor_of(live_story))
    client.force_login(reporter)
    refused = client.post(desk(other), {"body": "Not my story."})
    assert refused.status_code == 302 and refused["Location"] == "/admin/"  # Wagtail's answer to PermissionDenied
    assert not LiveEntry.objects.exists()


def _editor_of(story):
    from django.contrib.auth import get_user_model

    return get_user_model().objects.get(username="editor")


def test_the_form_needs_its_csrf_token(live_story, reporter):
    client = Client(enforce_csrf_checks=True)
    client.force_login(reporter)
    assert client.post(desk(live_story), {"body": "No token."}).status_code == 403
    assert not LiveEntry.objects.exists()


def test_edit_pin_and_delete(client, live_story, reporter):
    client.force_login(reporter)
    entry = services.post_entry(live_story, reporter, body="Toll at 12.")
    edit = f"{desk(live_story)}entries/{entry.pk}/edit/"
    assert "Toll at 12." in client.get(edit).content.decode()
    assert client.post(edit, {"body": "Toll at 14."}).status_code == 303
    entry.refresh_from_db()
    assert entry.html == "<p>Toll at 14.</p>" and entry.edited_at
    assert client.post(f"{desk(live_story)}entries/{entry.pk}/pin/").status_code == 303
    assert LiveEntry.objects.get().pinned
    assert client.post(f"{desk(live_story)}entries/{entry.pk}/delete/").status_code == 303
    assert not LiveEntry.objects.exists()


def test_editors_start_and_end_coverage_from_the_desk_reporters_cannot(client, make_story, editor, reporter):
    story = make_story()
    story.owner = reporter
    story.save(update_fields=["owner"])
    client.force_login(reporter)
    client.post(f"{desk(story)}start/")
    assert not LiveCoverage.objects.exists()
    assert "Start live coverage" not in client.get(desk(story)).content.decode()
    client.force_login(editor)
    assert "Start live coverage" in client.get(desk(story)).content.decode()
    assert client.post(f"{desk(story)}start/").status_code == 303
    assert LiveCoverage.objects.get().state == "live"
    assert client.post(f"{desk(story)}end/").status_code == 303
    assert LiveCoverage.objects.get().state == "ended"


def test_the_storys_edit_page_links_to_its_live_desk(client, live_story, reporter):
    client.force_login(reporter)
    html = client.get(f"/admin/pages/{live_story.pk}/edit/").content.decode()
    assert desk(live_story) in html

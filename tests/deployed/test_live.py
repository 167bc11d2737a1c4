"""A live story as deployed: an entry an editor posts in the admin reaches a reader's open page without a reload."""

from __future__ import annotations

import json
import time
import uuid
from urllib.parse import urlsplit

import pytest

from tests.browser.conftest import PHONE, screenshot
from tests.deployed.editing import Story, sign_in
from tests.deployed.stack import EDITOR

pytestmark = pytest.mark.browser
ON_SCREEN_WITHIN = 12.0  # seconds from the post to the reader's screen, poll interval (10 s) included
GIVE_UP_AFTER = 25.0  # keep watching this long, so a failure says how late rather than only "late"


def test_a_readers_open_live_page_shows_a_new_entry_without_a_reload(stack, tls_browser):
    story = quiet_story(stack.get)
    editor = sign_in(tls_browser, stack.base, EDITOR, stack.editor_password)
    reader = tls_browser.new_context(viewport=PHONE, ignore_https_errors=True).new_page()
    try:
        start_live_coverage(editor, stack.base, story.id)
        open_live_page(reader, stack.url(story.path + "#live"))  # as the desk's "Readers' page" link opens it
        reader.evaluate("() => { window.__sameDocument = true; }")  # gone if the page reloads

        marker = f"Marker {uuid.uuid4().hex[:10]}"
        posted = post_entry(editor, stack.base, story.id, marker, "Police have closed the harbour road.")
        entry = reader.locator("[data-live-entries] [data-entry]").filter(has_text=marker)
        shown = None
        while time.monotonic() - posted < GIVE_UP_AFTER:
            if entry.count() and entry.is_visible():
                shown = round(time.monotonic() - posted, 2)
                break
            reader.wait_for_timeout(100)
        screenshot(reader, "deployed-live")
        assert shown is not None, f"the entry was not on the reader's page {GIVE_UP_AFTER:.0f} s after posting"
        assert shown <= ON_SCREEN_WITHIN, f"the entry reached the reader's page after {shown} s"
        assert reader.evaluate("() => window.__sameDocument === true"), "the page reloaded to show the entry"
    finally:
        editor.context.close()
        reader.context.close()


def quiet_story(fetch) -> Story:
    """A published story the other deployed tests leave alone (they take the newest): last on the API's first page."""
    item = json.loads(fetch("/api/v1/articles").body)["items"][-1]
    path = urlsplit(item["url"]).path
    return Story(id=item["id"], title=item["title"], path=path, section_path=f"/{item['section']['slug']}/")


def start_live_coverage(editor, base: str, story_id: int) -> None:
    """The story's live desk in the admin, and its "Start live coverage" button."""
    editor.goto(f"{base}/admin/live/{story_id}/")
    start = editor.get_by_role("button", name="Start live coverage")
    if start.count():  # else the demo made this story live already
        with editor.expect_navigation():
            start.click()
    assert editor.locator("[name=body]").count(), "no posting form after starting live coverage"


def open_live_page(reader, url: str) -> None:
    """The story's page once starting the coverage has reached it (a purge, within a second or two)."""
    for _ in range(10):
        reader.goto(url)
        if reader.locator("[data-live-state=live]").count():
            return
        reader.wait_for_timeout(500)
    raise AssertionError(f"{url} shows no live coverage 5 s after it started")


def post_entry(editor, base: str, story_id: int, title: str, body: str) -> float:
    """Posts through the live story's admin form as an editor types it; returns when the POST was answered."""
    editor.goto(f"{base}/admin/live/{story_id}/")
    editor.fill("[name=title]", title)
    editor.fill("[name=body]", body)
    desk = f"/admin/live/{story_id}/"
    with editor.expect_response(lambda r: r.request.method == "POST" and r.url.endswith(desk)) as answer:
        editor.get_by_role("button", name="Post", exact=True).click()
    posted = time.monotonic()
    assert answer.value.status == 303, f"posting the entry answered {answer.value.status}"
    editor.wait_for_load_state()
    return posted

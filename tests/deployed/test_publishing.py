"""An editor publishes in the admin; within a second every cached page shows it, under every host name."""

from __future__ import annotations

import uuid

import pytest

from tests.browser.conftest import screenshot
from tests.deployed.editing import late, newest_story, publish_headline, seconds_until_shown, sign_in
from tests.deployed.stack import EDITOR, HOSTS

pytestmark = pytest.mark.browser
PREVIEW_WAIT_MS = 15_000


def test_a_published_headline_reaches_every_host_within_a_second(stack, tls_browser):
    story = newest_story(stack.get)
    targets = [(host, path) for host in HOSTS for path in ("/", story.section_path, story.path)]
    for host, path in targets:  # cached everywhere first, so only a purge can make the change show
        stack.get(path, host=host)
        cached = stack.get(path, host=host)
        assert cached.status == 200 and cached.header("X-Cache") == "NGINX", (host, path, cached.status, cached.header("X-Cache"))
        assert story.title in cached.text, (host, path)

    marker = f"Marker{uuid.uuid4().hex[:12]}"
    editor = sign_in(tls_browser, stack.base, EDITOR, stack.editor_password)
    try:
        published = publish_headline(editor, stack.base, story, f"{story.title} {marker}")
    finally:
        editor.context.close()

    shown = seconds_until_shown(stack.get, targets, marker, published)
    assert late(shown) == {}, f"seconds until each page showed the new headline (None: not after 10 s): {shown}"


def test_the_editors_live_preview_shows_the_story(stack, tls_browser):
    """The preview panel frames the page from the admin's own origin: a blank panel means framing is refused."""
    story = newest_story(stack.get)
    editor = sign_in(tls_browser, stack.base, EDITOR, stack.editor_password)
    try:
        editor.goto(f"{stack.base}/admin/pages/{story.id}/edit/")
        headline = editor.input_value("#id_title")
        editor.click("[data-side-panel-toggle=preview]")
        heading = ""
        for _ in range(PREVIEW_WAIT_MS // 250):
            locator = editor.frame_locator("#w-preview-iframe").locator("h1").first
            heading = locator.inner_text(timeout=250).strip() if locator.count() else ""
            if heading == headline:
                break
            editor.wait_for_timeout(250)
        screenshot(editor, "deployed-admin-preview")
        assert heading == headline, f"the preview panel shows {heading!r}, not the story"
    finally:
        editor.context.close()

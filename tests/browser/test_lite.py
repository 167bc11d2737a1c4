"""The lite version in Chromium, as a reader on a 2G phone gets it: one request, no console error, targets a thumb can hit."""

from __future__ import annotations

import pytest

from tests.browser.conftest import DESKTOP, PHONE
from tests.browser.test_demo_site import agency_story_url

pytestmark = pytest.mark.browser

MIN_TARGET = 24  # px, WCAG 2.2 target size (minimum)


def _lite_paths(browser, base: str) -> list[str]:
    context = browser.new_context(viewport=PHONE)
    try:
        story = agency_story_url(context.new_page(), base)  # agency copy with a section, byline, tags and Read more
    finally:
        context.close()
    return ["/?lite=1", story + "?lite=1", "/world/?lite=1", "/agencies/interfax/?lite=1", "/search/?q=river&lite=1"]


def _load(context, url: str):
    """The page at ``url``, every request the browser made for it and the console's errors and warnings."""
    page = context.new_page()
    # DevTools' network log sees what the page's own events do not: the browser's favicon fetch.
    requests, problems = [], []
    devtools = context.new_cdp_session(page)
    devtools.send("Network.enable")
    devtools.on("Network.requestWillBeSent", lambda event: requests.append(event["request"]["url"]))
    page.on("console", lambda message: problems.append(message.text) if message.type in ("error", "warning") else None)
    page.goto(url)
    page.wait_for_timeout(1000)  # the favicon is asked for after load
    return page, requests, problems


@pytest.mark.parametrize("viewport", [PHONE, DESKTOP], ids=["phone", "desktop"])
def test_a_lite_page_is_one_request_with_every_link_a_large_target(browser, demo_server, viewport):
    for path in _lite_paths(browser, demo_server):
        context = browser.new_context(viewport=viewport)
        try:
            page, requests, problems = _load(context, demo_server + path)
            assert requests == [demo_server + path], (path, requests)
            assert not problems, (path, problems)

            small = page.evaluate(
                """min => [...document.querySelectorAll('a[href]')]
                    .map(a => [a.textContent.trim(), a.getBoundingClientRect()])
                    .filter(([, box]) => box.width < min || box.height < min)
                    .map(([text, box]) => `${text}: ${box.width.toFixed(1)}x${box.height.toFixed(1)}`)""",
                MIN_TARGET,
            )
            assert not small, (path, small)
            assert page.locator("a[href]").count() > 10, path
        finally:
            context.close()

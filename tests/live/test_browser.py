"""The demo's live story in Chromium at phone width: its parts in order, its script allowed by the CSP, a screenshot."""

from __future__ import annotations

from masthead.live.demo import TITLE
from tests.browser.conftest import PHONE, browser, demo_server, playwright, screenshot  # noqa: F401 (fixtures)


def test_the_demo_live_story_at_phone_width(browser, demo_server):  # noqa: F811
    context = browser.new_context(viewport=PHONE)
    page = context.new_page()
    problems: list[str] = []
    page.on("console", lambda message: problems.append(message.text) if message.type == "error" else None)
    page.on("pageerror", lambda error: problems.append(str(error)))
    page.goto(demo_server + "/world/")
    page.get_by_role("link", name=TITLE).first.click()
    page.wait_for_load_state("networkidle")
    assert page.locator(".live-badge--live").is_visible()
    assert page.locator("[data-live-key-events] li").count() == 2
    assert page.locator(".live__pinned .live-entry").count() == 1
    assert page.locator("[data-live-entries] .live-entry").count() == 11  # a dozen, the pinned one in its own place
    # The poll runs (same origin, allowed by the CSP): the endpoint answers from the page cache.
    answer = page.evaluate(
        "fetch(document.querySelector('[data-live-url]').dataset.liveUrl, {cache: 'no-cache'}).then(r => r.status)"
    )
    assert answer == 200
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]  # nothing wider than the phone
    screenshot(page, "live")
    assert not problems, problems
    context.close()

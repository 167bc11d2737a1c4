"""A correction in Chromium, as readers meet it: on /corrections/, then on the story, at the foot and under the dates."""

from __future__ import annotations

import pytest

from masthead.corrections.demo import DEMO_CORRECTION
from tests.browser.conftest import PHONE, RESULTS, screenshot

pytestmark = pytest.mark.browser


def test_a_correction_shows_on_corrections_and_on_the_story(browser, demo_server):
    context = browser.new_context(viewport=PHONE)
    try:
        page = context.new_page()
        page.goto(demo_server + "/corrections/")
        item = page.locator(".correction-list__item").first
        assert DEMO_CORRECTION in item.inner_text()
        screenshot(page, "corrections-page")

        item.locator(".correction-list__story a").click()
        page.wait_for_load_state()
        line = page.locator(".story__noted a")
        assert line.inner_text().startswith("Corrected ")
        notes = page.locator("#story-notes")
        assert DEMO_CORRECTION in notes.inner_text() and "Correction" in notes.inner_text()
        assert page.locator(".story__times").inner_text().count("Updated") == 1
        line.click()  # the line under the dates takes the reader to the notes
        page.wait_for_timeout(600)
        assert notes.evaluate("el => el.getBoundingClientRect().top < window.innerHeight")
        screenshot(page, "story-correction")  # the whole page: the line under the dates, the notes at the foot
        page.screenshot(path=str(RESULTS / "story-correction-foot-390.png"))  # what the reader sees after the jump

        page.goto(page.url.split("#")[0] + "?lite=1")
        assert DEMO_CORRECTION in page.locator("#story-notes").inner_text()
        screenshot(page, "story-correction-lite")
    finally:
        context.close()

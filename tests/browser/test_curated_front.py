"""The demo's curated home page in Chromium: the editors' lead and top stories, in order, at phone and desktop widths."""

from __future__ import annotations

import pytest

from masthead.curation.demo import PINNED, TOP_STORIES
from masthead.demo.content import LEAD_STORY, STORIES
from tests.browser.conftest import screenshot

pytestmark = pytest.mark.browser

BY_KEY = {story.key: story for story in STORIES}


def test_the_home_page_leads_with_the_editors_choice_then_their_top_stories(page, demo_server):
    page.goto(demo_server + "/")
    screenshot(page, "curated-home")
    lead = page.locator(".lead .card__title").inner_text().strip()
    top = [title.strip() for title in page.locator(".front__top .card__title").all_inner_texts()]
    placed = [BY_KEY[key].title for key in (LEAD_STORY, *TOP_STORIES)]
    # While the demo's breaking story lasts it leads, and the editors' stories follow it in their order.
    assert [lead, *top] == (placed if lead == placed[0] else [lead, *(title for title in placed if title != lead)])
    assert BY_KEY[PINNED].title in top  # pinned for six hours: still there
    # Filled without duplicates: no story twice among the lead, the top stories and the section blocks.
    titles = page.locator(".lead .card__title, .front__top .card__title, .front__section .card__title").all_inner_texts()
    assert len(titles) == len(set(titles))
    assert page.evaluate("document.scrollingElement.scrollWidth") <= page.viewport_size["width"]

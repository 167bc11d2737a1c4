"""The demo in Chromium at phone and desktop widths: the seed page's anatomy, the lite switch, screenshots."""

from __future__ import annotations

import re
import urllib.request

import pytest

from tests.browser.conftest import screenshot

pytestmark = pytest.mark.browser

MASTHEAD_DATE = re.compile(r"^\w+day \d{1,2}(st|nd|rd|th) \w+ \d{4} / \d{1,2} [\w' -]+ \d{4}$")


def _fetch(url: str) -> tuple[int, bytes]:
    with urllib.request.urlopen(url, timeout=10) as response:
        return response.status, response.read()


def agency_story_url(page, base: str) -> str:
    """The newest Interfax story of the demo: agency copy with a dateline, like the seed page."""
    page.goto(base + "/agencies/interfax/")
    return page.locator("main .card__title a").first.get_attribute("href")


def test_home_page(page, demo_server):
    page.goto(demo_server + "/")
    assert MASTHEAD_DATE.match(page.locator(".masthead__date").inner_text().strip())
    assert page.locator("h1").count() == 1
    assert page.locator(".card--lead img").count() == 1
    assert page.locator(".front__section").count() >= 5
    assert page.locator("nav.sections a").count() >= 6
    assert page.evaluate("document.scrollingElement.scrollWidth") <= page.viewport_size["width"]
    # Each picture fills its box (the width its `sizes` promise), not the width attribute of its smallest file.
    gaps = page.evaluate(
        """() => [...document.querySelectorAll('picture img')].map(img => {
            let box = img.parentElement;
            while (getComputedStyle(box).display.startsWith('inline') || getComputedStyle(box).display === 'contents') box = box.parentElement;
            const style = getComputedStyle(box);
            const inner = box.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight);
            return inner - img.getBoundingClientRect().width;
        })"""
    )
    assert gaps and max(gaps) < 2, gaps
    screenshot(page, "home")


def test_article_page_has_the_seed_anatomy(page, demo_server):
    url = agency_story_url(page, demo_server)
    page.goto(demo_server + url)

    assert MASTHEAD_DATE.match(page.locator(".masthead__date").inner_text().strip())
    assert page.locator("h1").count() == 1
    first_paragraph = page.locator(".story__body p").first.inner_text()
    assert re.match(r"^[A-Z][A-Z .'-]+: \S", first_paragraph), first_paragraph
    assert "Interfax" in page.locator(".byline").inner_text()

    read_more = page.locator(".story__body .read-more")
    assert read_more.count() == 1
    assert read_more.inner_text().startswith("Read more: ")
    paragraphs_before = page.locator(".story__body .read-more").evaluate(
        "el => { let n = 0; for (let p = el.previousElementSibling; p; p = p.previousElementSibling) if (p.tagName === 'P') n++; return n; }"
    )
    assert paragraphs_before in (2, 3)
    target = read_more.locator("a").get_attribute("href")
    assert target != url
    assert _fetch(demo_server + target)[0] == 200

    cta = page.locator(".app-cta")
    assert "Download Masthead Demo News mobile application and keep yourself updated." in cta.inner_text()
    assert cta.locator("a").count() == 2

    assert re.search(r"Published \w+day .+ / .+ \d{4}, \d\d:\d\d", page.locator(".story__times").inner_text())
    assert page.evaluate("document.scrollingElement.scrollWidth") <= page.viewport_size["width"]
    screenshot(page, "article")

    page.evaluate("window.scrollTo(0, document.body.scrollHeight)")
    assert page.evaluate("window.scrollY") > 0
    page.get_by_role("link", name="Back to top").click()
    # wait_for_function would eval a string, which the page's CSP rightly forbids: poll instead.
    for _ in range(50):
        if page.evaluate("window.scrollY") == 0:
            break
        page.wait_for_timeout(100)
    assert page.evaluate("window.scrollY") == 0


def test_lite_switch_there_and_back(page, demo_server):
    url = agency_story_url(page, demo_server)
    page.goto(demo_server + url)
    page.locator(".masthead__lite").click()
    page.wait_for_url(re.compile(r"\?lite=1$"))
    assert page.locator("img").count() == 0
    assert page.locator("script").count() == 0
    assert page.locator("link[rel=stylesheet]").count() == 0
    assert page.locator("h1").count() == 1
    assert page.locator(".read-more").count() == 1
    assert "mobile application" in page.content()
    status, body = _fetch(page.url)
    assert status == 200 and len(body) < 15_000, len(body)
    screenshot(page, "article-lite")

    page.get_by_role("link", name="Exit lite version").first.click()
    page.wait_for_url(demo_server + url)
    assert page.locator("link[rel=stylesheet]").count() == 1
    assert page.locator(".masthead__lite").inner_text() == "Lite version"


def test_lite_reading_stays_lite(page, demo_server):
    page.goto(demo_server + "/?lite=1")
    page.locator("main a").first.click()
    assert page.url.endswith("?lite=1")
    assert page.locator("img").count() == 0


def test_old_story_carries_an_age_banner(page, demo_server):
    page.goto(demo_server + "/")
    # The demo archive reaches back years; its oldest stories are on the last pages of a section.
    found = False
    for section in page.locator("nav.sections a").evaluate_all("els => els.map(e => e.getAttribute('href'))")[1:]:
        page.goto(demo_server + section + "?page=2")
        if page.locator(".card").count() == 0:
            page.goto(demo_server + section)
        page.locator(".card__title a").last.click()
        banner = page.locator(".age-banner")
        if banner.count():
            assert re.match(r"This article is more than \d+ years? old", banner.inner_text())
            screenshot(page, "article-old")
            found = True
            break
    assert found, "no demo story over a year old shows its age banner"

"""The demo's Urdu edition as a reader meets it: `masthead demo` run as printed, read in Chromium at 390 and 1,280 px.

Issue #14's "Done when": on home, an article, its lite version, search results and a 404 of the
edition `masthead demo` prints on ur.localhost, the page is `lang="ur" dir="rtl"`, nothing sticks
out sideways, no English interface string is left (the list is below), the Urdu text is drawn by the
font the site serves (its cmap covers every Arabic-script character shown, so no .notdef boxes, and
Chromium reports that font drawing each Urdu text), every link stays on the Urdu edition's host except
the deliberate ones (ENGLISH_EDITION_HOSTS with hreflang, APP_STORE_HOSTS), and the console stays
quiet. Screenshots: test-results/urdu-<page>-<width>.png.
"""

from __future__ import annotations

import io
import os
import re
import shutil
import subprocess
import time
import unicodedata
from dataclasses import dataclass, field
from urllib.parse import quote, urlsplit

import pytest

from masthead.calendars.spellings import MONTH_NAMES, HijriStyle
from tests.browser.conftest import CHROMIUM, CHROMIUM_ARGS, screenshot
from tests.conftest import require
from tests.deployed import client
from tests.deployed.processes import Service, free_port, masthead, scrubbed_env

pytestmark = pytest.mark.browser

URDU_HOST = "ur.localhost"
PRINTED_ADDRESS = re.compile(r"Masthead demo:\s+(http://\S+?)/?\s")
PRINTED_URDU_ADDRESS = re.compile(r"(http://ur\.localhost:\d+)/?")
PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1280, "height": 800}
VIEWPORTS = {390: PHONE, 1280: DESKTOP}
PAGES = ["home", "article", "lite-article", "search", "404"]
FULL_PAGES = [name for name in PAGES if not name.startswith("lite")]

# What the English interface shows a reader (base.html, lite_base.html, the article, listings, search, the 404,
# corrections, live coverage, dates), matched as whole words, case-sensitive. Latin names inside Urdu text
# (agencies such as "Interfax", "Google Play", "App Store", "PKT") are not interface strings and are not listed.
ENGLISH_INTERFACE = [
    "Home",
    "Search stories",
    "Search",
    "Search results for",
    "No stories match",
    "Type a word or two",
    "Lite version",
    "Exit lite version",
    "(lite)",
    "By",
    "Published",
    "Updated",
    "Read more",
    "Install the app",
    "read your latest stories offline",
    # The app call to action's English default (web.EditionSettings.app_cta_text).
    "Download",
    "mobile application",
    "keep yourself updated",
    "Mobile app",
    "Back to top",
    "Skip to content",
    "Page not found",
    "The page you asked for is not here",
    "Go to the front page",
    "search the archive",
    "Sections",
    "Tags",
    "Next",
    "Previous",
    "Newer stories",
    "Older stories",
    "Pages",
    "Lead story",
    "Top stories",
    "Latest",
    "latest news",
    "No stories here yet",
    "Corrections and notes",
    "All corrections",
    "Corrected",
    "This article is more than",
    "Key events",
    "Live coverage has ended",
    "Sunday",
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
    # The Hijri month in Latin letters, as the English editions print it.
    *sorted(set(MONTH_NAMES[HijriStyle.SOUTH_ASIAN]) | set(MONTH_NAMES[HijriStyle.STANDARD])),
]
ENGLISH_ORDINAL = re.compile(r"\b\d{1,2}(?:st|nd|rd|th)\b")  # "28th May"

# Links that deliberately leave the Urdu edition: the same story in English (hreflang alternates, on the English
# edition's own host) and the app stores. Every other a[href] and link[href] must resolve to the Urdu host.
ENGLISH_EDITION_HOSTS = {"localhost", "127.0.0.1"}
APP_STORE_HOSTS = {"play.google.com", "apps.apple.com", "itunes.apple.com"}

# Arabic, Arabic Supplement, Arabic Extended-A, Presentation Forms-A and -B: the script Urdu is written in.
ARABIC_SCRIPT = re.compile("[\u0600-\u06ff\u0750-\u077f\u08a0-\u08ff\ufb50-\ufdff\ufe70-\ufeff]")
FALLBACK_SEARCH_WORD = "خبریں"  # "news"
URDU_WORD = re.compile("[\u0600-\u06ff\u0750-\u077f]{3,}")

# Everything a test asserts on, read once per page and width.
READ_PAGE = """
() => {
    const skipped = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE']);
    const texts = [];  // every text node of the body, shown or not yet shown (the install prompt starts hidden)
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT, {
        acceptNode: (node) => node.parentElement.closest('script, style, noscript, template')
            ? NodeFilter.FILTER_REJECT : NodeFilter.FILTER_ACCEPT,
    });
    while (walker.nextNode()) if (walker.currentNode.data.trim()) texts.push(walker.currentNode.data.trim());
    const attributes = [];
    for (const element of document.querySelectorAll('[aria-label], [placeholder], [title], input[value]')) {
        for (const name of ['aria-label', 'placeholder', 'title', 'value']) {
            if (element.hasAttribute(name) && !skipped.has(element.tagName)
                && (name !== 'value' || ['submit', 'button', 'reset'].includes(element.type)))
                attributes.push({where: `${element.tagName.toLowerCase()}[${name}]`, text: element.getAttribute(name)});
        }
    }
    // Sideways overflow: what is wider than the viewport, or sticks out of it on the side that scrolls
    // (the left in right-to-left), outside any box that clips or scrolls it.
    const width = window.innerWidth;
    const rtl = getComputedStyle(document.documentElement).direction === 'rtl';
    const clipped = (element) => {
        for (let up = element.parentElement; up && up !== document.body; up = up.parentElement) {
            if (getComputedStyle(up).overflowX !== 'visible') return true;
        }
        return false;
    };
    const describe = (element) => {
        const box = element.getBoundingClientRect();
        const name = element.tagName.toLowerCase() + (element.id ? '#' + element.id : '')
            + (element.classList.length ? '.' + [...element.classList].join('.') : '');
        return `${name} [${Math.round(box.left)}, ${Math.round(box.right)}] px`;
    };
    const overflowing = [];
    for (const element of document.body.querySelectorAll('*')) {
        const box = element.getBoundingClientRect();
        if (!box.width || clipped(element)) continue;
        const outside = rtl ? box.left < -0.5 : box.right > width + 0.5;
        if (box.width > width + 0.5 || outside) overflowing.push(describe(element));
    }
    const fontFaces = [];
    const collect = (rules, sheet) => {
        for (const rule of rules) {
            if (rule instanceof CSSFontFaceRule) {
                const urls = [...rule.style.getPropertyValue('src').matchAll(/url\\(["']?([^"')]+)["']?\\)/g)]
                    .map((match) => new URL(match[1], sheet.href || document.baseURI).href);
                fontFaces.push({family: rule.style.getPropertyValue('font-family').replace(/["']/g, '').trim(),
                                display: rule.style.getPropertyValue('font-display'), urls});
            } else if (rule.cssRules) {
                collect(rule.cssRules, sheet);
            }
        }
    };
    for (const sheet of document.styleSheets) collect(sheet.cssRules, sheet);
    return {
        lang: document.documentElement.getAttribute('lang'),
        dir: document.documentElement.getAttribute('dir'),
        scrollWidth: document.documentElement.scrollWidth,
        innerWidth: width,
        overflowing,
        title: document.title,
        texts,
        attributes,
        visibleText: document.body.innerText
            + [...document.querySelectorAll('input[placeholder]')].map((input) => input.placeholder).join(' '),
        fontFaces,
        loadedFonts: [...document.fonts].map((face) => ({family: face.family.replace(/["']/g, ''), status: face.status})),
        anchors: [...document.querySelectorAll('a[href]')].map((a) => ({
            href: a.href, raw: a.getAttribute('href'), hreflang: a.hreflang, text: a.textContent.trim().slice(0, 60)})),
        links: [...document.querySelectorAll('link[href]')].map((link) => ({
            href: link.href, raw: link.getAttribute('href'), rel: link.rel, hreflang: link.hreflang})),
        readMore: [...document.querySelectorAll('.read-more a[href]')].map((a) => a.href),
        storyLinks: [...document.querySelectorAll('.card__title a[href], ul.cards a[href]')].map((a) => a.href),
    };
}
"""

# Marks each element whose own text holds Urdu, so CDP can ask which fonts drew it.
MARK_URDU_TEXT = """
(pattern) => {
    const urdu = new RegExp(pattern);
    let marked = 0;
    for (const element of document.body.querySelectorAll('*')) {
        if (marked >= 60 || !element.getClientRects().length) continue;
        const own = [...element.childNodes].filter((node) => node.nodeType === Node.TEXT_NODE).map((node) => node.data).join('');
        if (urdu.test(own)) { element.setAttribute('data-urdu-probe', ''); marked += 1; }
    }
    return marked;
}
"""
FONTS_CHECK = '([family, text]) => document.fonts.check(`16px "${family}"`, text)'


@dataclass
class UrduDemo:
    url: str  # the Urdu edition's address as printed, e.g. http://ur.localhost:8123
    port: int

    def get(self, path: str) -> client.Response:
        return client.request(self.port, path, host=URDU_HOST, tls=False)


@dataclass
class Reading:
    """One page at one width, as Chromium showed it."""

    path: str
    status: int
    page: dict
    console_errors: list[str] = field(default_factory=list)
    font_requests: list[str] = field(default_factory=list)
    fonts_drawn: dict[str, list[str]] = field(default_factory=dict)  # an Urdu text's element: the fonts that drew it
    fonts_check: dict[str, bool] = field(default_factory=dict)  # document.fonts.check of each served family, the Urdu text


@pytest.fixture(scope="module")
def urdu_demo(tmp_path_factory):
    """`masthead demo` as a newcomer runs it (empty folder, nothing configured), read at the Urdu address it prints."""
    folder = tmp_path_factory.mktemp("urdu-demo")
    port = free_port()
    demo = Service(
        "masthead demo", masthead("demo", "--port", str(port)), env=scrubbed_env(), cwd=folder, log=folder / "demo.log"
    )
    try:
        demo.wait_until(lambda: PRINTED_ADDRESS.search(demo.output()) is not None, timeout=240)
        output = demo.output()
        printed = PRINTED_URDU_ADDRESS.search(output)
        if printed is None:
            pytest.fail(f"`masthead demo` printed no address on {URDU_HOST}:\n{output}")
        urdu = UrduDemo(printed.group(1), port)
        demo.wait_until(lambda: urdu.get("/").status == 200, timeout=60)
        yield urdu
    finally:
        demo.stop()


# Letters of Urdu's alphabet: alef, tteh, noon ghunna, farsi yeh, heh goal, yeh barree.
URDU_LETTERS = ("627", "679", "6ba", "6cc", "6c1", "6d2")


@pytest.fixture(scope="module")
def reader_without_urdu_fonts(playwright, tmp_path_factory):
    """Chromium on a phone with no font of its own for Arabic script: every system font holding an Urdu letter is
    rejected (fontconfig), so the @font-face's local() finds nothing, the served WOFF2 is what draws Urdu, and a
    character it lacks shows as the box a reader would see. (This machine, like Android, has Noto Naskh Arabic.)"""
    require(shutil.which("fc-list") is not None, "fc-list not found: install fontconfig to run the Urdu font test")
    arabic_fonts = set()
    for letter in URDU_LETTERS:
        listed = subprocess.run(["fc-list", f":charset={letter}", "file"], capture_output=True, text=True, check=True)
        arabic_fonts |= {line.strip().rstrip(":") for line in listed.stdout.splitlines() if line.strip()}
    folder = tmp_path_factory.mktemp("fonts")
    rejected = "".join(f"<glob>{path}</glob>" for path in sorted(arabic_fonts))
    (folder / "fonts.conf").write_text(
        '<?xml version="1.0"?><!DOCTYPE fontconfig SYSTEM "fonts.dtd"><fontconfig>'
        '<include ignore_missing="yes">/etc/fonts/fonts.conf</include>'
        f"<selectfont><rejectfont>{rejected}</rejectfont></selectfont></fontconfig>"
    )
    browser = playwright.chromium.launch(
        executable_path=CHROMIUM,
        headless=True,
        args=CHROMIUM_ARGS,
        env={**os.environ, "FONTCONFIG_FILE": str(folder / "fonts.conf")},
    )
    yield browser
    browser.close()


@pytest.fixture(scope="module")
def urdu_paths(urdu_demo, browser) -> dict[str, str]:
    """The five pages read: home, a story from the home page's links (one with a Read more link), its lite
    version, search results for a word of its headline, and a 404."""
    context = browser.new_context(viewport=DESKTOP)
    try:
        page = context.new_page()
        page.goto(urdu_demo.url + "/", wait_until="load")
        links = page.evaluate(READ_PAGE)["storyLinks"]
    finally:
        context.close()
    stories = list(dict.fromkeys(urlsplit(href).path for href in links if urlsplit(href).hostname == URDU_HOST))
    assert stories, f"the Urdu home page links to no story on {URDU_HOST}: {links[:10]}"
    story = next((path for path in stories if 'class="read-more"' in urdu_demo.get(path).text), stories[0])
    headline = re.search(r"<h1>(.*?)</h1>", urdu_demo.get(story).text, re.S)
    # The headline's longest word; a story without one still gets a search page read (its strings, layout, font),
    # and test_search_finds_the_story_by_an_urdu_word says what is wrong.
    words = URDU_WORD.findall(headline.group(1) if headline else "") or [FALLBACK_SEARCH_WORD]
    search = "/search/?q=" + quote(max(words, key=len))
    _wait_for_the_search_index(urdu_demo, search, story)
    return {
        "home": "/",
        "article": story,
        "lite-article": story + "?lite=1",
        "search": search,
        "404": "/no-such-page-in-the-urdu-edition/",
    }


SEARCH_INDEX_WAIT = 180.0  # seconds
SEARCH_INDEXED: dict[str, float] = {}  # the search's path: seconds after the Urdu home answered until it listed the story


def _wait_for_the_search_index(demo: UrduDemo, search: str, story: str) -> None:
    """The worker indexes the demo's stories behind the printed address (index updates are its tasks, queued with
    the demo's other work), so a search asked at once may list nothing yet: give it SEARCH_INDEX_WAIT."""
    started = time.monotonic()
    while time.monotonic() - started < SEARCH_INDEX_WAIT:
        if f'{story}"' in demo.get(search).text:  # a card's link, relative or absolute
            SEARCH_INDEXED[search] = time.monotonic() - started
            return
        time.sleep(1)


_READINGS: dict[tuple[str, int], Reading] = {}


@pytest.fixture
def reading(request, urdu_demo, urdu_paths):
    """The page and width of the test's parameters, read once for the module and shared by every check. Full pages
    are read as on a phone without Urdu fonts (only the served font can draw them); lite pages, which use the
    system's font, as on a phone with one (this machine's Chromium)."""
    name, width = request.param
    key = (name, width)
    if key not in _READINGS:
        browser = request.getfixturevalue("browser" if name.startswith("lite") else "reader_without_urdu_fonts")
        _READINGS[key] = _read(browser, urdu_demo, urdu_paths[name], name, VIEWPORTS[width])
    return _READINGS[key]


def _read(browser, demo: UrduDemo, path: str, name: str, viewport: dict) -> Reading:
    context = browser.new_context(viewport=viewport)
    try:
        page = context.new_page()
        url = demo.url + path
        errors: list[str] = []

        def console(message):
            # Chromium logs a 404 document's own status as a console error: that is the page under test, not a fault.
            if message.type == "error" and not (name == "404" and message.location.get("url") == url):
                errors.append(message.text)

        page.on("console", console)
        page.on("pageerror", lambda error: errors.append(f"uncaught {error}"))
        fonts: list[str] = []
        page.on("request", lambda sent: fonts.append(sent.url) if sent.resource_type == "font" else None)
        response = page.goto(url, wait_until="load", timeout=30_000)
        page.evaluate("document.fonts.ready.then(() => true)")
        screenshot(page, f"urdu-{name}")
        found = page.evaluate(READ_PAGE)
        reading = Reading(path, response.status, found, errors, fonts)
        if not name.startswith("lite"):
            _fonts_drawn(page, reading)
        return reading
    finally:
        context.close()


def _fonts_drawn(page, reading: Reading) -> None:
    """Which fonts Chromium drew each element's Urdu text with (CDP's platform fonts: custom means @font-face)."""
    page.evaluate(MARK_URDU_TEXT, ARABIC_SCRIPT.pattern)
    cdp = page.context.new_cdp_session(page)
    cdp.send("DOM.enable")
    cdp.send("CSS.enable")
    root = cdp.send("DOM.getDocument", {"depth": -1})["root"]["nodeId"]
    for node in cdp.send("DOM.querySelectorAll", {"nodeId": root, "selector": "[data-urdu-probe]"})["nodeIds"]:
        described = cdp.send("DOM.describeNode", {"nodeId": node})["node"]
        attributes = dict(zip(described.get("attributes", [])[::2], described.get("attributes", [])[1::2], strict=True))
        label = described["localName"] + ("." + attributes["class"].replace(" ", ".") if attributes.get("class") else "")
        fonts = cdp.send("CSS.getPlatformFontsForNode", {"nodeId": node})["fonts"]
        reading.fonts_drawn[f"{label}#{node}"] = [
            f"{font['familyName']}{' (served)' if font['isCustomFont'] else ''}" for font in fonts
        ]
    text = "".join(ARABIC_SCRIPT.findall(reading.page["visibleText"]))
    for family in {face["family"] for face in reading.page["fontFaces"]}:
        reading.fonts_check[family] = page.evaluate(FONTS_CHECK, [family, text])


def _each(pages: list[str]) -> list:
    return [pytest.param((name, width), id=f"{name}-{width}") for name in pages for width in VIEWPORTS]


@pytest.mark.parametrize("reading", _each(PAGES), indirect=True)
def test_the_page_is_urdu_right_to_left(reading):
    expected = 404 if reading.path.startswith("/no-such-page") else 200
    assert reading.status == expected, f"{reading.path} answered {reading.status}"
    assert (reading.page["lang"], reading.page["dir"]) == ("ur", "rtl")


@pytest.mark.parametrize("reading", _each(PAGES), indirect=True)
def test_nothing_sticks_out_sideways(reading):
    page = reading.page
    assert page["scrollWidth"] <= page["innerWidth"], (
        f"{reading.path} is {page['scrollWidth']} px wide at {page['innerWidth']} px; wider or sticking out: {page['overflowing'][:15]}"
    )
    assert page["overflowing"] == [], f"wider than the viewport or sticking out on {reading.path}: {page['overflowing'][:15]}"


@pytest.mark.parametrize("reading", _each(PAGES), indirect=True)
def test_no_english_interface_string(reading):
    page = reading.page
    places = [("text", text) for text in page["texts"]] + [("title", page["title"])]
    places += [(attribute["where"], attribute["text"]) for attribute in page["attributes"]]
    found: dict[str, list[str]] = {}  # each English string: where it was seen
    for where, text in places:
        for english in _english_in(text):
            found.setdefault(english, []).append(f"{where}: {text[:70]!r}")
    report = [f"{english!r} ×{len(seen)}, e.g. {seen[0]}" for english, seen in sorted(found.items())]
    assert report == [], f"English interface strings on {reading.path}:\n" + "\n".join(report)


def _english_in(text: str) -> list[str]:
    found = [english for english in ENGLISH_INTERFACE if re.search(rf"(?<!\w){re.escape(english)}(?!\w)", text)]
    return found + [f"ordinal {match.group()}" for match in ENGLISH_ORDINAL.finditer(text)]


@pytest.mark.parametrize("reading", _each(FULL_PAGES), indirect=True)
def test_urdu_is_drawn_by_the_served_font(reading, urdu_demo):
    page = reading.page
    woff2 = [(face["family"], url) for face in page["fontFaces"] for url in face["urls"] if urlsplit(url).path.endswith(".woff2")]
    assert woff2, f"the stylesheet of {reading.path} declares no WOFF2 @font-face: {page['fontFaces']}"
    assert all(face["display"] == "swap" for face in page["fontFaces"]), page["fontFaces"]
    assert all(urlsplit(url).hostname == URDU_HOST for _, url in woff2), f"a font not served by the edition itself: {woff2}"
    families = {family for family, _ in woff2}
    loaded = {face["family"] for face in page["loadedFonts"] if face["status"] == "loaded"}
    assert families & loaded, f"no served font loaded on {reading.path}: {page['loadedFonts']}"
    fetched = [url for _, url in woff2 if url in reading.font_requests]
    assert fetched, (
        f"{reading.path} did not fetch its WOFF2 {[url for _, url in woff2]}; fonts asked for: {reading.font_requests}"
    )
    unready = {family: ready for family, ready in reading.fonts_check.items() if family in loaded and not ready}
    assert unready == {}, f"document.fonts.check: served fonts not ready for the Urdu text of {reading.path}: {unready}"

    covered: set[int] = set()
    for _, url in woff2:
        covered |= _cmap(urdu_demo, url)
    shown = set(ARABIC_SCRIPT.findall(page["visibleText"]))
    assert shown, f"no Urdu text shown on {reading.path}"
    missing = sorted(char for char in shown if ord(char) not in covered and unicodedata.category(char) != "Cf")
    assert missing == [], f"the served font has no glyph (.notdef boxes) for {[f'U+{ord(c):04X} {c}' for c in missing]}"

    not_served = {element: fonts for element, fonts in reading.fonts_drawn.items() if not any("(served)" in f for f in fonts)}
    assert reading.fonts_drawn and not_served == {}, f"Urdu text drawn without the served font: {not_served}"


def _cmap(demo: UrduDemo, url: str) -> set[int]:
    from fontTools.ttLib import TTFont

    answer = demo.get(urlsplit(url).path)
    assert answer.status == 200, f"{url} answered {answer.status}"
    font = TTFont(io.BytesIO(answer.body))
    assert font.flavor == "woff2", f"{url} is not WOFF2 ({font.flavor or 'plain sfnt'})"
    return set(font.getBestCmap())


@pytest.mark.parametrize("reading", _each(["lite-article"]), indirect=True)
def test_the_lite_version_uses_the_system_font(reading):
    assert reading.font_requests == [], f"the lite page fetched fonts: {reading.font_requests}"
    assert reading.page["fontFaces"] == []


@pytest.mark.parametrize("reading", _each(PAGES), indirect=True)
def test_every_link_stays_on_the_urdu_edition(reading, urdu_demo):
    page = reading.page
    wrong = [f"<a href={anchor['raw']!r}> {anchor['text']!r}" for anchor in page["anchors"] if not _stays(anchor, urdu_demo)]
    wrong += [
        f"<link rel={' '.join(link['rel'])!r} href={link['raw']!r}>" for link in page["links"] if not _stays(link, urdu_demo)
    ]
    assert wrong == [], f"links off the Urdu edition on {reading.path}:\n" + "\n".join(wrong)


def _stays(link: dict, demo: UrduDemo) -> bool:
    target = urlsplit(link["href"])
    if link.get("hreflang") and target.hostname in ENGLISH_EDITION_HOSTS:
        return True  # the same page in English, on the English edition's host
    if target.scheme == "https" and target.hostname in APP_STORE_HOSTS:
        return True
    if target.scheme == "data":
        return True  # the lite page's inline icon: no request at all
    return target.scheme == "http" and target.netloc == urlsplit(demo.url).netloc


@pytest.mark.parametrize("reading", _each(PAGES), indirect=True)
def test_no_console_error(reading):
    assert reading.console_errors == [], f"console errors on {reading.path}: {reading.console_errors}"


@pytest.mark.parametrize("reading", _each(["article"]), indirect=True)
def test_read_more_leads_to_an_urdu_story(reading, urdu_demo):
    targets = reading.page["readMore"]
    assert targets, f"none of the Urdu home page's stories has a Read more link (read {reading.path})"
    for target in targets:
        assert urlsplit(target).netloc == urlsplit(urdu_demo.url).netloc, f"Read more leaves the Urdu edition: {target}"
        answer = urdu_demo.get(urlsplit(target).path)
        assert answer.status == 200, f"Read more {target} answered {answer.status}"
        assert re.search(r'<html lang="ur"', answer.text), f"Read more {target} is not an Urdu page"


@pytest.mark.parametrize("reading", _each(["search"]), indirect=True)
def test_search_finds_the_story_by_an_urdu_word(reading, urdu_paths):
    assert not reading.path.endswith(quote(FALLBACK_SEARCH_WORD)), f"the headline of {urdu_paths['article']} has no Urdu word"
    found = {urlsplit(href).path for href in reading.page["storyLinks"]}
    waited = f"listed {SEARCH_INDEXED[reading.path]:.0f} s after start" if reading.path in SEARCH_INDEXED else "never listed"
    print(f"search {reading.path}: {waited}")
    assert urdu_paths["article"] in found, (
        f"searching {reading.path} did not list {urdu_paths['article']} ({waited} in {SEARCH_INDEX_WAIT:.0f} s): {sorted(found)}"
    )

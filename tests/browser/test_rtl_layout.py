"""A right-to-left page in Chromium at 390 and 1,280 px: nothing sticks out sideways, the layout is mirrored,
names keep their order inside Urdu sentences, and the Urdu font the site serves loads.

A focused fixture (one Urdu edition served by pytest-django's live server, content made to be awkward: long
URLs, an unbroken token, Latin names beside Urdu ones); tests/browser/test_urdu_edition.py reads the demo's.
Screenshots: test-results/rtl-<page>-<width>.png.
"""

from __future__ import annotations

import pytest
from django.templatetags.static import static
from wagtail.models import Locale

from masthead.news import services
from masthead.news.models import Agency, Author
from masthead.web.fonts.build_urdu_font import WOFF2_NAME
from tests.browser.conftest import CHROMIUM, CHROMIUM_ARGS, DESKTOP, PHONE, screenshot

pytestmark = pytest.mark.browser

LONG_URL = "https://example.org/" + "/".join(["urdu-news-archive-2026-budget-documents"] * 6) + "/index.html"
PARAGRAPHS = [
    "<p>قومی اسمبلی نے ۲۸ مئی کو بجٹ منظور کر لیا۔ وزیرِ خزانہ نے کہا کہ IMF کے ساتھ بات چیت جاری ہے اور ڈالر ۲۸۰ روپے کا ہے۔</p>",
    f'<p>بجٹ کی دستاویزات یہاں دیکھی جا سکتی ہیں: <a href="{LONG_URL}">{LONG_URL}</a></p>',
    "<p>حوالہ نمبر: " + "ABCDEFGHIJ0123456789" * 8 + "</p>",
    "<p>اپوزیشن نے کہا کہ یہ بجٹ عوام کے لیے نہیں ہے۔ اجلاس رات گئے تک جاری رہا۔</p>",
]


@pytest.fixture
def browser(monkeypatch):
    """This test's own Playwright, stopped before the database is flushed and restored (as the desk's browser tests
    do): the session's one would leave its event loop running into the next transactional test, whose restore of the
    migrations' rows then goes to another connection object and the tree's root is lost for every test after."""
    from playwright.sync_api import sync_playwright

    # Playwright's sync API runs an event loop in this thread; the test's own ORM calls are still synchronous. Set
    # for this test only: a session-wide setting leaks into the processes later tests start as production.
    monkeypatch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture
def urdu_site():
    from wagtail.images.tests.utils import get_test_image_file_jpeg
    from wagtail.models import Page, Site

    from masthead.images.models import Picture

    for home in Page.objects.filter(depth=2):
        Site.objects.filter(root_page=home).delete()
        home.delete()
    urdu, _ = Locale.objects.get_or_create(language_code="ur")
    site = services.create_edition(name="ایم ایم نیوز", hostname="localhost", port=80, locale=urdu)
    section = services.create_section(site.root_page.specific, title="پاکستان", slug="pakistan")
    authors = [Author.objects.create(name=name, locale=urdu) for name in ("Sana Qureshi", "Omar Farooq", "ثنا ملک")]
    agency = Agency.objects.create(name="Interfax", locale=urdu)
    picture = Picture.objects.create(title="اسمبلی", file=get_test_image_file_jpeg(size=(1600, 900)))
    services.file_story(
        section,
        services.StoryDraft(title="اسمبلی کا اجلاس ملتوی", paragraphs=PARAGRAPHS[3:], tags=["بجٹ"], hero_image=picture),
        publish=True,
    )
    story = services.file_story(
        section,
        services.StoryDraft(
            title="قومی اسمبلی نے بجٹ منظور کر لیا، IMF سے بات چیت جاری",
            standfirst="ٹیکس کم ہوں گے، وزیرِ خزانہ کا وعدہ؛ اپوزیشن کا واک آؤٹ",
            dateline="اسلام آباد",
            paragraphs=PARAGRAPHS,
            authors=authors,
            agency=agency,
            tags=["بجٹ", "Karachi", "C++"],
            hero_image=picture,
        ),
        publish=True,
    )
    return story.get_url_parts()[2]


def no_sideways_overflow(page) -> None:
    width = page.evaluate("document.documentElement.scrollWidth")
    inner = page.evaluate("window.innerWidth")
    assert width <= inner, f"{page.url} is {width} px wide at {inner} px"


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
@pytest.mark.parametrize("viewport", [PHONE, DESKTOP], ids=["390", "1280"])
def test_a_right_to_left_page_fits_and_is_mirrored(live_server, browser, urdu_site, viewport):
    context = browser.new_context(viewport=viewport)
    page = context.new_page()
    width = viewport["width"]
    for name, path in [("home", "/"), ("article", urdu_site), ("search", "/search/?q=بجٹ"), ("404", "/nowhere/")]:
        page.goto(live_server.url + path)
        assert page.evaluate("[document.documentElement.lang, document.documentElement.dir]") == ["ur", "rtl"]
        no_sideways_overflow(page)
        screenshot(page, f"rtl-{name}")

    page.goto(live_server.url + urdu_site)
    # The skip link shows where the line starts (the right) when focused, and inside the page.
    page.keyboard.press("Tab")
    skip = page.locator(".skip-link").bounding_box()
    assert skip["width"] > 50 and skip["x"] >= 0 and skip["x"] + skip["width"] <= width
    assert skip["x"] + skip["width"] > width - 40, skip
    no_sideways_overflow(page)
    page.keyboard.press("Escape")

    # Logical properties mirror: Read more's rule is on the right-hand side of a right-to-left page.
    rule = page.evaluate(
        "(() => { const s = getComputedStyle(document.querySelector('.read-more')); return [s.borderRightWidth, s.borderLeftWidth]; })()"
    )
    assert rule == ["3px", "0px"]

    # Each name in the byline is isolated: read right to left, names come in the byline's order and the agency
    # last, even where two Latin names stand side by side with only an Urdu comma between them.
    boxes = [link.bounding_box() for link in page.locator(".byline a").all()]
    assert len(boxes) == 4
    lines: dict[float, list[float]] = {}
    for box in boxes:
        lines.setdefault(round(box["y"]), []).append(box["x"])
    for xs in lines.values():
        assert xs == sorted(xs, reverse=True), f"byline names out of order at {width} px: {boxes}"

    # The served font passes Chromium's font sanitiser and the content-security policy, and the page's text is
    # set in its family (local() may pick the same face from the system first).
    status = page.evaluate(
        "async (url) => { const face = new FontFace('served-urdu', `url(${url})`); await face.load(); return face.status; }",
        static(f"web/fonts/{WOFF2_NAME}"),
    )
    assert status == "loaded"
    page.evaluate("document.fonts.ready")
    assert page.evaluate("document.fonts.check('16px \"Masthead Naskh\"', 'قومی اسمبلی نے بجٹ')")
    context.close()

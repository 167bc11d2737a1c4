"""The Urdu edition's font: served by the site, covers what Urdu pages show, linked by Urdu full pages only."""

from __future__ import annotations

import io
import re
import unicodedata
from pathlib import Path

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import Locale

from masthead.news import services
from masthead.web.fonts import build_urdu_font
from tests.conftest import paragraphs

ROOT = Path(__file__).resolve().parents[2]
FONTS = ROOT / "masthead/web/static/web/fonts"
WOFF2 = FONTS / build_urdu_font.WOFF2_NAME
URDU_CSS = ROOT / "masthead/web/static/web/urdu.css"
URDU_CATALOGUE = ROOT / "masthead/locale/ur/LC_MESSAGES/django.po"
URDU_DEMO = ROOT / "masthead/demo/content_ur.py"

# Every letter of the Urdu alphabet, its digits, punctuation and marks, in words a newspaper prints.
URDU_FIXTURE = (
    "آج کراچی میں بجٹ پیش ہوا۔ وزیرِ خزانہ نے کہا: ٹیکس گھٹے گا، ڈالر ۲۸۰ روپے کا ہے؛ کیا مہنگائی کم ہوگی؟ "
    "ثقافت، ذوق، ژالہ باری، ضلع، ظہر، غزل، صحافت، طلبہ، عوام، چھاؤں، گڑھ، ڑ، ں، ئے، ۓ، ۂ، ۃ، ھ، ی، ے، ک، گ، ف، ق۔ "
    "اعداد: ۰۱۲۳۴۵۶۷۸۹ اور ٠١٢٣٤٥٦٧٨٩، ٪ ٫ ٬۔ اعراب: بَ بِ بُ بّ بْ بً بٍ بٌ بٰ بٖ بٗ بٔ ب٘۔ "
    "عربی املا: كتاب، يوم، ة، ه، ى، إ، أ، ؤ۔ حضرت محمدؐ۔ "
    "نیم فاصلہ: ‌ ‍"  # ZWNJ, ZWJ
)


def woff2_cmap() -> set[int]:
    from fontTools.ttLib import TTFont

    return set(TTFont(io.BytesIO(WOFF2.read_bytes())).getBestCmap())


def arabic_script(text: str) -> set[str]:
    """The characters of `text` the Urdu face must draw: Arabic-script letters, digits, marks and punctuation."""
    return {ch for ch in text if "ARABIC" in unicodedata.name(ch, "") or ch in "\u200c\u200d"}


def missing(text: str) -> list[str]:
    cmap = woff2_cmap()
    return sorted(f"U+{ord(ch):04X} {unicodedata.name(ch, '?')}" for ch in arabic_script(text) if ord(ch) not in cmap)


def test_the_font_is_a_small_woff2_with_its_licence_beside_it():
    from fontTools.ttLib import TTFont

    font = TTFont(io.BytesIO(WOFF2.read_bytes()))
    assert font.flavor == "woff2"
    assert font["name"].getDebugName(1) == "Noto Naskh Arabic"
    assert WOFF2.stat().st_size < 20_000  # the article's budget is 25 KB on the wire, the page included
    assert "SIL OPEN FONT LICENSE Version 1.1" in (FONTS / "OFL.txt").read_text()


def test_the_font_keeps_arabic_shaping():
    from fontTools.ttLib import TTFont

    font = TTFont(io.BytesIO(WOFF2.read_bytes()))
    substitutions = {record.FeatureTag for record in font["GSUB"].table.FeatureList.FeatureRecord}
    positioning = {record.FeatureTag for record in font["GPOS"].table.FeatureList.FeatureRecord}
    # Joining forms, the required lam-alef ligature, Urdu's own digit shapes; marks placed on their letters.
    assert {"init", "medi", "fina", "rlig", "locl", "ccmp"} <= substitutions
    assert {"mark", "mkmk"} <= positioning


def test_the_font_covers_every_letter_digit_and_mark_of_urdu():
    assert missing(URDU_FIXTURE) == []


def test_the_font_covers_the_urdu_interface():
    if not URDU_CATALOGUE.exists():
        pytest.skip(f"{URDU_CATALOGUE.relative_to(ROOT)} is not written yet")
    text = URDU_CATALOGUE.read_text()
    assert len(arabic_script(text)) > 30, "the catalogue has Urdu in it"
    assert missing(text) == []


def test_the_font_covers_the_urdu_demo():
    if not URDU_DEMO.exists():
        pytest.skip(f"{URDU_DEMO.relative_to(ROOT)} is not written yet")
    assert missing(URDU_DEMO.read_text()) == []


def test_a_missing_character_is_reported_by_name():
    assert missing("ب\u08a0") == ["U+08A0 ARABIC LETTER BEH WITH SMALL V BELOW"]


def test_the_font_face_swaps_and_stays_on_the_characters_the_font_has():
    css = URDU_CSS.read_text()
    face = re.search(r"@font-face\s*\{([^}]*)\}", css).group(1)
    assert "font-display: swap" in face
    assert f'url("fonts/{WOFF2.name}") format("woff2")' in face
    ranges = []
    for part in re.search(r"unicode-range:\s*([^;]*);", face).group(1).split(","):
        first, _, last = part.strip().removeprefix("U+").partition("-")
        ranges.append((int(first, 16), int(last or first, 16)))
    in_range = lambda cp: any(first <= cp <= last for first, last in ranges)  # noqa: E731
    assert all(in_range(cp) for cp in woff2_cmap()), "a glyph the range never asks for"
    assert not in_range(ord("a")) and not in_range(ord("1")), "Latin stays in the page's Latin fonts"


def test_the_committed_font_is_what_the_build_script_makes():
    if not build_urdu_font.DEBIAN_FONT.exists():
        pytest.skip(f"{build_urdu_font.DEBIAN_FONT} is missing (apt-get install fonts-noto-core); the font is committed")
    assert build_urdu_font.subset_font(build_urdu_font.DEBIAN_FONT) == WOFF2.read_bytes()


def test_nginx_serves_woff2_as_a_font(tmp_path):
    from django.core.management import call_command

    out = io.StringIO()
    call_command("nginx_config", "--full", stdout=out)
    assert re.search(r"^\s*font/woff2 woff2;$", out.getvalue(), re.MULTILINE)


# --- Which pages link it ---------------------------------------------------------------------------------


@pytest.fixture
def urdu_edition(edition):
    """The English edition on testserver (tests.conftest) and an Urdu one on ur.localhost."""
    urdu = Locale.objects.create(language_code="ur")
    site = services.create_edition(name="ایم ایم نیوز", hostname="ur.localhost", is_default=False, locale=urdu)
    section = services.create_section(site.root_page.specific, title="دنیا", slug="world")
    story = services.file_story(
        section, services.StoryDraft(title="بجٹ منظور", paragraphs=["<p>قومی اسمبلی نے بجٹ منظور کر لیا۔</p>"]), publish=True
    )
    return story


def stylesheets(html: str) -> list[str]:
    return re.findall(r'<link rel="stylesheet" href="([^"]+)"', html)


def test_urdu_pages_link_the_urdu_stylesheet(client, urdu_edition):
    for path in ("/", urdu_edition.get_url_parts()[2], "/search/?q=بجٹ", "/no-such-page/"):
        response = client.get(path, HTTP_HOST="ur.localhost")
        html = response.content.decode()
        assert '<html lang="ur" dir="rtl">' in html, path
        assert "/static/web/urdu.css" in stylesheets(html), path


def test_english_and_lite_pages_do_not(client, make_story, urdu_edition):
    story = make_story(title="Budget passes", paragraphs=paragraphs(2))
    for host, path in [
        ("testserver", "/"),
        ("testserver", story.url),
        ("ur.localhost", "/?lite=1"),
        ("ur.localhost", urdu_edition.get_url_parts()[2] + "?lite=1"),
    ]:
        html = client.get(path, HTTP_HOST=host).content.decode()
        assert "urdu.css" not in html and ".woff2" not in html, (host, path)


def test_the_urdu_stylesheet_costs_no_query(client, make_story, urdu_edition):
    """An Urdu story costs what an English one does: the link is decided from the active language alone."""
    english = make_story(title="Budget passes", paragraphs=paragraphs(1))

    def queries(host, path):
        client.get(path, HTTP_HOST=host)
        with CaptureQueriesContext(connection) as captured:
            assert client.get(path, HTTP_HOST=host).status_code == 200
        return len(captured)

    assert queries("ur.localhost", urdu_edition.get_url_parts()[2]) == queries("testserver", english.get_url_parts()[2])

"""Pictures in modern formats at the width the layout draws them: <picture> sources, srcset, sizes, no upscaling."""

from __future__ import annotations

import re

import pytest
from lxml import html as lxml_html
from PIL import Image

from masthead.images.responsive import MIME_TYPES, MODERN_FORMATS, SLOTS, picture_html


@pytest.fixture
def picture(db):
    from wagtail.images.tests.utils import get_test_image_file_jpeg

    from masthead.images.models import Picture

    def make(width: int, height: int, title: str = "Harbour"):
        return Picture.objects.create(title=title, file=get_test_image_file_jpeg(size=(width, height)))

    return make


def parsed(markup: str):
    return lxml_html.fragment_fromstring(str(markup))


def candidates(srcset: str) -> list[tuple[str, int]]:
    return [(url, int(width[:-1])) for url, width in (c.strip().split(" ") for c in srcset.split(","))]


def test_webp_is_the_modern_format_offered():
    """AVIF is left out on purpose: about a second to encode each picture, paid by a new story's first reader."""
    assert MODERN_FORMATS == ("webp",)


def test_hero_has_a_source_per_modern_format_and_a_jpeg_fallback(picture):
    element = parsed(picture_html(picture(1600, 900), "hero", alt="The harbour", fetchpriority="high"))
    assert element.tag == "picture"
    sources = list(element.iter("source"))
    assert [source.get("type") for source in sources] == [f"image/{f}" for f in MODERN_FORMATS]
    img = next(element.iter("img"))
    assert img.get("alt") == "The harbour" and img.get("fetchpriority") == "high"
    assert img.get("sizes") == SLOTS["hero"].sizes == "(min-width: 44rem) 42rem, calc(100vw - 2rem)"
    for source in sources:
        assert source.get("sizes") == img.get("sizes")
        assert [width for _, width in candidates(source.get("srcset"))] == [400, 640, 800, 1200]
    fallback = candidates(img.get("srcset"))
    assert [width for _, width in fallback] == [400, 640, 800, 1200]
    assert img.get("src") == fallback[0][0] and (img.get("width"), img.get("height")) == ("400", "225")


def test_each_source_holds_files_of_its_format_and_width(picture):
    from django.conf import settings
    from django.core.files.storage import default_storage

    element = parsed(picture_html(picture(1600, 900), "hero"))
    expected = {"image/avif": "AVIF", "image/webp": "WEBP"}
    listed = [(s.get("type"), s.get("srcset")) for s in list(element.iter("source"))]
    listed.append(("image/jpeg", next(element.iter("img")).get("srcset")))
    expected["image/jpeg"] = "JPEG"
    for mime, srcset in listed:
        for url, width in candidates(srcset):
            with default_storage.open(url.removeprefix(settings.MEDIA_URL)) as file, Image.open(file) as image:
                assert image.format == expected[mime] and image.size == (width, width * 9 // 16)


def test_widths_the_original_cannot_give_are_not_offered(picture):
    # 700×380: a 16:9 crop is at most 675 wide, so 800 and 1200 would be the 675 file under a false descriptor.
    img = next(parsed(picture_html(picture(700, 380), "hero")).iter("img"))
    assert [width for _, width in candidates(img.get("srcset"))] == [400, 640]
    body = next(parsed(picture_html(picture(900, 1400), "body")).iter("img"))
    assert [width for _, width in candidates(body.get("srcset"))] == [400, 640, 800]


def test_a_picture_smaller_than_every_width_is_offered_at_its_own_size(picture):
    element = parsed(picture_html(picture(320, 180), "list"))
    for srcset in [s.get("srcset") for s in list(element.iter("source"))] + [next(element.iter("img")).get("srcset")]:
        assert [width for _, width in candidates(srcset)] == [320]


def test_sizes_follow_the_stylesheet():
    # The stylesheet these sizes were read from: main is 72rem with 1rem padding, a story 42rem, cards side by side from 48rem.
    from pathlib import Path

    import masthead

    css = (Path(masthead.__file__).parent / "web/static/web/masthead.css").read_text()
    assert "--measure: 42rem" in css and "main { display: block; max-width: 72rem; margin: 0 auto; padding: 1rem; }" in css
    assert "grid-template-columns: 15rem 1fr" in css and "@media (min-width: 48rem)" in css
    assert "15rem" in SLOTS["list"].sizes and "42rem" in SLOTS["hero"].sizes


def test_pages_show_pictures_in_modern_formats_and_lite_shows_none(client, make_story, picture):
    story = make_story(hero_image=picture(1600, 900))
    for url, slot in ((story.url, "hero"), ("/", "lead"), ("/world/", "list")):
        page = client.get(url).content.decode()
        assert re.search(r'<picture><source type="image/(avif|webp)" srcset="[^"]+ 400w', page), url
        assert f'sizes="{SLOTS[slot].sizes}"' in page, (url, slot)
    lite = client.get(story.url + "?lite=1")
    assert lite.status_code == 200
    text = lite.content.decode()
    assert "<picture" not in text and "<img" not in text and "srcset" not in text


def test_nginx_serves_every_offered_format_under_its_own_type():
    # nginx answers media with nosniff; an AVIF sent as application/octet-stream is blocked by the browser.
    import io

    from django.core.management import call_command

    out = io.StringIO()
    call_command("nginx_config", "--full", stdout=out, stderr=io.StringIO())
    for image_format in MODERN_FORMATS:
        assert re.search(rf"\b{MIME_TYPES[image_format]} {image_format};", out.getvalue()), image_format


@pytest.mark.parametrize(
    ("slot", "css_px", "density"), [("lead", 390 - 32, 2), ("front", 128, 2), ("front", 128, 3), ("list", 390 - 32, 2)]
)
def test_cards_offer_a_width_for_a_phone_at_its_density(slot, css_px, density):
    """A lead or listing card is 358 CSS px wide on a 390 px phone, a front thumbnail 8rem; at 2x the lead is 716
    device px. Without a width close above it the browser takes 800 and the page carries a fifth more picture than it
    draws."""
    drawn = density * css_px
    assert any(drawn <= width <= drawn * 1.05 for width in SLOTS[slot].widths), (drawn, SLOTS[slot].widths)

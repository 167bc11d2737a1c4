"""Picture items: the parsers' rendition, caption and credit (on the IPTC and agency samples), and the credit line."""

from __future__ import annotations

import pytest

from masthead.ingest.formats.newsml import NewsMLParser
from masthead.ingest.formats.ninjs import NinjsParser
from masthead.ingest.formats.pictures import best_rendition, credit_line

NEVADA = "A general view of part of downtown, including Las Vegas Boulevard"


@pytest.mark.parametrize(
    ("path", "href_start", "caption_start", "credit"),
    [
        (
            "ninjs/iptc-examples/2.1/ap_image.json",
            "http://api.ap.org/media/v/content/",
            "FILE - In this Monday",
            "ASSOCIATED PRESS",
        ),
        (
            "ninjs/iptc-examples/2.1/SIPA_image_2.json",
            "https://XXXXXX.amazonaws.com/",
            "Demonstration of the workers",
            "Insidefoto/SIPA USA",
        ),
        (
            "ninjs/iptc-examples/3.0/imageLinkedRights.json",
            "https://images.static.press.net/",
            "Valentino Rossi (46)",
            "John Smith",
        ),
    ],
)
def test_ninjs_pictures(shared_data, path, href_start, caption_start, credit):
    item = NinjsParser().parse((shared_data / "wire-samples" / path).read_bytes()).items[0]
    assert item.kind == "picture" and not item.error
    assert item.picture["href"].startswith(href_start) and item.picture["mime"].startswith("image/")
    assert item.picture["caption"].startswith(caption_start) and item.picture["credit"] == credit
    assert caption_start in item.paragraphs[0]  # the caption is the item's text on the desk


@pytest.mark.parametrize(
    "name", ["LISTING_3_Photo_in_NewsML-G2.xml", "LISTING_3A_Photo_in_NewsML-G2__URI_sibling_attributes_.xml"]
)
def test_newsml_g2_picture(shared_data, name):
    item = NewsMLParser().parse((shared_data / "wire-samples" / "newsml-g2" / "iptc-examples" / name).read_bytes()).items[0]
    assert item.kind == "picture" and not item.error
    assert item.picture["href"] == "./GYI0062134533.jpg"  # the high-resolution rendition, not the web or thumbnail one
    assert (item.picture["width"], item.picture["height"]) == (1500, 1001)
    assert item.picture["caption"].startswith(NEVADA) and item.picture["credit"] == "Spencer Platt/Getty Images"


def test_the_picture_in_a_tt_package_and_its_story(shared_data):
    items = (
        NewsMLParser()
        .parse((shared_data / "wire-samples" / "newsml-g2" / "agency-samples" / "TT_newsmlg2_sample.xml").read_bytes())
        .items
    )
    kinds = [item.kind for item in items]
    assert kinds.count("picture") == 1 and kinds.count("text") >= 1
    picture = next(item for item in items if item.kind == "picture").picture
    assert picture["href"].endswith("a001_NormalHires.jpg") and picture["credit"] == "TT"
    assert picture["caption"].startswith("Journalisten och författaren Jan Guillou")


def test_text_items_are_not_pictures(shared_data):
    item = NinjsParser().parse(b'{"uri": "urn:x", "headline": "H", "body_text": "Body."}').items[0]
    assert item.kind == "text" and item.picture is None


def test_a_picture_with_no_rendition_is_kept_with_a_warning():
    item = NinjsParser().parse(b'{"uri": "urn:x", "type": "picture", "headline": "H", "description_text": "A cat."}').items[0]
    assert item.kind == "picture" and item.picture["href"] == "" and not item.error
    assert "cannot be added to the picture library" in item.warnings[0]


def test_best_rendition_prefers_the_original_and_skips_non_images():
    renditions = [
        {"name": "thumbnail", "href": "t.jpg", "mime": "image/jpeg", "width": 80, "height": 60},
        {"name": "original", "href": "o.tif", "mime": "video/mp4"},
        {"name": "baseImage", "href": "b.jpg", "mime": "image/jpeg", "width": 1400, "height": 900},
        {"name": "viewImage", "href": "", "mime": "image/jpeg"},
    ]
    assert best_rendition(renditions)["href"] == "b.jpg"
    assert best_rendition([]) == {}


@pytest.mark.parametrize(
    ("photographer", "agency", "credit"),
    [
        ("Spencer Platt", "Getty Images", "Spencer Platt/Getty Images"),
        ("", "AFP", "AFP"),
        ("Jane Roe", "", "Jane Roe"),
        ("AFP", "AFP", "AFP"),
        ("Jane Roe / AFP", "AFP", "Jane Roe / AFP"),
    ],
)
def test_credit_line(photographer, agency, credit):
    assert credit_line(photographer=photographer, agency=agency) == credit

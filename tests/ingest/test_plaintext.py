import datetime

import pytest

from masthead.ingest.formats.base import ParseError
from masthead.ingest.formats.plaintext import PlainTextParser

parser = PlainTextParser()


def test_the_seed_page_is_read_into_one_clean_item(seed_bytes):
    result = parser.parse(seed_bytes)
    assert result.title == "MM News" and not result.warnings
    item = result.items[0]
    assert item.site_name == "MM News"
    assert item.headline == "Russia ready for talks with Ukraine in Belarus: Report"
    assert item.dateline == "Moscow"
    assert item.paragraphs[0].startswith("<p>A Russian delegation has arrived in Belarus")
    assert item.item_date.date() == datetime.date(2023, 5, 28)
    assert item.extra["masthead_hijri"] == "8 Zulkaedah 1444" and item.extra["hijri_offset"] == 0
    assert item.agency_credits == ["Ifax"]
    assert item.related_headlines == ["Ukraine: India’s Russia stance worries US"]
    body = "\n".join(item.paragraphs)
    for chrome in ("Download MM News", "Back to top", "Exit mobile version", "Read more", "MOSCOW:"):
        assert chrome not in body
    assert len(item.paragraphs) == 12 and not item.error


def test_the_same_page_gets_the_same_external_id(seed_bytes):
    assert parser.parse(seed_bytes).items[0].external_id == parser.parse(seed_bytes.replace(b"\n", b"\r\n")).items[0].external_id


def test_text_without_a_masthead_is_headline_then_body():
    item = parser.parse(
        b"Budget passed after late sitting\n\nISLAMABAD: The National Assembly passed the budget.\n\nShare this\n"
    ).items[0]
    assert item.headline == "Budget passed after late sitting"
    assert item.dateline == "Islamabad"
    assert item.paragraphs == ["<p>The National Assembly passed the budget.</p>"]
    assert item.item_date is None


def test_hard_wrapped_text_is_joined_into_paragraphs():
    text = b"Headline here\n\nFirst line of a paragraph\nwrapped onto a second line.\n\nAnother paragraph\nalso wrapped.\n"
    assert parser.parse(text).items[0].paragraphs == [
        "<p>First line of a paragraph wrapped onto a second line.</p>",
        "<p>Another paragraph also wrapped.</p>",
    ]


def test_a_masthead_whose_dates_disagree_is_a_warning_not_a_failure():
    result = parser.parse(b"MM News\nSunday 28th May 2023 / 20 Zulkaedah 1444\nHeadline\nBody text.\n")
    assert "disagree" in result.warnings[0]
    assert result.items[0].headline == "Headline"


def test_a_headline_without_a_body_is_an_item_with_an_error():
    assert parser.parse(b"Just a headline\n").items[0].error.startswith("no body")


@pytest.mark.parametrize("payload", [b"", b"   \n\n  ", b"Back to top\nExit mobile version\n"])
def test_empty_text_is_a_clear_error(payload):
    with pytest.raises(ParseError):
        parser.parse(payload)


def test_text_that_is_not_utf8_is_read_with_a_warning():
    result = parser.parse("Caf\u00e9 opens\nThe caf\u00e9 opened on Monday.".encode("cp1252"))
    assert result.items[0].headline == "Café opens"
    assert "not UTF-8" in result.warnings[0]

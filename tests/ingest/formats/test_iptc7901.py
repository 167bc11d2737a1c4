"""IPTC 7901 (dpa): every sample read for its headline, body, agency, dateline and version."""

from __future__ import annotations

import pytest

from masthead.ingest.formats import registry
from masthead.ingest.sanitize import text_of
from tests.conftest import require
from tests.ingest.conftest import samples, shared_root

FOLDER = shared_root() / "wire-samples/superdesk-fixtures-AGPL/iptc7901"

# file: (headline, first sentence, dateline, byline, version, urgency, category, keyword, flags)
EXPECTED = {
    "IPTC7901.txt": (
        "Germany Social Democrats: Coalition talks with Merkel could fail",
        "Negotiations between German conservatives headed by Chancellor Angela Merkel and the left-leaning Social "
        "Democrats (SPD) on forming a coalition government could fail, a senior SPD member warned Wednesday.",
        "Berlin",
        "",
        1,
        4,
        "i",
        "Germany-politics",
        [],
    ),
    "IPTC7901_odd_charset.txt": (
        "German football saddened by illness to striker legend Mueller",
        "German football generations past and present on Wednesday expressed sadness over the news that Bayern "
        "Munich legend and national playing icon Gerd Mueller has Alzheimer's.",
        "Munich",
        "Manuel Schwarz",
        2,
        3,
        "s",
        "Germany-football/Munich/Mueller",
        ["1ST LEAD"],
    ),
    "dpa_four_line.txt": (
        "Switzerland joins list of countries resisting UN migration pact",
        "Switzerland is joining a growing number of countries that will refrain from signing a UN migration pact "
        "in December, the government announced on Wednesday.",
        "Geneva",
        "dpa correspondents",
        2,
        3,
        "i",
        "Switzerland/migration/UN",
        ["REFILE", "1ST LEAD"],
    ),
    "dpa_two_line.txt": (
        "Peace talks on Yemen to take place in Sweden next month, Mattis says",
        "US Defence Secretary Jim Mattis says he expects the warring parties in Yemen to hold peace talks in "
        "Sweden early next month.",
        "Washington",
        "",
        1,
        3,
        "i",
        "Yemen/conflict",
        ["EXTRA"],
    ),
}


@pytest.mark.parametrize("name", samples(sorted(p.name for p in FOLDER.glob("*.txt")) if FOLDER.is_dir() else [], FOLDER))
def test_each_dpa_sample_is_read_as_a_story(name):
    # The .txt name hints "plain text": the SOH/STX framing must still win.
    parser, result = registry.read((FOLDER / name).read_bytes(), registry.hint_for(name))
    headline, first_sentence, dateline, byline, version, urgency, category, keyword, flags = EXPECTED[name]
    (item,) = result.items
    assert parser.name == "iptc7901"
    assert item.error == ""
    assert item.headline == headline
    assert text_of(item.paragraphs[0]) == first_sentence
    assert item.dateline == dateline
    assert item.byline == byline
    assert item.agency_credits[0] == "dpa"
    assert item.version == version
    assert (item.urgency, item.category, item.keyword, item.extra["flags"]) == (urgency, category, keyword, flags)
    body = " ".join(item.paragraphs)
    # The notebook (not for publication), the desk's initials and the transmission line stay out of the body.
    for leftover in ("Notebook", "NOTEBOOK", "Editing by", "not for publication", "GMT", "\x03", "(dpa)"):
        assert leftover not in body


def test_latin_1_copy_reads_as_latin_1():
    require(FOLDER.is_dir(), f"no IPTC 7901 samples at {FOLDER}")
    _, result = registry.read((FOLDER / "IPTC7901_odd_charset.txt").read_bytes(), "text")
    (item,) = result.items
    assert "Müller" in " ".join(item.paragraphs)
    assert "\ufffd" not in " ".join(item.paragraphs)
    assert item.extra["encoding"] == "cp1252"


def test_a_message_without_start_of_text_is_refused_by_name():
    from masthead.ingest.formats.base import ParseError
    from masthead.ingest.formats.iptc7901 import IPTC7901Parser

    with pytest.raises(ParseError, match="STX"):
        IPTC7901Parser().parse(b"\x01eca062 4 i 211 ccccb   dpa 061\r\n\r\nSlug/\r\nHeadline =\r\n")


def test_a_message_with_no_body_is_a_rejected_item_not_a_crash():
    (item,) = registry.read(b"\x01eca062 4 i 211   dpa 061\r\n\r\nSlug/\r\n\x02Headline only =\r\n\x03", "text")[1].items
    assert item.headline == "Headline only"
    assert item.error.startswith("no body")

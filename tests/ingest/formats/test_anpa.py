"""ANPA-1312 (AP): every sample read for its headline, body, agency, dateline and version."""

from __future__ import annotations

import pytest

from masthead.ingest.formats import registry
from masthead.ingest.formats.anpa import version_of
from tests.conftest import require
from tests.ingest.conftest import samples, shared_root

FOLDER = shared_root() / "wire-samples/superdesk-fixtures-AGPL/anpa-1312"

# file: (headline, first sentence of the body, dateline, byline, version, writethru, urgency, category, keyword)
EXPECTED = {
    "anpa-1.tst": (
        "For Argentine chemo patients, mirrors can hurt",
        "For cancer patients dealing with the physical and psychological trauma of the disease, "
        "even looking in the mirror can be difficult.",
        "Buenos Aires, Argentina",
        "Paul Byrne and Almudena Calatrava",
        1,
        False,
        1,
        "l",
        "BC-LT--Argentina-Cancer Beauty",
    ),
    "anpa-2.tst": (
        "Prairies vanish in the US push for green energy",
        "Robert Malsam nearly went broke in the 1980s when corn was cheap.",
        "Roscoe, South Dakota",
        "Chet Brokaw and Jack Gillum",
        2,
        True,
        5,
        "a",
        "BC-US--Ethanol-Losing Grassland",
    ),
    "ap_anpa-1.tst": (
        "Deng has 30 points, short-handed Heat beat Hawks 115-111",
        "Luol Deng scored 30 points and Josh McRoberts had 19 — season highs for each player — and the Miami Heat, "
        "playing without All-Stars Dwyane Wade and Chris Bosh, beat the Atlanta Hawks 115-111 on Friday night.",
        "Atlanta",
        "Charles Odum",
        2,
        True,
        5,
        "z",
        "BC-BKN--Heat-Hawks",
    ),
    "ap_anpa-3.tst": (
        "$210 lobster is found dead",
        "A lobster died.",
        "Chatham, Mass.",
        "",
        2,
        True,
        5,
        "d",
        "BC-US--Giant Lobster Death",
    ),
    "ap_anpa-4.tst": (
        "AP Exclusive: China lawyer's family says US helped them flee",
        "Stuck in a Bangkok jail with a deportation order against her, Chen Guiqiu waited with dread over what "
        "seemed certain to come next.",
        "Beijing",
        "Gerry Shih",
        4,
        True,
        5,
        "i",
        "BC-AS--China-Daring Escape-ABRIDGED",
    ),
}


def _text(html: str) -> str:
    from masthead.ingest.sanitize import text_of

    return text_of(html)


@pytest.mark.parametrize("name", samples(sorted(p.name for p in FOLDER.glob("*.tst")) if FOLDER.is_dir() else [], FOLDER))
def test_each_ap_sample_is_read_as_a_story(name):
    payload = (FOLDER / name).read_bytes()
    parser, result = registry.read(payload, registry.hint_for(name))
    headline, first_sentence, dateline, byline, version, writethru, urgency, category, keyword = EXPECTED[name]
    (item,) = result.items
    assert parser.name == "anpa"
    assert item.error == ""
    assert item.headline == headline
    assert _text(item.paragraphs[0]).startswith(first_sentence)
    assert item.dateline == dateline
    assert item.byline == byline
    assert item.agency_credits[0] == "AP"
    assert (item.version, item.extra["writethru"]) == (version, writethru)
    assert (item.urgency, item.category, item.keyword) == (urgency, category, keyword)
    body = " ".join(item.paragraphs)
    # The selector, control lines and header lines never reach the headline or the body.
    for leftover in ("\x02", "\x03", "^", "BC-", "Writethru", "(AP)", "AP-WF", item.extra["selector"]):
        assert leftover not in item.headline
        assert leftover not in body


def test_the_signature_dates_the_item():
    require(FOLDER.is_dir(), f"no ANPA samples at {FOLDER}")
    _, result = registry.read((FOLDER / "ap_anpa-4.tst").read_bytes())
    assert result.items[0].item_date.isoformat() == "2017-05-09T00:56:00+00:00"


def test_version_labels():
    assert version_of("3rd Ld-Writethru") == (4, True)
    assert version_of("1st Ld-Writethru") == (2, True)
    assert version_of("Ld-Writethru") == (2, True)
    assert version_of("") == (None, False)


def test_a_message_without_start_of_text_is_refused_by_name():
    from masthead.ingest.formats.anpa import ANPAParser
    from masthead.ingest.formats.base import ParseError

    with pytest.raises(ParseError, match="STX"):
        ANPAParser().parse(b"\x16\x16\x01W2346\x1fasian\nr i\x13\x11 BC-X 05-09 1444\n")

"""NewsML 1.2 (AFP, ANA-MPE, Business Wire): every sample read for its headline, body, agency, dateline and version."""

from __future__ import annotations

import pytest

from masthead.ingest.formats import registry
from masthead.ingest.sanitize import text_of
from tests.ingest.conftest import samples, shared_root

ROOT = shared_root() / "wire-samples"

# path: (headline, first sentence, first agency credit, dateline, version, urgency)
EXPECTED = {
    "newsml-1.2/afp.com_newsml1.2_sample.xml": (
        "Israel strikes key Hamas targets as UN Security Council to meet",
        "Israel's army said Sunday it had bombed the home of the political leader of Islamist group Hamas in the "
        "Gaza Strip, as the UN Security Council was to meet amid global alarm about the escalating conflict.",
        "AFP",
        "Gaza City, Palestinian Territories",
        1,
        4,
    ),
    "superdesk-fixtures-AGPL/newsml-1.2/afp.xml": (
        "Sweden court accepts receivership for Saab carmaker",
        "A Chinese-owned company set up to take over Saab's assets after the troubled Swedish carmaker's "
        "bankruptcy said on Friday it had succeeded in being placed in receivership.",
        "AFP",
        "Stockholm",
        1,
        4,
    ),
    "superdesk-fixtures-AGPL/newsml-1.2/afp20.xml": (
        "Décès de Naomi Musenga: l'opératrice du Samu définitivement condamnée",
        "L'opératrice du Samu condamnée pour non-assistance à personne en danger",
        "AFP",
        "Strasbourg",
        1,
        None,
    ),
    "superdesk-fixtures-AGPL/newsml-1.2/ana1.xml": (
        "Wage employment balance positive in Jan-March",
        "Wage employment in the private sector grew in March, recording the best performance since 2001, the "
        "Labour ministry said in a report released on Wednesday.",
        "ΑΠΕ-ΜΠΕ",
        "",
        1,
        5,
    ),
    "ninjs/iptc-examples/NewsML/businesswire-newsml-20130515006361.xml": (
        "Dell Redefines Workstation Computing Boundaries with Smallest Tower and Most Powerful Rack Workstations",
        "Dell today announced an expanded and stronger Dell Precision workstation portfolio",
        "Business Wire",
        "Round Rock, Texas",
        1,
        None,
    ),
}
FOUND = sorted(
    str(p.relative_to(ROOT))
    for folder in ("newsml-1.2", "superdesk-fixtures-AGPL/newsml-1.2", "ninjs/iptc-examples/NewsML")
    for p in (ROOT / folder).glob("*.xml")
)


@pytest.mark.parametrize("path", samples(FOUND, ROOT))
def test_each_newsml_1_2_sample_is_read_as_a_story(path):
    parser, result = registry.read((ROOT / path).read_bytes(), registry.hint_for(path))
    assert parser.name == "newsml12"
    (item,) = result.items
    assert item.error == ""
    assert item.headline
    assert item.paragraphs
    assert "Copyright" not in " ".join(item.agency_credits) and "©" not in " ".join(item.agency_credits)
    if path not in EXPECTED:
        return
    headline, first_sentence, agency, dateline, version, urgency = EXPECTED[path]
    assert item.headline == headline
    assert " ".join(text_of(item.paragraphs[0]).split()).startswith(first_sentence)
    assert item.agency_credits[0] == agency
    assert item.dateline == dateline
    assert (item.version, item.urgency) == (version, urgency)


def test_afp_newsml_keeps_its_subjects_byline_and_slug():
    path = "newsml-1.2/afp.com_newsml1.2_sample.xml"
    if not (ROOT / path).is_file():
        pytest.skip(f"no sample at {ROOT / path}")
    _, result = registry.read((ROOT / path).read_bytes())
    (item,) = result.items
    assert item.byline == "Adel Zaanoun with Guillaume Lavallee in Jerusalem"
    assert item.keyword == "Israel-Palestinians-conflict"
    assert item.language == "en"
    assert item.external_id == "newsml:afp.com:TX-PAR-WGF71"
    assert "- Media offices destroyed -" in " ".join(item.paragraphs)


NEWSML = b"""<?xml version="1.0" encoding="utf-8"?>
<NewsML Version="1.2"><NewsEnvelope><Priority FormalName="1"/></NewsEnvelope>
<NewsItem><Identification><NewsIdentifier><ProviderId>example.org</ProviderId><NewsItemId>A1</NewsItemId>
<RevisionId>3</RevisionId></NewsIdentifier></Identification>
<NewsManagement><Status FormalName="Canceled"/></NewsManagement>
<NewsComponent><NewsLines><HeadLine>Withdrawn</HeadLine>
<CopyrightLine>Copyright 2024 Example Wire. All rights reserved.</CopyrightLine></NewsLines></NewsComponent>
</NewsItem></NewsML>"""


def test_a_withdrawn_item_and_the_envelope_priority():
    _, result = registry.read(NEWSML)
    (item,) = result.items
    assert item.pub_status == "canceled"
    assert item.version == 3
    assert item.urgency == 1
    assert item.agency_credits == ["Example Wire", "example.org"]

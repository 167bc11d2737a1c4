"""NewsML-G2 and NITF: IPTC's conformance suite against its XSDs, the guideline examples, and agency samples.

should_pass: schema-valid; a newsItem yields an item, other item classes
(package, concept, knowledge, planning, catalog) are valid G2 but not
stories and are skipped with a reason. should_fail: a ParseError naming
the schema violation and its line.
"""

import pytest

from masthead.ingest.formats import registry
from masthead.ingest.formats.base import ParseError
from masthead.ingest.formats.newsml import NewsMLParser, parse_norm_datetime

from .conftest import shared_root

SAMPLES = shared_root() / "wire-samples"
UNIT = SAMPLES / "newsml-g2/iptc-unit-tests"
parser = NewsMLParser()


def _cases(kind: str) -> list[str]:
    return sorted(str(p.relative_to(UNIT)) for p in UNIT.glob(f"*/{kind}/*.xml")) if UNIT.is_dir() else []


@pytest.mark.parametrize("case", _cases("should_pass"))
def test_should_pass_yields_an_item_or_a_reason(schema_catalogue, case):
    version = case.split("/")[0]
    _, result = registry.read((UNIT / case).read_bytes(), f"newsml:{version}", schemas=schema_catalogue)
    if result.skipped:
        assert "not a story" in result.skipped or "no newsItem" in result.skipped
    else:
        assert result.items and all(item.external_id for item in result.items)


@pytest.mark.parametrize("case", _cases("should_fail"))
def test_should_fail_gives_a_clear_error(schema_catalogue, case):
    version = case.split("/")[0]
    with pytest.raises(ParseError, match=r"not valid NewsML-G2 [\d.]+: line \d+: "):
        registry.read((UNIT / case).read_bytes(), f"newsml:{version}", schemas=schema_catalogue)


@pytest.mark.parametrize(
    "path",
    sorted(str(p.relative_to(SAMPLES)) for folder in ("newsml-g2/iptc-examples", "newsml-g2/agency-samples", "nitf") for p in (SAMPLES / folder).glob("*.xml"))
    if SAMPLES.is_dir() else [],
)
def test_examples_and_agency_samples_ingest_without_a_crash(schema_catalogue, path):
    _, result = registry.read((SAMPLES / path).read_bytes(), None)
    assert result.items or result.skipped


def test_the_text_example_is_a_story(shared_data):
    item = parser.parse((SAMPLES / "newsml-g2/iptc-examples/LISTING_2_NewsML-G2_Text_Document.xml").read_bytes()).items[0]
    assert item.headline == 'Fed to halt QE to avert "bubble"'
    assert item.dateline == "New York, NY"
    assert item.version == 11 and item.paragraphs and not item.error


def test_nitf_inside_g2_gives_headline_and_body(shared_data):
    item = parser.parse((SAMPLES / "newsml-g2/iptc-examples/LISTING_22_Sports_story_in_NewsML-G2NITF.xml").read_bytes()).items[0]
    assert item.headline.startswith("Preview: Arizona Diamondbacks")
    assert len(item.paragraphs) > 3


def test_a_standalone_nitf_article(shared_data):
    item = parser.parse((SAMPLES / "nitf/NTB_nitf_sample.xml").read_bytes()).items[0]
    assert item.headline.startswith("Pandemien herjer")
    assert item.dateline == "Unnao" and item.language == "nb-NO"
    assert "NTB" in item.agency_credits
    assert any(p.startswith("<h3>") for p in item.paragraphs)


def test_a_photo_item_is_an_item_without_a_body(shared_data):
    item = parser.parse((SAMPLES / "newsml-g2/iptc-examples/LISTING_3_Photo_in_NewsML-G2.xml").read_bytes()).items[0]
    assert item.error.startswith("no body")


def test_newsml_1_2_is_refused_by_name(shared_data):
    with pytest.raises(ParseError, match="NewsML 1.2 is not supported"):
        registry.read((SAMPLES / "newsml-1.2/afp.com_newsml1.2_sample.xml").read_bytes())


G2_ITEM = """<?xml version="1.0" encoding="UTF-8"?>
<newsItem xmlns="http://iptc.org/std/nar/2006-10-01/" guid="urn:newsml:example.org:20230528:talks" version="{version}" standard="NewsML-G2" standardversion="2.29">
 <catalogRef href="http://www.iptc.org/std/catalog/catalog.IPTC-G2-Standards_36.xml"/>
 <itemMeta><itemClass qcode="ninat:text"/><provider literal="Reuters"/><versionCreated>2023-05-28T09:00:00Z</versionCreated>
  {embargo}<pubStatus qcode="stat:{status}"/></itemMeta>
 <contentMeta><headline>Talks begin</headline><dateline>GOMEL, Belarus</dateline><by>Staff</by><language tag="en"/>
  <subject qcode="medtop:11000000"><name>politics</name></subject></contentMeta>
 <contentSet><inlineXML contenttype="application/xhtml+xml"><html xmlns="http://www.w3.org/1999/xhtml"><head><title/></head>
  <body><p onclick="x()">Delegations met.</p><script>alert(1)</script><p>They will meet again.</p></body></html></inlineXML></contentSet>
</newsItem>"""


def g2(version="1", status="usable", embargo=""):
    return G2_ITEM.format(version=version, status=status, embargo=embargo).encode()


def test_g2_fields_pub_status_and_embargo():
    item = parser.parse(g2(version="2", status="canceled", embargo="<embargoed>2030-01-01T00:00:00Z</embargoed>")).items[0]
    assert (item.external_id, item.version, item.pub_status) == ("urn:newsml:example.org:20230528:talks", 2, "canceled")
    assert item.embargo_until.year == 2030
    assert item.dateline == "GOMEL, Belarus" and item.byline == "Staff" and item.subjects == ["politics"]
    assert item.agency_credits[0] == "Reuters"
    body = "".join(item.paragraphs)
    assert "script" not in body and "onclick" not in body and "Delegations met." in body


def test_an_unknown_pub_status_is_a_clear_error():
    with pytest.raises(ParseError, match="unknown pubStatus"):
        parser.parse(g2(status="lost"))


def test_basic_iso_dates_are_read():
    assert parse_norm_datetime("20210516T090004+0200").isoformat() == "2021-05-16T09:00:04+02:00"
    assert parse_norm_datetime("2021-05-16T09:00:04") is not None
    assert parse_norm_datetime("soon") is None


def test_withdrawn_is_a_kill_too():
    assert parser.parse(g2(status="withdrawn")).items[0].pub_status == "canceled"

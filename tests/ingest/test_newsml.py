"""NewsML-G2 and NITF: IPTC's conformance suite against its XSDs, the guideline examples, and agency samples.

should_pass: schema-valid; a newsItem yields an item, other item classes
(package, concept, knowledge, planning, catalog) are valid G2 but not
stories and are skipped with a reason. should_fail: a ParseError naming
the schema violation and its line.
"""

import re

import pytest

from masthead.ingest.formats import registry
from masthead.ingest.formats.base import ParseError
from masthead.ingest.formats.newsml import NewsMLParser, parse_norm_datetime

from .conftest import samples, shared_root

SAMPLES = shared_root() / "wire-samples"
UNIT = SAMPLES / "newsml-g2/iptc-unit-tests"
parser = NewsMLParser()


def _cases(kind: str) -> list[str]:
    return sorted(str(p.relative_to(UNIT)) for p in UNIT.glob(f"*/{kind}/*.xml")) if UNIT.is_dir() else []


@pytest.mark.parametrize("case", samples(_cases("should_pass"), UNIT))
def test_should_pass_yields_an_item_or_a_reason(schema_catalogue, case):
    version = case.split("/")[0]
    _, result = registry.read((UNIT / case).read_bytes(), f"newsml:{version}", schemas=schema_catalogue)
    if result.skipped:
        assert "not a story" in result.skipped or "no newsItem" in result.skipped
    else:
        assert result.items and all(item.external_id for item in result.items)


@pytest.mark.parametrize("case", samples(_cases("should_fail"), UNIT))
def test_should_fail_gives_a_clear_error(schema_catalogue, case):
    version = case.split("/")[0]
    with pytest.raises(ParseError, match=r"not valid NewsML-G2 [\d.]+: line \d+: "):
        registry.read((UNIT / case).read_bytes(), f"newsml:{version}", schemas=schema_catalogue)


# What each example and agency sample is, read from the files: a story (headline and text); an item with a headline
# but no text (a photo, a video, data, a text item whose inlineXML holds only a comment); an item with neither
# (events, hop history, facets, package parts by reference); or a G2 item class that is not a story at all.
SAMPLE_OUTCOMES = {
    "newsml-g2/iptc-examples/LISTING_1_A_NewsML-G2_News_Item.xml": ["no body"],
    "newsml-g2/iptc-examples/LISTING_2_NewsML-G2_Text_Document.xml": ["story"],
    "newsml-g2/iptc-examples/LISTING_3_Photo_in_NewsML-G2.xml": ["picture"],
    "newsml-g2/iptc-examples/LISTING_3A_Photo_in_NewsML-G2__URI_sibling_attributes_.xml": ["picture"],
    "newsml-g2/iptc-examples/LISTING_4_Multiple_Renditions_of_a_Video_in_NewsML-G2.xml": ["empty"],
    "newsml-g2/iptc-examples/LISTING_5_Multi-part_Video_in_NewsML-G2.xml": ["no body"],
    "newsml-g2/iptc-examples/LISTING_6_Simple_NewsML-G2_Package.xml": ["not a story: packageItem"],
    "newsml-g2/iptc-examples/LISTING_7_Group_Set_example_showing_Hierarchical_Package_Structure.xml": ["not a story: groupSet"],
    "newsml-g2/iptc-examples/LISTING_8_Group_Set_example_showing_an_ALT_Package_Mode.xml": ["not a story: groupSet"],
    "newsml-g2/iptc-examples/LISTING_9_Group_Set_example_showing_a_SEQ_Package_Mode.xml": ["not a story: groupSet"],
    "newsml-g2/iptc-examples/LISTING_10_Abstract_Concept_conveyed_in_a_NewsML-G2_Concept_Item.xml": ["not a story: conceptItem"],
    "newsml-g2/iptc-examples/LISTING_11_Person_Concept_conveyed_in_a_NewsML-G2_Concept_Item.xml": ["not a story: conceptItem"],
    "newsml-g2/iptc-examples/LISTING_12_Knowledge_Item_for_Access_Codes.xml": ["not a story: knowledgeItem"],
    "newsml-g2/iptc-examples/LISTING_13_Complete_Catalog_Item.xml": ["not a story: catalogItem"],
    "newsml-g2/iptc-examples/LISTING_14_Event_sent_as_a_Concept_Item.xml": ["not a story: conceptItem"],
    "newsml-g2/iptc-examples/LISTING_15_Two_Related_Events_in_a_Knowledge_Item.xml": ["not a story: knowledgeItem"],
    "newsml-g2/iptc-examples/LISTING_16_A_Set_of_Events_carried_in_a_News_Item.xml": ["empty"],
    "newsml-g2/iptc-examples/LISTING_17_Planning_Item_a_CCL.xml": ["not a story: planningItem"],
    "newsml-g2/iptc-examples/LISTING_18_Planning_Item_at_PCL.xml": ["not a story: planningItem"],
    "newsml-g2/iptc-examples/LISTING_19_Planning_Item_with_delivery_at_CCL.xml": ["not a story: planningItem"],
    "newsml-g2/iptc-examples/LISTING_20_Planning_Item_with_delivery_at_PCL.xml": ["not a story: planningItem"],
    "newsml-g2/iptc-examples/LISTING_21_A_complete_sample_SportsML-G2_document.xml": ["no body"],
    "newsml-g2/iptc-examples/LISTING_22_Sports_story_in_NewsML-G2NITF.xml": ["story"],
    "newsml-g2/iptc-examples/LISTING_23_SportsML-G2_Package.xml": ["not a story: packageItem"],
    "newsml-g2/iptc-examples/LISTING_24_News_Message_conveying_a_complete_News_Package.xml": ["empty"] * 4,
    "newsml-g2/iptc-examples/LISTING_25_An_NITF_marked-up_article_conveyed_in_inlineXML.xml": ["not a story: contentSet"],
    "newsml-g2/iptc-examples/LISTING_26_Embedded_photo_metadata_fields_mapped_to_NewsML-G2.xml": ["picture"],
    "newsml-g2/iptc-examples/LISTING_27_Company_Financial_Information.xml": ["no body"],
    "newsml-g2/iptc-examples/LISTING_28_Illustrating_Located_Subject_and_Dateline.xml": ["not a story: contentMeta"],
    "newsml-g2/iptc-examples/LISTING_29_Hop_History.xml": ["empty"],
    "newsml-g2/iptc-examples/Receiver_View.xml": ["story"],
    "newsml-g2/iptc-examples/ap_metadata_example.xml": ["empty"],
    "newsml-g2/iptc-examples/facet-example.xml": ["empty"],
    "newsml-g2/iptc-examples/facet-example-2.xml": ["empty"],
    "newsml-g2/iptc-examples/facet-example-3.xml": ["empty"],
    "newsml-g2/agency-samples/TT_newsmlg2_sample.xml": ["story", "picture"],  # the story, and its picture by reference
    "nitf/NTB_nitf_sample.xml": ["story"],
}
SAMPLE_FOLDERS = ("newsml-g2/iptc-examples", "newsml-g2/agency-samples", "nitf")


def _outcome(result) -> list[str]:
    if result.skipped:
        item_class = re.match(r"a NewsML-G2 (\w+) is .*not a story", result.skipped)
        return [f"not a story: {item_class.group(1)}" if item_class else result.skipped]
    kinds = []
    for item in result.items:
        assert item.external_id
        if item.kind == "picture" and not item.error:
            assert item.picture and item.picture.get("href"), item  # a picture names its file
            kinds.append("picture")
        elif item.headline and item.paragraphs and not item.error:
            kinds.append("story")
        elif item.error:
            kinds.append({"no body": "no body", "empty item": "empty"}.get(item.error.partition(":")[0], item.error))
        else:
            kinds.append("neither text nor a reason")
    return kinds


@pytest.mark.parametrize(
    "path",
    samples(sorted(str(p.relative_to(SAMPLES)) for folder in SAMPLE_FOLDERS for p in (SAMPLES / folder).glob("*.xml")), SAMPLES),
)
def test_examples_and_agency_samples_are_read_for_what_they_are(schema_catalogue, path):
    _, result = registry.read((SAMPLES / path).read_bytes(), None)
    assert _outcome(result) == SAMPLE_OUTCOMES[path]


def test_every_sample_with_an_expected_outcome_is_there(shared_data):
    assert [path for path in SAMPLE_OUTCOMES if not (SAMPLES / path).is_file()] == []


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


def test_a_photo_item_is_a_picture_with_its_caption_and_credit(shared_data):
    item = parser.parse((SAMPLES / "newsml-g2/iptc-examples/LISTING_3_Photo_in_NewsML-G2.xml").read_bytes()).items[0]
    assert item.kind == "picture" and not item.error
    assert item.picture["href"] and item.picture["mime"] == "image/jpeg"


def test_a_picture_sent_without_a_headline_is_listed_by_its_caption(shared_data):
    items = parser.parse((SAMPLES / "newsml-g2/agency-samples/TT_newsmlg2_sample.xml").read_bytes()).items
    picture = next(item for item in items if item.kind == "picture")
    assert picture.headline == "Journalisten och författaren Jan Guillou jobbar på en ny bok om agenten Hamilton."
    assert picture.picture["credit"] == "TT" and not picture.error


def test_newsml_1_2_is_read_by_its_own_reader(shared_data):
    # Once refused ("NewsML 1.2 is not supported"); AFP still delivers it (tests/ingest/formats/test_newsml12.py).
    parser, result = registry.read((SAMPLES / "newsml-1.2/afp.com_newsml1.2_sample.xml").read_bytes())
    assert parser.name == "newsml12"
    assert result.items[0].headline == "Israel strikes key Hamas targets as UN Security Council to meet"
    # Forced through the NewsML-G2 reader by a hint, it is still read, not refused.
    assert NewsMLParser().parse((SAMPLES / "newsml-1.2/afp.com_newsml1.2_sample.xml").read_bytes()).items


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

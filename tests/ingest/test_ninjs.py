"""ninjs: IPTC's test suite (with the schemas) and examples, and the checks the parser makes on its own.

"should_fail gives a clear error" means: ``registry.read`` raises a
ParseError whose message names what is wrong (the schema's complaint and
where, or the field the parser relies on). "should_pass yields an item"
means: it returns exactly one ParsedItem for the document, which may itself
be a rejected item (a ninjs with only a ``uri`` has nothing to publish).
"""

import json

import pytest

from masthead.ingest.formats import registry
from masthead.ingest.formats.base import ParseError
from masthead.ingest.formats.ninjs import NinjsParser
from tests.conftest import require

from .conftest import samples, shared_root

SUITE = shared_root() / "wire-samples/ninjs/iptc-test-suite"
EXAMPLES = shared_root() / "wire-samples/ninjs/iptc-examples"


def _cases(kind: str) -> list[str]:
    return sorted(str(p.relative_to(SUITE)) for p in SUITE.glob(f"*/{kind}/*.json")) if SUITE.is_dir() else []


@pytest.mark.parametrize("case", samples(_cases("should_pass"), SUITE))
def test_should_pass_yields_an_item(schema_catalogue, case):
    version = case.split("/")[0]
    _, result = registry.read((SUITE / case).read_bytes(), f"ninjs:{version}", schemas=schema_catalogue)
    assert len(result.items) == 1
    assert result.items[0].external_id


@pytest.mark.parametrize("case", samples(_cases("should_fail"), SUITE))
def test_should_fail_gives_a_clear_error(schema_catalogue, case):
    version = case.split("/")[0]
    with pytest.raises(ParseError) as error:
        registry.read((SUITE / case).read_bytes(), f"ninjs:{version}", schemas=schema_catalogue)
    message = str(error.value)
    assert message.startswith(("not valid ninjs", "not valid JSON", "ninjs")), message
    assert len(message) > 20


def test_every_should_pass_also_parses_without_schemas(shared_data):
    cases = _cases("should_pass")
    require(bool(cases), f"no ninjs test suite at {SUITE}")
    for case in cases:
        _, result = registry.read((SUITE / case).read_bytes(), "ninjs")
        assert len(result.items) == 1, case


def test_the_parser_alone_catches_the_faults_in_fields_it_reads(shared_data):
    caught = {
        "1.0/should_fail/001_no_uri_declared.json": "no 'uri'",
        "1.0/should_fail/007_pubstatus_cancelled.json": "pubstatus",
        "1.0/should_fail/009_body_text_with_cr.json": "not valid JSON",
        "1.2/should_fail/001_title_as_number.json": "'title' must be text",
    }
    for case, words in caught.items():
        with pytest.raises(ParseError, match=words):
            registry.read((SUITE / case).read_bytes(), "ninjs")


@pytest.mark.parametrize("example", samples(sorted(str(p.relative_to(EXAMPLES)) for p in EXAMPLES.rglob("*.json")), EXAMPLES))
def test_iptc_examples_ingest_without_a_crash(example, schema_catalogue):
    payload = (EXAMPLES / example).read_bytes()
    try:
        _, result = registry.read(payload, "ninjs")
    except ParseError as error:
        # A schema extension example is not a news item; anything else must read.
        assert "schema-extension" in example, f"{example}: {error}"
        return
    assert result.items


def test_a_1x_text_item_is_read_field_by_field(shared_data):
    item = NinjsParser().parse((EXAMPLES / "1.4/ninjsExMediumText1.json").read_bytes()).items[0]
    assert item.headline and item.paragraphs and item.version_created is not None


def test_a_3x_item_with_camel_case_fields(shared_data):
    item = NinjsParser().parse((EXAMPLES / "3.0/dpa_text.json").read_bytes()).items[0]
    assert item.version == 2
    assert item.version_created.isoformat() == "2019-05-10T16:02:28+02:00"
    assert item.language == "de" and item.paragraphs and not item.error


def test_kill_embargo_and_versions_are_read():
    doc = {
        "uri": "urn:x",
        "version": "3",
        "pubstatus": "canceled",
        "embargoed": "2030-01-01T10:00:00Z",
        "headline": "H",
        "body_text": "B",
    }
    item = NinjsParser().parse(json.dumps(doc).encode()).items[0]
    assert (item.pub_status, item.version, item.embargo_until.year) == ("canceled", 3, 2030)


def test_html_bodies_are_stripped_of_scripts():
    doc = {"uri": "urn:x", "headline": "H", "body_html": "<p onclick='x()'>Safe<script>alert(1)</script></p>"}
    body = "".join(NinjsParser().parse(json.dumps(doc).encode()).items[0].paragraphs)
    assert "script" not in body and "onclick" not in body and "Safe" in body


def test_a_list_of_items_is_read_and_a_bad_one_does_not_cost_the_rest():
    docs = [
        {"uri": "urn:1", "headline": "One", "body_text": "Text"},
        {"headline": "no uri"},
        {"uri": "urn:3", "headline": "Three", "body_text": "Text"},
    ]
    result = NinjsParser().parse(json.dumps(docs).encode())
    assert [item.external_id for item in result.items] == ["urn:1", "urn:3"]
    assert "item 2" in result.errors[0]


@pytest.mark.parametrize("payload", [b"[]", b"42", b'"text"', b"\xff\xfe{"])
def test_documents_that_are_not_ninjs_are_clear_errors(payload):
    with pytest.raises(ParseError):
        NinjsParser().parse(payload)

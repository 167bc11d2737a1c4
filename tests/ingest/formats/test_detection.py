"""Format detection looks past prologues; refusals say what is wrong (entities, depth), never "internal error"."""

from __future__ import annotations

import json

import pytest

from masthead.ingest import xmlsafe
from masthead.ingest.formats import registry
from masthead.ingest.formats.base import ParseError

NEWS_ITEM = (
    b'<newsItem xmlns="http://iptc.org/std/nar/2006-10-01/" guid="urn:x:1" version="1"><contentMeta>'
    b"<headline>Headline</headline></contentMeta><contentSet><inlineData>Body text.</inlineData></contentSet></newsItem>"
)


def quadratic_entities(size: int = 20_000) -> bytes:
    return (
        b'<?xml version="1.0"?>\n<!DOCTYPE newsItem [<!ENTITY a "'
        + b"x" * size
        + b'">]>\n'
        + NEWS_ITEM.replace(b"Body text.", b"&a;" * 200)
    )


def test_quadratic_entities_are_refused_as_entities_not_unknown_format():
    with pytest.raises(ParseError, match="entity declarations are refused"):
        registry.read(quadratic_entities())


def test_the_root_is_found_past_bom_declaration_comments_pis_and_a_long_doctype():
    prologue = (
        b"\xef\xbb\xbf<?xml version='1.0'?>\n<!-- " + b"c" * 5000 + b" -->\n<?xml-stylesheet href='x.xsl'?>\n"
        b'<!DOCTYPE newsItem SYSTEM "x.dtd" [<!ATTLIST newsItem a CDATA #IMPLIED> ' + b" " * 6000 + b"]>\n"
    )
    assert xmlsafe.root_name(prologue + NEWS_ITEM) == "newsItem"
    assert registry.detect(prologue + NEWS_ITEM).name == "newsml"


def test_a_10000_deep_ninjs_is_a_named_refusal():
    deep = '{"uri": "urn:x", "headline": "Deep", "body_text": "x", "extra": ' + "[" * 10_000 + "]" * 10_000 + "}"
    with pytest.raises(ParseError, match="too deeply nested"):
        registry.read(deep.encode(), "ninjs")


def test_deeply_nested_xml_is_a_named_refusal():
    deep = b'<newsItem guid="x">' + b"<a>" * 5000 + b"</a>" * 5000 + b"</newsItem>"
    with pytest.raises(ParseError, match="too deeply nested"):
        registry.read(deep)


def test_schemas_are_named_for_what_they_are():
    with pytest.raises(ParseError, match="XML Schema"):
        registry.read(b'<?xml version="1.0"?><xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema"/>')
    schema = {"$schema": "http://json-schema.org/draft-07/schema#", "$id": "x", "properties": {}}
    with pytest.raises(ParseError, match="JSON Schema"):
        registry.read(json.dumps(schema).encode())


def test_wire_copy_saved_as_txt_is_read_as_wire_copy():
    message = b"\x01eca062 4 i 211 ccccb   dpa 061\r\n\r\nSlug/\r\n\x02Headline here =\r\n\r\nBerlin (dpa) - Body.\r\n\x03"
    parser, result = registry.read(message, registry.hint_for("story.txt"))
    assert parser.name == "iptc7901"
    assert result.items[0].headline == "Headline here"

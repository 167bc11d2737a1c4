"""Parsing untrusted XML without entities, DTDs or network access.

Agency XML arrives from outside; two classic attacks ride on it: entity
expansion ("billion laughs") and external entities (XXE: reading local
files or making requests). Masthead refuses any document that *declares*
entities, before any parser sees it, and parses the rest with lxml set to
resolve no entities, load no DTD and touch no network.
"""

from __future__ import annotations

import re

from lxml import etree

from masthead.ingest.formats import charsets
from masthead.ingest.formats.base import ParseError

# lxml's own limit without huge_tree; wire copy is a handful of levels deep.
MAX_DEPTH = 256

_ENTITY_DECLARATION = "<!ENTITY"
_ENCODINGS_TO_PROBE = ("utf-8", "utf-16-le", "utf-16-be", "utf-32-le", "utf-32-be")
_PROBES = tuple(_ENTITY_DECLARATION.encode(encoding) for encoding in _ENCODINGS_TO_PROBE)
_DOCTYPE = re.compile(rb"<!DOCTYPE", re.IGNORECASE)


def refuse_entity_declarations(payload: bytes) -> None:
    """Raise :class:`ParseError` if the document declares entities (in any of the encodings XML allows)."""
    if any(probe in payload for probe in _PROBES):
        raise ParseError(
            "XML entity declarations are refused (<!ENTITY …> in a DOCTYPE): they are used for entity-expansion "
            "and external-entity attacks, and no wire format needs them"
        )


def too_deep(kind: str) -> str:
    return f"too deeply nested: the {kind} document is nested more than {MAX_DEPTH} levels deep; no wire format needs that"


def parser() -> etree.XMLParser:
    return etree.XMLParser(
        resolve_entities=False,
        no_network=True,
        dtd_validation=False,
        load_dtd=False,
        huge_tree=False,
        remove_comments=False,
        remove_pis=True,
    )


def parse(payload: bytes) -> etree._Element:
    """The root element of a well-formed, entity-free document, or a :class:`ParseError` saying what is wrong."""
    refuse_entity_declarations(payload)
    payload, _ = charsets.xml_payload(payload)
    try:
        root = etree.fromstring(payload, parser())
    except etree.XMLSyntaxError as error:
        if "depth" in str(error).lower():
            raise ParseError(too_deep("XML")) from None
        raise ParseError(f"not well-formed XML: {error}") from None
    if root is None:
        raise ParseError("empty XML document")
    return root


def local_name(element) -> str:
    tag = element.tag
    if not isinstance(tag, str):
        return ""
    return tag.rsplit("}", 1)[-1]


_PROLOGUE = re.compile(
    rb"\s*(?:<\?.*?\?>|<!--.*?-->|<!DOCTYPE(?:[^\[>]|\[.*?\])*>)",
    re.DOTALL | re.IGNORECASE,
)


def root_name(payload: bytes, limit: int = 65536) -> str:
    """The local name of the first element of an XML payload, read from its head ('' if none).

    The prologue is skipped whole: BOM, XML declaration, processing
    instructions, comments and a DOCTYPE with its internal subset (which
    can be long: an entity attack hides the root behind one).
    """
    # Markup characters are ASCII: dropping NUL bytes reads UTF-16 and UTF-32 heads well enough to name the root.
    head = payload[:limit].replace(b"\x00", b"")
    for bom in (b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff"):
        head = head.removeprefix(bom)
    position = 0
    while True:
        match = _PROLOGUE.match(head, position)
        if not match or match.end() == position:
            break
        position = match.end()
    match = re.match(rb"\s*<([A-Za-z_][\w.\-]*:)?([A-Za-z_][\w.\-]*)", head[position:])
    return match.group(2).decode("ascii", "replace") if match else ""


def looks_like_xml(payload: bytes) -> bool:
    """True when the payload (past a BOM and whitespace, any encoding XML allows) starts with markup."""
    head = payload[:64].replace(b"\x00", b"")
    for bom in (b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff"):
        head = head.removeprefix(bom)
    return head.lstrip()[:1] == b"<"

"""The wire formats Masthead reads, and how a payload finds its parser.

:func:`detect` asks every registered parser how sure it is that a payload
is its format (a hint — a file extension, a Content-Type, ``ninjs:2.1`` —
helps) and picks the surest. :func:`read` is the whole pure pipeline: size
limit, detection, schema validation when schemas are configured, parsing,
and the per-item size limits (headline, summary, body).
A new format is one :class:`~masthead.ingest.formats.base.Parser` subclass
and one :func:`register` call.
"""

from __future__ import annotations

from masthead.ingest.formats import charsets
from masthead.ingest.formats.anpa import ANPAParser
from masthead.ingest.formats.base import ItemLimits, ParseError, Parser, ParseResult, refuse_oversize
from masthead.ingest.formats.conventions import clean_credits
from masthead.ingest.formats.html import HTMLParser
from masthead.ingest.formats.iptc7901 import IPTC7901Parser
from masthead.ingest.formats.newsml import NewsMLParser
from masthead.ingest.formats.newsml12 import NewsML12Parser
from masthead.ingest.formats.ninjs import NinjsParser
from masthead.ingest.formats.plaintext import PlainTextParser
from masthead.ingest.formats.rss import FeedParser

DEFAULT_MAX_BYTES = 10 * 1024 * 1024

_parsers: dict[str, Parser] = {}

# File extensions and Content-Types, as hints for detection.
EXTENSION_HINTS = {
    ".rss": "rss",
    ".atom": "atom",
    ".rdf": "rss",
    ".json": "json",
    ".ninjs": "ninjs",
    ".html": "html",
    ".htm": "html",
    ".xhtml": "html",
    ".txt": "text",  # or IPTC 7901 / ANPA-1312 wire copy: their control characters outrank the hint (detect)
    ".text": "text",
    ".anpa": "anpa",
    ".tst": None,
    ".xml": None,
}


def register(parser: Parser) -> Parser:
    _parsers[parser.name] = parser
    return parser


def parsers() -> list[Parser]:
    return list(_parsers.values())


def get(name: str) -> Parser:
    try:
        return _parsers[name]
    except KeyError:
        raise ParseError(f"unknown format {name!r}; Masthead reads {', '.join(sorted(_parsers))}") from None


for _parser in (
    FeedParser(),
    NinjsParser(),
    NewsMLParser(),
    NewsML12Parser(),
    ANPAParser(),
    IPTC7901Parser(),
    HTMLParser(),
    PlainTextParser(),
):
    register(_parser)


def hint_for(name: str | None = None, content_type: str | None = None) -> str | None:
    """A detection hint from a file name or a Content-Type (the Content-Type wins: it is what the server said)."""
    if content_type:
        return content_type
    if name:
        lowered = name.lower()
        for extension, hint in EXTENSION_HINTS.items():
            if lowered.endswith(extension):
                return hint
    return None


def detect(payload: bytes, hint: str | None = None) -> Parser:
    """The parser surest it can read ``payload``; a :class:`ParseError` naming what was seen when none is."""
    if not payload or not payload.strip():
        raise ParseError("empty payload: nothing to read")
    from masthead.ingest import xmlsafe

    if xmlsafe.looks_like_xml(payload):
        # Named before anything else: a DOCTYPE full of entities hides the root element from sniffing.
        xmlsafe.refuse_entity_declarations(payload)
    if hint and hint.split(":")[0] in _parsers:
        if hint.split(":")[0] == "text":
            # Wire copy saved as .txt: the SOH/STX framing of ANPA-1312 and IPTC 7901 is unambiguous.
            for name in ("iptc7901", "anpa"):
                if _parsers[name].sniff(payload, None) >= 95:
                    return _parsers[name]
        return _parsers[hint.split(":")[0]]
    scores = sorted(
        ((parser.sniff(payload, hint), index, parser) for index, parser in enumerate(_parsers.values())),
        key=lambda s: (-s[0], s[1]),
    )
    score, _, parser = scores[0]
    if score <= 0:
        root = xmlsafe.root_name(payload) if xmlsafe.looks_like_xml(payload) else ""
        if root == "schema":
            raise ParseError("an XML Schema (XSD): it describes a format and holds no news item")
        if root:
            raise ParseError(
                f"unknown XML format: <{root}> is not RSS/Atom, NewsML-G2 (newsItem, newsMessage), NewsML 1.2, NITF or HTML"
            )
        head = payload[:40].decode("utf-8", "replace").strip().replace("\n", " ")
        raise ParseError(
            f"unknown format: not a feed, ninjs, NewsML, NITF, ANPA-1312, IPTC 7901, HTML page or text (starts {head!r})"
        )
    return parser


def read(
    payload: bytes,
    hint: str | None = None,
    *,
    schemas=None,
    max_bytes: int = DEFAULT_MAX_BYTES,
    limits: ItemLimits | None = ItemLimits(),
) -> tuple[Parser, ParseResult]:
    """Detect, validate (when ``schemas`` is a :class:`~masthead.ingest.schemas.SchemaCatalogue`) and parse one payload.

    Items over ``limits`` come back rejected (:func:`~masthead.ingest.formats.base.refuse_oversize`);
    the other items of the payload are untouched. ``limits=None`` reads without them.
    """
    if len(payload) > max_bytes:
        raise ParseError(f"payload too large: {len(payload):,} bytes, the limit is {max_bytes:,}")
    parser = detect(payload, hint)
    try:
        if schemas is not None:
            complaint = validate(parser, payload, hint, schemas)
            if complaint:
                raise ParseError(complaint)
        result = parser.parse(payload, hint, limits=limits)
    except RecursionError:
        # A document nested thousands deep (JSON arrays in arrays…) is an attack or a broken export, not news.
        raise ParseError(
            f"too deeply nested: the {parser.label} payload is nested deeper than any wire format needs; refused"
        ) from None
    for item in result.items:
        finish_item(item)
        refuse_oversize(item, limits)
    return parser, result


def finish_item(item) -> None:
    """What every format gets after parsing: mojibake repaired, credits stripped of copyright boilerplate."""
    charsets.repair_item(item)
    item.agency_credits = clean_credits(item.agency_credits)


def validate(parser: Parser, payload: bytes, hint: str | None, schemas) -> str:
    """The schema's complaint about a ninjs or NewsML-G2 payload, or '' (also when there is no schema for it)."""
    if parser.name == "ninjs":
        import json

        try:
            document = json.loads(payload.decode("utf-8-sig"))
        except (UnicodeDecodeError, ValueError):
            return ""  # the parser says what is wrong, more precisely
        documents = document if isinstance(document, list) else [document]
        for document in documents:
            complaint = schemas.validate_ninjs(document, hint)
            if complaint:
                return complaint
        return ""
    if parser.name == "newsml":
        from masthead.ingest import xmlsafe

        root = xmlsafe.parse(payload)
        if xmlsafe.local_name(root) in ("nitf", "NewsML"):
            return ""
        return schemas.validate_g2(root, hint)
    return ""

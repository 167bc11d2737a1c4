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

from masthead.ingest.formats.base import ItemLimits, ParseError, Parser, ParseResult, refuse_oversize
from masthead.ingest.formats.html import HTMLParser
from masthead.ingest.formats.newsml import NewsMLParser
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
    ".txt": "text",
    ".text": "text",
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


for _parser in (FeedParser(), NinjsParser(), NewsMLParser(), HTMLParser(), PlainTextParser()):
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
    if hint and hint.split(":")[0] in _parsers:
        return _parsers[hint.split(":")[0]]
    scores = sorted(
        ((parser.sniff(payload, hint), index, parser) for index, parser in enumerate(_parsers.values())),
        key=lambda s: (-s[0], s[1]),
    )
    score, _, parser = scores[0]
    if score <= 0:
        from masthead.ingest import xmlsafe

        root = xmlsafe.root_name(payload) if payload.lstrip()[:1] == b"<" else ""
        if root:
            raise ParseError(f"unknown XML format: <{root}> is not RSS/Atom, NewsML-G2 (newsItem, newsMessage), NITF or HTML")
        head = payload[:40].decode("utf-8", "replace").strip().replace("\n", " ")
        raise ParseError(f"unknown format: not a feed, ninjs, NewsML-G2, NITF, HTML page or text (starts {head!r})")
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
    if schemas is not None:
        complaint = validate(parser, payload, hint, schemas)
        if complaint:
            raise ParseError(complaint)
    result = parser.parse(payload, hint, limits=limits)
    for item in result.items:
        refuse_oversize(item, limits)
    return parser, result


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

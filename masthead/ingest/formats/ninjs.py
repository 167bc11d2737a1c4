"""IPTC ninjs (News in JSON), versions 1.x, 2.x and 3.x. Pure.

The three generations name things differently — ``headline`` and
``body_html`` (1.x), ``headlines[]`` and ``bodies[]`` (2.x), the same in
camelCase with ``embargoedUntil`` (3.x) — and this module reads all of them
into one :class:`ParsedItem`. It checks every field it relies on and says
which one is wrong; full schema conformance is
:mod:`masthead.ingest.schemas`' job, when the schemas are configured.

A document may be one item (what the standard describes) or a JSON array
of items, as some agency APIs deliver them.
"""

from __future__ import annotations

import datetime
import json
import re

from masthead.ingest.formats.base import (
    PUB_STATUSES,
    USABLE,
    ItemLimits,
    ParsedItem,
    ParseError,
    Parser,
    ParseResult,
    refuse_oversize,
)
from masthead.ingest.formats.conventions import agency_credits, take_dateline
from masthead.ingest.formats.pictures import best_rendition, credit_line, picture
from masthead.ingest.sanitize import blocks, paragraph

_HINTS = frozenset({"ninjs", "json", "application/json", "application/ninjs+json"})


def parse_datetime(value) -> datetime.datetime | None:
    """An ISO 8601 date or date-time as an aware datetime (UTC when no offset is given); None when unreadable."""
    if not isinstance(value, str) or not value.strip():
        return None
    text = value.strip().replace("Z", "+00:00").replace("z", "+00:00")
    try:
        parsed = datetime.datetime.fromisoformat(text)
    except ValueError:
        try:
            parsed = datetime.datetime.combine(datetime.date.fromisoformat(text[:10]), datetime.time())
        except ValueError:
            return None
    if parsed.tzinfo is None:
        parsed = parsed.replace(tzinfo=datetime.UTC)
    return parsed


def _version_number(value) -> int | None:
    if isinstance(value, int) and not isinstance(value, bool):
        return value
    if isinstance(value, str):
        match = re.match(r"\s*(\d+)", value)
        if match:
            return int(match.group(1))
    return None


class _Fields:
    """Case-insensitive access to a ninjs object, with type checks that name the field."""

    def __init__(self, data: dict, where: str = ""):
        self.data = {key.lower(): value for key, value in data.items()}
        self.where = where

    def get(self, name: str, kind=None, default=None):
        value = self.data.get(name.lower(), default)
        if value is None or value is default:
            return default
        if kind is not None and not isinstance(value, kind):
            kinds = " or ".join(k.__name__ for k in (kind if isinstance(kind, tuple) else (kind,)))
            shown = {"str": "text", "list": "a list", "dict": "an object", "int": "a whole number"}.get(kinds, kinds)
            raise ParseError(
                f"ninjs{self.where}: '{name}' must be {shown}, not {type(value).__name__} ({json.dumps(value)[:60]})"
            )
        return value


def _role_value(entries, field_name: str, where: str, preferred_roles=("main", "html", "text")) -> tuple[str, str]:
    """(value, content type) of the best entry of a 2.x/3.x ``headlines``/``bodies``/``descriptions`` list."""
    if not isinstance(entries, list):
        raise ParseError(f"ninjs{where}: '{field_name}' must be a list of objects")
    candidates = []
    for position, entry in enumerate(entries):
        if not isinstance(entry, dict):
            raise ParseError(f"ninjs{where}: '{field_name}[{position}]' must be an object")
        fields = _Fields(entry, where)
        value = fields.get("value", str, "")
        kind = fields.get("contenttype", str, "") or ("text/html" if "<" in value else "text/plain")
        role = fields.get("role", str, "")
        candidates.append((role, kind, value))
    if not candidates:
        return "", ""

    def rank(candidate):
        role, kind, value = candidate
        role_rank = preferred_roles.index(role) if role in preferred_roles else len(preferred_roles)
        return (role_rank, 0 if "html" in kind else 1, -len(value))

    role, kind, value = min(candidates, key=rank)
    return value, kind


def _body_html(value: str, kind: str) -> list[str]:
    if not value:
        return []
    if "html" in kind or "xml" in kind or re.search(r"<(p|div|section|br|h\d)\b", value, re.IGNORECASE):
        return blocks(value)
    parts = re.split(r"\n\s*\n", value) if "\n\n" in value else value.split("\n")
    return [paragraph(part) for part in parts if part.strip()]


def _names(entries, where: str, field_name: str) -> list[str]:
    if entries is None:
        return []
    if not isinstance(entries, list):
        raise ParseError(f"ninjs{where}: '{field_name}' must be a list")
    names = []
    for entry in entries:
        if isinstance(entry, dict):
            fields = _Fields(entry, where)
            name = fields.get("name", str, "") or fields.get("literal", str, "") or fields.get("code", str, "")
            if name:
                names.append(name)
        elif isinstance(entry, str):
            names.append(entry)
    return names


def _descriptions_by_role(fields: _Fields, where: str) -> dict[str, str]:
    entries = fields.get("descriptions", list, [])
    found: dict[str, str] = {}
    for entry in entries:
        if isinstance(entry, dict):
            described = _Fields(entry, where)
            found.setdefault(described.get("role", str, "").lower(), described.get("value", str, ""))
    return found


def _as_picture(item: ParsedItem, fields: _Fields, where: str) -> None:
    """A ``type: picture`` item: its best rendition, caption and credit; the caption is its text on the desk."""
    raw = fields.get("renditions", (dict, list), [])
    # 1.x keys renditions by name ({"baseImage": {...}}); 2.x and 3.x list them with a "name".
    entries = (
        [{"name": name, **value} for name, value in raw.items() if isinstance(value, dict)] if isinstance(raw, dict) else raw
    )
    renditions = []
    for entry in entries:
        if isinstance(entry, dict):
            data = _Fields(entry, where).data
            renditions.append(
                {
                    "name": str(data.get("name") or ""),
                    "href": data.get("href"),
                    "mime": data.get("contenttype") or data.get("mimetype") or "",
                    "width": data.get("width"),
                    "height": data.get("height"),
                }
            )
    described = _descriptions_by_role(fields, where)
    caption = (
        described.get("caption") or fields.get("description_text", str, "") or item.summary or fields.get("body_text", str, "")
    )
    agency = fields.get("creditline", str, "") or described.get("creditline", "") or fields.get("copyrightholder", str, "")
    item.kind = "picture"
    item.picture = picture(
        best_rendition(renditions), caption=caption, credit=credit_line(photographer=item.byline, agency=agency)
    )
    if not item.paragraphs and item.picture["caption"]:
        item.paragraphs = [paragraph(item.picture["caption"])]
    if not item.picture["href"]:
        item.warnings.append("a picture item with no rendition to take: it cannot be added to the picture library")


class NinjsParser(Parser):
    name = "ninjs"
    label = "IPTC ninjs"

    def sniff(self, payload: bytes, hint: str | None) -> int:
        base = (hint or "").split(":")[0].split(";")[0].strip().lower()
        head = payload[:4096].lstrip(b"\xef\xbb\xbf \t\r\n")
        if base == "ninjs":
            return 100
        if head[:1] not in (b"{", b"["):
            return 0
        if re.search(
            rb'"(uri|\$standard|versioncreated|versionCreated|headlines|body_html|body_text|pubstatus|pubStatus)"\s*:', head
        ):
            return 95
        return 50 if base in _HINTS else 30

    def parse(self, payload: bytes, hint: str | None = None, *, limits: ItemLimits | None = None) -> ParseResult:
        try:
            text = payload.decode("utf-8-sig")
        except UnicodeDecodeError as error:
            raise ParseError(f"ninjs must be UTF-8 JSON: undecodable byte at position {error.start}") from None
        try:
            document = json.loads(text)
        except json.JSONDecodeError as error:
            raise ParseError(f"not valid JSON: {error.msg} at line {error.lineno}, column {error.colno}") from None
        if isinstance(document, dict) and "uri" not in document and "guid" not in document:
            if "$schema" in document:
                raise ParseError("a JSON Schema: it describes a format and holds no news item")
            # An API's search-results envelope ({"total": 1, "item": [ninjs…]}), as the BBC's feed sends.
            wrapped = document.get("item", document.get("items"))
            if isinstance(wrapped, list) and wrapped:
                document = wrapped
        if isinstance(document, dict):
            documents = [document]
        elif isinstance(document, list) and document and all(isinstance(d, dict) for d in document):
            documents = document
        else:
            raise ParseError("a ninjs document must be a JSON object (or a list of them)")
        result = ParseResult(format=self.name)
        for position, data in enumerate(documents, start=1):
            where = f" item {position}" if len(documents) > 1 else ""
            try:
                result.items.append(self.item(data, where, limits=limits))
            except ParseError as error:
                if len(documents) == 1:
                    raise
                result.errors.append(str(error))
        return result

    def item(self, data: dict, where: str = "", *, limits: ItemLimits | None = None) -> ParsedItem:
        fields = _Fields(data, where)
        # Superdesk and pre-1.0 ninjs identify items by "guid".
        uri = fields.get("uri", str, "") or fields.get("guid", str, "")
        if not uri.strip():
            raise ParseError(f"ninjs{where}: the item has no 'uri' (every ninjs version requires one)")

        headline = fields.get("headline", str, "")
        if not headline and "headlines" in fields.data:
            headline, _ = _role_value(fields.get("headlines"), "headlines", where)
        if not headline:
            headline = fields.get("title", str, "") or ""

        body_value, body_kind = "", ""
        if "bodies" in fields.data:
            body_value, body_kind = _role_value(fields.get("bodies"), "bodies", where)
        else:
            for key, kind in (("body_html", "text/html"), ("body_xhtml", "application/xhtml+xml"), ("body_text", "text/plain")):
                value = fields.get(key, str, "")
                if value:
                    body_value, body_kind = value, kind
                    break
            else:
                for key, value in fields.data.items():
                    if key.startswith("body_"):
                        if not isinstance(value, str):
                            raise ParseError(f"ninjs{where}: '{key}' must be text")
                        if value and not body_value:
                            body_value, body_kind = value, ("text/html" if "html" in key else "text/plain")
        summary = fields.get("description_text", str, "")
        if not summary and "descriptions" in fields.data:
            summary, _ = _role_value(fields.get("descriptions"), "descriptions", where, ("summary", "text", "main"))

        status = fields.get("pubstatus", str, USABLE).strip().lower() or USABLE
        if status not in PUB_STATUSES:
            raise ParseError(f"ninjs{where}: 'pubstatus' is {status!r}; IPTC allows {', '.join(PUB_STATUSES)}")

        embargo_raw = fields.get("embargoed", str) or fields.get("embargoeduntil", str)
        embargo = parse_datetime(embargo_raw)
        warnings: list[str] = []
        if embargo_raw and embargo is None:
            warnings.append(f"unreadable embargo time {embargo_raw!r}; the item is not held")
        version_created = parse_datetime(fields.get("versioncreated", str))
        first_created = parse_datetime(fields.get("firstcreated", str))
        byline = fields.get("byline", str, "") or fields.get("by", str, "")
        language = fields.get("language", str, "")
        subjects = _names(fields.get("subject") if "subject" in fields.data else fields.get("subjects"), where, "subjects")
        located = fields.get("located", str, "")

        # An oversized body is refused here, before it is split and parsed as HTML (the costly part).
        oversized_body = bool(limits and limits.body_complaint(len(body_value)))
        paragraphs = [] if oversized_body else _body_html(body_value, body_kind)
        dateline, paragraphs = take_dateline(paragraphs)
        text = "\n".join(paragraphs)
        credits = [dateline.agency] if dateline and dateline.agency else []
        for holder in (
            fields.get("copyrightholder", str, ""),
            fields.get("provider", str, "") if isinstance(fields.data.get("provider"), str) else "",
        ):
            if holder:
                credits.append(holder)
        credits += agency_credits(text)
        item = ParsedItem(
            external_id=uri[:500],
            headline=headline.strip(),
            paragraphs=paragraphs,
            dateline=dateline.place if dateline else located,
            byline=byline,
            summary=summary,
            language=language[:20],
            subjects=subjects,
            version=_version_number(fields.get("version", (str, int))),
            version_created=version_created,
            first_created=first_created,
            item_date=version_created or first_created,
            pub_status=status,
            embargo_until=embargo,
            agency_credits=credits,
            warnings=warnings,
            extra={"type": fields.get("type", str, "")},
        )
        if isinstance(data.get("slugline"), str):
            item.keyword = data["slugline"].strip()[:128]
        raw_urgency = data.get("urgency")
        if isinstance(raw_urgency, int) and not isinstance(raw_urgency, bool) and 1 <= raw_urgency <= 9:
            item.urgency = raw_urgency
        if fields.get("type", str, "").lower() == "picture":
            _as_picture(item, fields, where)
            paragraphs = item.paragraphs
        if status != "canceled":
            if not item.headline and not paragraphs:
                item.error = "empty item: no headline and no body"
            elif not paragraphs:
                item.error = "no body: the item has no body text"
            elif not item.headline:
                item.error = "no headline"
        return refuse_oversize(item, limits, body_chars=len(body_value) if oversized_body else None)

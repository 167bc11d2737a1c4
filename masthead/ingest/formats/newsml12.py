"""IPTC NewsML 1.2, as AFP, ANA-MPE and Business Wire still deliver it. Pure.

``NewsML`` holds a ``NewsEnvelope`` (the transmission: date, products,
priority) and one or more ``NewsItem``: ``Identification`` (provider, item
id, revision), ``NewsManagement`` (status, urgency, created times) and a
``NewsComponent`` tree. Components nest; each may carry ``NewsLines``
(headline, dateline, byline, credit, slug), metadata (provider, creator,
language, subjects) and ``ContentItem``s whose ``DataContent`` is NITF,
XHTML, HTML in CDATA or plain text. Business Wire splits one release into
components by ``Role`` (HeadLine, SubHeadLine, Body, Contact, Logo,
Photo): the body is the first text component that is not one of the
side roles.

All XML goes through :mod:`masthead.ingest.xmlsafe`.
"""

from __future__ import annotations

import html as html_lib
import re

from lxml import etree

from masthead.ingest import xmlsafe
from masthead.ingest.formats.base import USABLE, ItemLimits, ParsedItem, ParseError, Parser, ParseResult
from masthead.ingest.formats.conventions import clean_dateline, strip_dateline_date
from masthead.ingest.formats.newsml import (
    _STATUS,
    _children,
    _finish,
    _first,
    _nitf_parts,
    _plain_tags,
    _text,
    parse_norm_datetime,
)
from masthead.ingest.sanitize import blocks, paragraph

# Component roles that are not the story's body.
SIDE_ROLES = frozenset(
    {"headline", "subheadline", "contact", "logo", "photo", "stylesheet", "caption", "graphic", "video", "audio"}
)


def _formal(element) -> str:
    return (element.get("FormalName") or "").strip() if element is not None else ""


def _role(component) -> str:
    return _formal(_first(component, "Role")).lower()


def _components(component):
    """A component and all the components inside it, in document order, skipping those in side roles."""
    yield component
    for child in _children(component, "NewsComponent"):
        if _role(child) not in SIDE_ROLES:
            yield from _components(child)


def _line(components, name: str) -> str:
    for component in components:
        lines = _first(component, "NewsLines")
        if lines is not None:
            value = _text(_first(lines, name))
            if value:
                return value
    return ""


def _parties(components, *path: str) -> list[str]:
    out = []
    for component in components:
        node = _first(component, *path)
        if node is not None:
            out += [_formal(party) for party in _children(node, "Party") if _formal(party)]
    return out


def _body(data) -> list[str]:
    """Paragraphs from a DataContent: NITF, XHTML elements, or text (HTML or plain)."""
    elements = [child for child in data if isinstance(child.tag, str)]
    if elements:
        first = elements[0]
        if xmlsafe.local_name(first) == "nitf":
            return _nitf_parts(first)[0]
        if xmlsafe.local_name(first) == "html":
            body = _first(first, "body")
            elements = list(body) if body is not None else []
        markup = (html_lib.escape(data.text) if data.text and data.text.strip() else "") + "".join(
            etree.tostring(_plain_tags(element), encoding="unicode", method="html") for element in elements
        )
        return blocks(re.sub(r"\s+", " ", markup))
    text = data.text or ""
    if re.search(r"<(?:p|div|br|P|DIV|BR)\b", text):
        return blocks(re.sub(r"\s+", " ", text))
    parts = re.split(r"\n\s*\n", text) if "\n\n" in text else text.split("\n")
    return [paragraph(part.strip()) for part in parts if part.strip()]


def _body_of(components) -> list[str]:
    for component in components:
        for content in _children(component, "ContentItem"):
            media = _formal(_first(content, "MediaType")).lower()
            mime = _formal(_first(content, "MimeType")).lower()
            data = _first(content, "DataContent")
            if data is None or (media and media != "text") or mime.startswith(("image/", "video/", "audio/")):
                continue
            if "css" in _formal(_first(content, "Format")).lower():
                continue
            paragraphs = _body(data)
            if paragraphs:
                return paragraphs
    return []


class NewsML12Parser(Parser):
    name = "newsml12"
    label = "IPTC NewsML 1.2"

    def sniff(self, payload: bytes, hint: str | None) -> int:
        if (hint or "").split(":")[0].lower() in ("newsml12", "newsml-1.2", "newsml1"):
            return 100
        return 97 if xmlsafe.root_name(payload) == "NewsML" else 0

    def parse(self, payload: bytes, hint: str | None = None, *, limits: ItemLimits | None = None) -> ParseResult:
        root = xmlsafe.parse(payload)
        if xmlsafe.local_name(root) != "NewsML":
            raise ParseError(f"<{xmlsafe.local_name(root)}> is not a NewsML 1.2 document")
        result = ParseResult(format=self.name)
        envelope = _first(root, "NewsEnvelope")
        priority = _formal(_first(envelope, "Priority")) if envelope is not None else ""
        items = list(root.iter("{*}NewsItem"))
        for position, node in enumerate(items, start=1):
            try:
                result.items.append(self.news_item(node, priority))
            except ParseError as error:
                result.errors.append(f"NewsItem {position}: {error}")
        if not items:
            result.skipped = "the NewsML document holds no NewsItem"
        return result

    def news_item(self, item, envelope_priority: str = "") -> ParsedItem:
        identifier = _first(item, "Identification", "NewsIdentifier")
        provider_id = _text(_first(identifier, "ProviderId")) if identifier is not None else ""
        item_id = _text(_first(identifier, "NewsItemId")) if identifier is not None else ""
        if not item_id:
            raise ParseError("the NewsItem has no NewsItemId")
        revision = _text(_first(identifier, "RevisionId"))
        management = _first(item, "NewsManagement")
        status_name = _formal(_first(management, "Status")).lower() if management is not None else "usable"
        status = _STATUS.get(status_name, USABLE)
        urgency_raw = _formal(_first(management, "Urgency")) if management is not None else ""
        urgency_raw = urgency_raw or envelope_priority
        top = _first(item, "NewsComponent")
        if top is None:
            raise ParseError("the NewsItem has no NewsComponent")
        components = list(_components(top))
        dateline_raw = _line(components, "DateLine")
        dateline, dateline_agency = clean_dateline(dateline_raw)
        dateline = strip_dateline_date(dateline)
        byline = _line(components, "ByLine") or ", ".join(_parties(components, "AdministrativeMetadata", "Creator"))
        credits = [
            *_parties(components, "AdministrativeMetadata", "Provider"),
            _line(components, "CreditLine"),
            dateline_agency,
            _line(components, "CopyrightLine"),
            provider_id,
        ]
        subjects: list[str] = []
        category = ""
        for node in top.iter("{*}Topic", "{*}Subject", "{*}SubjectMatter", "{*}SubjectDetail", "{*}Property"):
            name = xmlsafe.local_name(node)
            if name == "Topic":
                labels = {
                    d.get("{http://www.w3.org/XML/1998/namespace}lang", ""): _text(d)
                    for d in _children(node, "Description")
                    if d.get("Variant") == "Name"
                }
                label = labels.get("en") or next(iter(labels.values()), "")
                if label and label not in subjects:
                    subjects.append(label)
                category = category or next(
                    (_text(d) for d in _children(node, "Description") if d.get("Variant") == "Category"), ""
                )
            elif name in ("Subject", "SubjectMatter", "SubjectDetail"):
                category = category or (node.get("cat") or "")
            elif name == "Property" and node.get("FormalName") == "Keyword" and node.get("Value"):
                if node.get("Value") not in subjects:
                    subjects.append(node.get("Value"))
        language = ""
        for component in components:
            language = _formal(_first(component, "DescriptiveMetadata", "Language"))
            if language:
                break
        language = (language or item.get("{http://www.w3.org/XML/1998/namespace}lang") or "").lower()
        created = parse_norm_datetime(_text(_first(management, "ThisRevisionCreated")) if management is not None else "")
        first_created = parse_norm_datetime(_text(_first(management, "FirstCreated")) if management is not None else "")
        paragraphs = _body_of(components)
        advisory = [
            _text(_first(line, "NewsLineText"))
            for component in components
            for lines in _children(component, "NewsLines")
            for line in _children(lines, "NewsLine")
        ]
        parsed = ParsedItem(
            external_id=f"newsml:{provider_id}:{item_id}"[:500],
            headline=_line(components, "HeadLine"),
            paragraphs=paragraphs,
            dateline=dateline,
            byline=byline.strip(),
            summary=_line(components, "SubHeadLine"),
            language=language[:20],
            subjects=subjects,
            version=int(revision) if revision.isdigit() else None,
            version_created=created,
            first_created=first_created,
            item_date=created or first_created,
            pub_status=status,
            agency_credits=[credit for credit in credits if credit],
            urgency=int(urgency_raw) if urgency_raw.isdigit() and 1 <= int(urgency_raw) <= 9 else None,
            category=category,
            keyword=_line(components, "SlugLine") or _text(_first(item, "Identification", "NameLabel")),
            extra={"news_lines": [line for line in advisory if line]},
        )
        return _finish(parsed)

"""IPTC NewsML-G2 ``newsItem`` (alone or in a ``newsMessage``), with XHTML or NITF bodies, and NITF on its own. Pure.

Read from G2: ``guid``, ``version``, ``itemMeta`` (``pubStatus``,
``embargoed``, ``versionCreated``, ``firstCreated``, provider),
``contentMeta`` (headline, dateline, ``by``, subjects, language, located)
and the body from ``contentSet`` (``inlineXML`` holding XHTML or NITF,
or ``inlineData`` text). Other G2 item classes (package, concept,
knowledge, planning, catalog) are valid G2 but not stories: they are
skipped with a note, not treated as errors.

All XML goes through :mod:`masthead.ingest.xmlsafe`: no entities, no DTD,
no network.
"""

from __future__ import annotations

import copy
import datetime
import html as html_lib
import re

from lxml import etree

from masthead.ingest import xmlsafe
from masthead.ingest.formats.base import CANCELED, USABLE, WITHHELD, ItemLimits, ParsedItem, ParseError, Parser, ParseResult
from masthead.ingest.formats.conventions import agency_credits, clean_dateline, take_dateline
from masthead.ingest.formats.ninjs import parse_datetime
from masthead.ingest.formats.pictures import best_rendition, credit_line, first_sentence, picture
from masthead.ingest.sanitize import blocks, paragraph

G2 = "http://iptc.org/std/nar/2006-10-01/"
XHTML = "http://www.w3.org/1999/xhtml"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
NOT_STORIES = {
    "packageItem": "a package of other items",
    "conceptItem": "a concept (a person, place, subject…)",
    "knowledgeItem": "a set of concepts",
    "planningItem": "planned coverage",
    "catalogItem": "a catalogue of schemes",
    "catalog": "a catalogue of schemes",
    "groupSet": "a package's groups",
    "contentSet": "content without metadata",
    "contentMeta": "metadata without content",
}
# IPTC's stat: codes, and the spellings agencies use in NITF's management-status.
_STATUS = {
    "usable": USABLE,
    "embargoed": USABLE,
    "withheld": WITHHELD,
    "canceled": CANCELED,
    "cancelled": CANCELED,
    "withdrawn": CANCELED,
    "killed": CANCELED,
}


def _children(element, name: str):
    return [child for child in element if xmlsafe.local_name(child) == name]


def _first(element, *path: str):
    node = element
    for name in path:
        if node is None:
            return None
        node = next((child for child in node if xmlsafe.local_name(child) == name), None)
    return node


def _text(element) -> str:
    if element is None:
        return ""
    return re.sub(r"\s+", " ", "".join(element.itertext())).strip()


def _qcode_value(qcode: str) -> str:
    return qcode.split(":", 1)[-1] if qcode else ""


def parse_norm_datetime(value: str | None) -> datetime.datetime | None:
    """ISO 8601 in basic (``20210516T090004+0200``) or extended form, as NITF and G2 write it."""
    if not value:
        return None
    value = value.strip()
    basic = re.fullmatch(r"(\d{4})(\d{2})(\d{2})(?:T(\d{2})(\d{2})(\d{2})?)?(Z|[+-]\d{2}:?\d{2})?", value)
    if basic:
        year, month, day, hour, minute, second, zone = basic.groups()
        value = f"{year}-{month}-{day}T{hour or '00'}:{minute or '00'}:{second or '00'}{zone or ''}"
    return parse_datetime(value)


def _plain_tags(element):
    """A copy of an XHTML or NITF subtree with namespaces dropped, so it serialises as plain HTML."""
    element = copy.deepcopy(element)
    for node in list(element.iter()):
        if isinstance(node.tag, str):
            node.tag = xmlsafe.local_name(node)
            for key in list(node.attrib):
                del node.attrib[key]
    etree.cleanup_namespaces(element)
    return element


_NITF_BLOCK_MAP = {"p": "p", "hl2": "h3", "ul": "ul", "ol": "ol", "bq": "blockquote", "block": None}
_NITF_SKIP = {"media", "table", "nitf-table", "note", "fn", "pre"}


def nitf_body_blocks(content) -> list[str]:
    """Paragraphs of an NITF ``body.content``: p, hl2 (as a sub-heading), lists; blocks are flattened."""
    out: list[str] = []
    for child in content:
        name = xmlsafe.local_name(child)
        if name in _NITF_SKIP or not name:
            continue
        if name == "block":
            out.extend(nitf_body_blocks(child))
            continue
        tag = _NITF_BLOCK_MAP.get(name, "p")
        plain = _plain_tags(child)
        plain.tag = tag
        markup = etree.tostring(plain, encoding="unicode", method="html", with_tail=False)
        out.extend(blocks(markup))
    return out


def _body_from_content_set(item) -> tuple[list[str], dict]:
    """(paragraphs, NITF head facts) from a newsItem's contentSet."""
    content_set = _first(item, "contentSet")
    if content_set is None:
        return [], {}
    for inline in _children(content_set, "inlineXML"):
        kind = (inline.get("contenttype") or "").lower()
        for child in inline:
            name = xmlsafe.local_name(child)
            if not name:
                continue
            if name == "nitf" or "nitf" in kind:
                nitf = child if name == "nitf" else None
                if nitf is not None:
                    return _nitf_parts(nitf)
            if name == "html" or "xhtml" in kind or "html" in kind:
                body = _first(child, "body") if name == "html" else child
                if body is None:
                    continue
                plain = _plain_tags(body)
                inner = (html_lib.escape(plain.text) if plain.text else "") + "".join(
                    etree.tostring(node, encoding="unicode", method="html") for node in plain
                )
                return blocks(inner), {}
    for inline in _children(content_set, "inlineData"):
        kind = (inline.get("contenttype") or "text/plain").lower()
        value = inline.text or ""
        if "html" in kind:
            return blocks(value), {}
        parts = re.split(r"\n\s*\n", value) if "\n\n" in value else value.split("\n")
        return [paragraph(part) for part in parts if part.strip()], {}
    return [], {}


def _nitf_parts(nitf) -> tuple[list[str], dict]:
    body = _first(nitf, "body")
    facts: dict = {}
    if body is None:
        return [], facts
    head = _first(body, "body.head")
    if head is not None:
        facts["headline"] = _text(_first(head, "hedline", "hl1"))
        byline = _first(head, "byline")
        facts["byline"] = _text(byline)
        dateline = _first(head, "dateline")
        if dateline is not None:
            place = _first(dateline, "location")
            if place is None:
                place = copy.deepcopy(dateline)
                for date in [node for node in place if xmlsafe.local_name(node) == "story.date"]:
                    if date.tail:
                        previous = date.getprevious()
                        if previous is not None:
                            previous.tail = (previous.tail or "") + date.tail
                        else:
                            place.text = (place.text or "") + date.tail
                    place.remove(date)
            facts["dateline"] = _text(place)
        abstract = _first(head, "abstract")
        facts["summary"] = _text(abstract)
        distributor = _first(head, "distributor")
        if distributor is not None:
            facts["distributor"] = _text(distributor)
    content = _first(body, "body.content")
    return (nitf_body_blocks(content) if content is not None else []), facts


def _as_picture(parsed: ParsedItem, item, content_meta) -> None:
    """An ``ninat:picture`` newsItem: its best remoteContent, caption and credit; the caption is its text on the desk."""
    content_set = _first(item, "contentSet")
    renditions = [
        {
            "name": node.get("rendition") or "",
            "href": node.get("href") or node.get("residref") or "",
            "mime": node.get("contenttype") or "",
            "width": node.get("width"),
            "height": node.get("height"),
        }
        for node in (_children(content_set, "remoteContent") if content_set is not None else [])
    ]
    caption, agency, photographer = parsed.summary, "", ""
    if content_meta is not None:
        captions = [d for d in _children(content_meta, "description") if (d.get("role") or "").endswith("caption")]
        caption = _text(captions[0]) if captions else caption
        agency = _text(_first(content_meta, "creditline"))
        photographers = [c for c in _children(content_meta, "creator") if (c.get("role") or "").endswith("photographer")]
        photographer = _text(_first(photographers[0], "name")) if photographers else ""
    agency = agency or (parsed.agency_credits[0] if parsed.agency_credits else "")
    parsed.kind = "picture"
    parsed.picture = picture(
        best_rendition(renditions), caption=caption, credit=credit_line(photographer=photographer, agency=agency)
    )
    if not parsed.paragraphs and parsed.picture["caption"]:
        parsed.paragraphs = [paragraph(parsed.picture["caption"])]
    if not parsed.headline and parsed.picture["caption"]:
        # Agencies send pictures with a caption and no headline (TT): the desk lists it by its caption's first sentence.
        parsed.headline = first_sentence(parsed.picture["caption"], limit=120)
    if not parsed.picture["href"]:
        parsed.warnings.append("a picture item with no remoteContent to take: it cannot be added to the picture library")


def _finish(item: ParsedItem) -> ParsedItem:
    if item.dateline:
        item.dateline, credited = clean_dateline(item.dateline)
        if credited:
            item.agency_credits.insert(0, credited)
    found, item.paragraphs = take_dateline(item.paragraphs)
    if found is not None:
        item.dateline = item.dateline or found.place
        if found.agency:
            item.agency_credits.insert(0, found.agency)
    text = "\n".join(item.paragraphs)
    item.agency_credits += [name for name in agency_credits(text) if name not in item.agency_credits]
    if item.pub_status != CANCELED:
        if not item.headline and not item.paragraphs:
            item.error = "empty item: no headline and no body"
        elif not item.paragraphs:
            item.error = "no body: the item carries no text (a picture, video or graphic item, or an empty contentSet)"
        elif not item.headline:
            item.error = "no headline"
    return item


class NewsMLParser(Parser):
    name = "newsml"
    label = "IPTC NewsML-G2 / NITF"

    def sniff(self, payload: bytes, hint: str | None) -> int:
        base = (hint or "").split(":")[0].split(";")[0].strip().lower()
        if base in ("newsml", "newsml-g2", "nitf", "application/vnd.iptc.g2.newsitem+xml"):
            return 100
        root = xmlsafe.root_name(payload)
        if root in ("newsItem", "newsMessage", "nitf") or root in NOT_STORIES:
            return 95
        return 0

    def parse(self, payload: bytes, hint: str | None = None, *, limits: ItemLimits | None = None) -> ParseResult:
        # ``limits``: this format's bodies come out of a parsed tree; the registry checks each item after parsing.
        root = xmlsafe.parse(payload)
        name = xmlsafe.local_name(root)
        result = ParseResult(format=self.name)
        if name == "nitf":
            result.items.append(self.nitf_item(root))
            return result
        if name == "NewsML":
            from masthead.ingest.formats.newsml12 import NewsML12Parser

            return NewsML12Parser().parse(payload, hint, limits=limits)
        if name in NOT_STORIES:
            result.skipped = f"a NewsML-G2 {name} is {NOT_STORIES[name]}, not a story; Masthead takes newsItem"
            return result
        if name == "newsItem":
            result.items.append(self.news_item(root))
            return result
        if name == "newsMessage":
            # Some agencies send the message without the G2 namespace: match on local names.
            items = [node for node in root.iter() if xmlsafe.local_name(node) == "newsItem"]
            others = sorted(
                {
                    xmlsafe.local_name(node)
                    for node in root.iter()
                    if xmlsafe.local_name(node) in NOT_STORIES
                    and node.getparent() is not None
                    and xmlsafe.local_name(node.getparent()) == "itemSet"
                }
            )
            for position, node in enumerate(items, start=1):
                try:
                    result.items.append(self.news_item(node))
                except ParseError as error:
                    result.errors.append(f"newsItem {position}: {error}")
            if not items:
                result.skipped = "the newsMessage holds no newsItem" + (f" (only {', '.join(others)})" if others else "")
            return result
        raise ParseError(f"<{name}> is not a NewsML-G2 newsItem, newsMessage or NITF document")

    def news_item(self, item) -> ParsedItem:
        guid = (item.get("guid") or "").strip()
        if not guid:
            raise ParseError("the newsItem has no guid")
        version_raw = item.get("version") or ""
        version = int(version_raw) if version_raw.isdigit() else None
        meta = _first(item, "itemMeta")
        content_meta = _first(item, "contentMeta")
        status_node = _first(meta, "pubStatus") if meta is not None else None
        status_code = _qcode_value(status_node.get("qcode", "")) if status_node is not None else "usable"
        status = _STATUS.get(status_code.lower())
        if status is None:
            raise ParseError(f"unknown pubStatus {status_code!r}; IPTC uses stat:usable, stat:withheld, stat:canceled")
        credits: list[str] = []
        if meta is not None:
            provider = _first(meta, "provider")
            if provider is not None:
                credits.append(
                    _text(_first(provider, "name")) or provider.get("literal") or _qcode_value(provider.get("qcode", ""))
                )
        headline = ""
        dateline = ""
        byline = ""
        summary = ""
        subjects: list[str] = []
        language = item.get(XML_LANG) or ""
        if content_meta is not None:
            headlines = _children(content_meta, "headline")
            main = next((h for h in headlines if (h.get("role") or "").endswith("main")), headlines[0] if headlines else None)
            headline = _text(main)
            dateline = _text(_first(content_meta, "dateline"))
            byline = _text(_first(content_meta, "by"))
            description = next(iter(_children(content_meta, "description")), None)
            summary = _text(description)
            for subject in _children(content_meta, "subject"):
                label = _text(_first(subject, "name")) or subject.get("literal") or _qcode_value(subject.get("qcode", ""))
                if label:
                    subjects.append(label)
            language_node = _first(content_meta, "language")
            if language_node is not None:
                language = language_node.get("tag") or language
            for creator in _children(content_meta, "creator"):
                name = _text(_first(creator, "name")) or creator.get("literal") or ""
                if name and (creator.get("type") or "").endswith("organisation"):
                    credits.append(name)
            if not dateline:
                located = _first(content_meta, "located")
                dateline = _text(_first(located, "name")) if located is not None else ""
        paragraphs, nitf = _body_from_content_set(item)
        headline = headline or nitf.get("headline", "")
        byline = byline or nitf.get("byline", "")
        dateline = dateline or nitf.get("dateline", "")
        summary = summary or nitf.get("summary", "")
        version_created = parse_norm_datetime(_text(_first(meta, "versionCreated")) if meta is not None else "")
        first_created = parse_norm_datetime(_text(_first(meta, "firstCreated")) if meta is not None else "")
        embargo_raw = _text(_first(meta, "embargoed")) if meta is not None else ""
        parsed = ParsedItem(
            external_id=guid[:500],
            headline=headline,
            paragraphs=paragraphs,
            dateline=dateline[:80],
            byline=byline,
            summary=summary,
            language=language[:20],
            subjects=subjects,
            version=version,
            version_created=version_created,
            first_created=first_created,
            item_date=version_created or first_created,
            pub_status=status,
            embargo_until=parse_norm_datetime(embargo_raw),
            agency_credits=[c for c in credits if c],
            extra={
                "item_class": _qcode_value(
                    _first(meta, "itemClass").get("qcode", "")
                    if meta is not None and _first(meta, "itemClass") is not None
                    else ""
                )
            },
        )
        parsed.keyword = _text(_first(content_meta, "slugline")) if content_meta is not None else ""
        urgency_text = _text(_first(content_meta, "urgency")) if content_meta is not None else ""
        if urgency_text.isdigit():
            parsed.urgency = int(urgency_text) or None
        if embargo_raw and parsed.embargo_until is None:
            parsed.warnings.append(f"unreadable embargo time {embargo_raw!r}; the item is not held")
        if parsed.extra["item_class"] == "picture":
            _as_picture(parsed, item, content_meta)
        return _finish(parsed)

    def nitf_item(self, nitf) -> ParsedItem:
        head = _first(nitf, "head")
        docdata = _first(head, "docdata") if head is not None else None
        doc_id = _first(docdata, "doc-id") if docdata is not None else None
        paragraphs, facts = _nitf_parts(nitf)
        headline = facts.get("headline") or _text(_first(head, "title") if head is not None else None)
        identity = (doc_id.get("id-string") if doc_id is not None else "") or ""
        if not identity:
            import hashlib

            identity = "nitf:" + hashlib.sha256(f"{headline}\n{' '.join(paragraphs)[:2000]}".encode()).hexdigest()[:32]
        issued = parse_norm_datetime(
            _first(docdata, "date.issue").get("norm")
            if docdata is not None and _first(docdata, "date.issue") is not None
            else None
        )
        release = parse_norm_datetime(
            _first(docdata, "date.release").get("norm")
            if docdata is not None and _first(docdata, "date.release") is not None
            else None
        )
        status_raw = (docdata.get("management-status") if docdata is not None else "") or "usable"
        status = _STATUS.get(status_raw.lower(), USABLE)
        du_key = _first(docdata, "du-key") if docdata is not None else None
        version_raw = (du_key.get("version") if du_key is not None else "") or ""
        credits = []
        if doc_id is not None and doc_id.get("regsrc"):
            credits.append(doc_id.get("regsrc"))
        copyright_node = _first(docdata, "doc.copyright") if docdata is not None else None
        if copyright_node is not None and copyright_node.get("holder"):
            credits.append(copyright_node.get("holder"))
        subjects = []
        if head is not None:
            for subject in head.iter("tobject.subject"):
                label = subject.get("tobject.subject.matter") or subject.get("tobject.subject.type") or ""
                if label:
                    subjects.append(label)
        item = ParsedItem(
            external_id=identity[:500],
            headline=headline,
            paragraphs=paragraphs,
            dateline=facts.get("dateline", "")[:80],
            byline=facts.get("byline", ""),
            summary=facts.get("summary", ""),
            language=(nitf.get("baselang") or "")[:20],
            subjects=subjects,
            version=int(version_raw) if version_raw.isdigit() else None,
            version_created=issued,
            item_date=issued,
            pub_status=status,
            embargo_until=release if release and issued and release > issued else None,
            agency_credits=credits,
        )
        item.keyword = (du_key.get("key") if du_key is not None else "") or ""
        urgency = _first(docdata, "urgency") if docdata is not None else None
        if urgency is not None and (urgency.get("ed-urg") or "").strip().isdigit():
            item.urgency = int(urgency.get("ed-urg").strip()) or None
        return _finish(item)

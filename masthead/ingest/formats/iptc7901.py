"""IPTC 7901, the text wire format dpa (and many European agencies) send. Pure.

One message, as dpa transmits it::

    SOH eca062 4 i 211 ccccb   dpa 061        source + number, priority (4), category (i), words, selectors, sender
    Germany-politics/                         keyword line (the slug)
    STX 1ST LEAD                              optional flag lines: REFILE, EXTRA, CORRECTION, <n>TH LEAD …
    Germany Social Democrats: Coalition … =   the headline, closed by " ="
    By Manuel Schwarz, dpa =                  the byline, closed by " ="
                                              a blank line, then the body, hard-wrapped
       Berlin (dpa) - Negotiations …
    # dpa NOTEBOOK                            notes for editors (not for publication): kept aside
    dpa wsz jln npr                           the desk's initials
    ETX 131137 GMT Nov 13                     end of text, transmission time
    EOT

Priority is IPTC urgency (1 flash … 8). The text is often not UTF-8
(dpa's odd-charset sample is Latin-1): see :mod:`charsets`.
"""

from __future__ import annotations

import hashlib
import re

from masthead.ingest.formats import charsets
from masthead.ingest.formats.base import ItemLimits, ParsedItem, ParseError, Parser, ParseResult, refuse_oversize
from masthead.ingest.formats.conventions import agency_credits, split_dateline
from masthead.ingest.sanitize import paragraph

SOH, STX, ETX = "\x01", "\x02", "\x03"
_HEADER = re.compile(
    r"^\x01(?P<source>[A-Za-z]{2,4})(?P<number>\d{1,5})\s+(?P<priority>\d)\s+(?P<category>[A-Za-z]{1,3})\s+(?P<words>\d+)"
    r"(?P<selectors>(?:\s+[a-z]{1,8})*?)\s+(?P<sender>[A-Za-z]{2,12})\s+(?P<sequence>\d+)\s*$"
)
_FLAG = re.compile(
    r"^(?:REFILE|EXTRA|CORRECTION|CORRECTED|CORRECTS|URGENT|FLASH|BULLETIN|ADVISORY|EMBARGOED|KILL|WITHDRAWAL|"
    r"(?P<ordinal>\d+)\s*(?:ST|ND|RD|TH)\s+LEAD|LEAD|(?:\d+(?:ST|ND|RD|TH)\s+)?ADD|SUMMARY|UPDATE)$",
    re.IGNORECASE,
)
_INITIALS = re.compile(r"^[a-z]{2,6}(?:\s+[a-z]{2,4}){1,8}$")


def _block_text(lines: list[str]) -> str:
    return re.sub(r"\s+", " ", " ".join(line.strip() for line in lines)).strip()


class IPTC7901Parser(Parser):
    name = "iptc7901"
    label = "IPTC 7901"

    def sniff(self, payload: bytes, hint: str | None) -> int:
        if (hint or "").split(":")[0].lower() in ("iptc7901", "iptc-7901", "7901"):
            return 100
        head = payload[:512].lstrip(b"\r\n ")
        if head[:1] == b"\x01" and b"\x02" in payload[:4096]:
            first_line = head.split(b"\n", 1)[0].decode("latin-1").rstrip("\r")
            if _HEADER.match(first_line):
                return 96
        return 0

    def parse(self, payload: bytes, hint: str | None = None, *, limits: ItemLimits | None = None) -> ParseResult:
        text, encoding, warnings = charsets.decode(payload, charsets.charset_from_hint(hint))
        text = text.replace("\r\n", "\n").replace("\r", "\n")
        if STX not in text:
            raise ParseError("IPTC 7901: no start of text (STX) in the message")
        header_part, _, rest = text.partition(STX)
        body_part, _, trailer = rest.partition(ETX)
        header_lines = [line for line in header_part.split("\n") if line.strip()]
        header = _HEADER.match(header_lines[0].lstrip("\r\n ").rstrip()) if header_lines else None
        keyword = header_lines[1].strip().rstrip("/") if len(header_lines) > 1 else ""

        lines = body_part.split("\n")
        # The heading: flag lines, the headline and the byline, up to the first blank line.
        heading: list[str] = []
        while lines and lines[0].strip():
            heading.append(lines.pop(0).strip())
        flags = []
        headline_lines: list[str] = []
        byline = ""
        for line in heading:
            if _FLAG.match(line.rstrip(" =")):
                flags.append(line.rstrip(" ="))
            elif re.match(r"^By\s+", line, re.IGNORECASE) and line.endswith("="):
                byline = line.rstrip(" =")[3:].strip()
            else:
                headline_lines.append(line.rstrip(" ="))
        headline = _block_text(headline_lines)

        notes: list[str] = []
        body: list[str] = []
        in_notes = False
        for line in lines:
            if line.startswith("#") or line.strip() == "* * * *":
                in_notes = True
            if in_notes:
                notes.append(line.rstrip())
            else:
                body.append(line)
        while body and not body[-1].strip():
            body.pop()
        if body and _INITIALS.match(body[-1].strip()):
            notes.append(body.pop().strip())
        # The initials line can also close the notebook.
        blocks: list[list[str]] = [[]]
        for line in body:
            if line.strip():
                blocks[-1].append(line)
            elif blocks[-1]:
                blocks.append([])
        paragraphs_text = [_block_text(block) for block in blocks if block]
        body_chars = sum(len(p) for p in paragraphs_text)

        if header and byline.lower().endswith(", " + header.group("sender").lower()):
            byline = byline[: -len(header.group("sender")) - 2].strip()
        dateline = ""
        credits: list[str] = []
        if header:
            credits.append(header.group("sender"))
        if paragraphs_text:
            found = split_dateline(paragraphs_text[0])
            if found is None:
                found = _mixed_case_dateline(paragraphs_text[0])
            if found is not None:
                dateline, paragraphs_text[0] = found.place, found.rest
                if found.agency and found.agency.lower() not in (credit.lower() for credit in credits):
                    credits.append(found.agency)
        credits += [name for name in agency_credits("\n".join(paragraphs_text)) if name not in credits]

        ordinal = next((int(m.group("ordinal")) for m in (_FLAG.match(f) for f in flags) if m and m.group("ordinal")), None)
        version = ordinal + 1 if ordinal else (2 if any(f.upper() == "LEAD" for f in flags) else 1)
        # Leads and refiles of one story share the sender and keyword: they update one item.
        sender = header.group("sender") if header else ""
        identity = "iptc7901:" + hashlib.sha256(f"{sender}\n{keyword or headline}".encode()).hexdigest()[:24]
        item = ParsedItem(
            external_id=identity,
            headline=headline,
            paragraphs=[] if limits and limits.body_complaint(body_chars) else [paragraph(p) for p in paragraphs_text],
            dateline=dateline,
            byline=byline,
            version=version,
            agency_credits=credits,
            urgency=int(header.group("priority")) if header and header.group("priority") != "0" else None,
            category=header.group("category") if header else "",
            keyword=keyword,
            warnings=warnings,
            extra={
                "flags": flags,
                "word_count": int(header.group("words")) if header else None,
                "selectors": header.group("selectors").split() if header else [],
                "notes": "\n".join(notes).strip(),
                "transmitted": trailer.strip(" \n\x7f\x04"),
                "encoding": encoding,
            },
        )
        if not header:
            item.warnings.append("the IPTC 7901 header line is not in the standard layout; priority and category unknown")
        if not item.headline:
            item.error = "no headline: the IPTC 7901 message has no headline line"
        elif not paragraphs_text:
            item.error = "no body: the IPTC 7901 message has no text"
        return ParseResult(
            format=self.name,
            items=[refuse_oversize(item, limits, body_chars=body_chars)],
            warnings=warnings,
            encoding=encoding,
        )


def _mixed_case_dateline(text: str):
    """``Berlin (dpa) - …``: dpa writes the place in mixed case, with the agency in brackets (required here)."""
    from masthead.ingest.formats.conventions import Dateline

    match = re.match(
        r"^(?P<place>[A-ZÀ-Þ][\w.'’\- ]{1,40}?)\s*\((?P<agency>[A-Za-z][A-Za-z .&/-]{0,24})\)\s*(?:-|–|—)\s+(?P<rest>\S.*)$", text
    )
    if not match:
        return None
    return Dateline(place=match.group("place").strip(), agency=match.group("agency").strip(), rest=match.group("rest"))

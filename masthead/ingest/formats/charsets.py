"""Character sets: bytes to text the way the sender meant them, and mojibake put right. Pure.

Order of trust: a byte-order mark, then what the sender declared (the XML
declaration, a Content-Type ``charset=``), then UTF-8, then Windows-1252
(a superset of Latin-1 in the printable range) as a last guess, with a
warning. One exception to "the declaration wins": agency systems often
keep an ``iso-8859-1`` declaration on copy that is really UTF-8 (Ritzau's
NITF). Bytes that decode as UTF-8 and contain multi-byte sequences are
almost never Latin-1 text, so UTF-8 is believed over a Latin-1 declaration.

Text that is already mojibake (``KÃ¸benhavn``: UTF-8 read as Latin-1
upstream, before it reached us) is repaired with ``ftfy``, and only text
holding a sequence that UTF-8 read as Latin-1 leaves behind (``Ã¸``,
``â€™``), so correct text (``São Paulo``, ``Ã`` on its own) is never touched.
"""

from __future__ import annotations

import codecs
import re

# Declarations that say "Latin-1" but that agencies' systems attach to UTF-8 bytes.
LATIN_DECLARATIONS = frozenset({"iso-8859-1", "iso8859-1", "latin-1", "latin1", "l1", "iso-8859-15", "windows-1252", "cp1252"})
_LATIN_CODECS = frozenset({"iso8859-1", "latin-1", "iso8859-15", "cp1252"})
_XML_DECLARATION = re.compile(rb"^(\xef\xbb\xbf)?\s*<\?xml[^>]*?encoding\s*=\s*[\"']([A-Za-z0-9._\-]+)[\"']", re.IGNORECASE)
_CHARSET_PARAM = re.compile(r"charset\s*=\s*[\"']?([A-Za-z0-9._\-]+)", re.IGNORECASE)
_HIGH_BYTES = re.compile(rb"[\x80-\xff]")


def canonical(name: str | None) -> str:
    """Python's name for an encoding label ('' for an unknown or missing one)."""
    if not name:
        return ""
    try:
        return codecs.lookup(name.strip()).name
    except LookupError:
        return ""


def declared_xml_encoding(payload: bytes) -> str:
    """The encoding an XML declaration names, as written ('' when there is none)."""
    match = _XML_DECLARATION.match(payload[:512])
    return match.group(2).decode("ascii").lower() if match else ""


def charset_from_hint(hint: str | None) -> str:
    """The ``charset=`` of a Content-Type hint ('' when there is none)."""
    match = _CHARSET_PARAM.search(hint or "")
    return match.group(1).lower() if match else ""


def is_utf8_with_multibyte(payload: bytes) -> bool:
    """True when the bytes are valid UTF-8 and hold at least one non-ASCII character."""
    if not _HIGH_BYTES.search(payload):
        return False
    try:
        payload.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True


def xml_payload(payload: bytes) -> tuple[bytes, str]:
    """An XML payload ready for the parser, and a warning when its declaration was overruled.

    A Latin-1 declaration on bytes that are valid UTF-8 with multi-byte
    characters is rewritten to say UTF-8 (see the module docstring). All
    other declarations are left to the XML parser, which honours them.
    """
    declared = declared_xml_encoding(payload)
    if declared in LATIN_DECLARATIONS and is_utf8_with_multibyte(payload):
        match = _XML_DECLARATION.match(payload[:512])
        start, end = match.span(2)
        fixed = payload[:start] + b"utf-8" + payload[end:]
        return fixed, f"the XML declares {declared} but the bytes are UTF-8; read as UTF-8"
    return payload, ""


def decode(payload: bytes, declared: str | None = None) -> tuple[str, str, list[str]]:
    """(text, encoding used, warnings): BOM, then the declared charset, then UTF-8, then Windows-1252."""
    warnings: list[str] = []
    for bom, encoding in (
        (codecs.BOM_UTF8, "utf-8-sig"),
        (codecs.BOM_UTF32_LE, "utf-32"),
        (codecs.BOM_UTF32_BE, "utf-32"),
        (codecs.BOM_UTF16_LE, "utf-16"),
        (codecs.BOM_UTF16_BE, "utf-16"),
    ):
        if payload.startswith(bom):
            try:
                return payload.decode(encoding), encoding, warnings
            except UnicodeDecodeError:
                break
    name = canonical(declared)
    if name and not (name in _LATIN_CODECS and is_utf8_with_multibyte(payload)):
        try:
            return payload.decode(name), name, warnings
        except UnicodeDecodeError as error:
            warnings.append(f"the text is not {declared} as declared ({error.reason} at byte {error.start})")
    elif name:
        warnings.append(f"declared {declared} but the bytes are UTF-8; read as UTF-8")
    try:
        return payload.decode("utf-8"), "utf-8", warnings
    except UnicodeDecodeError as error:
        warnings.append(f"the text is not UTF-8 ({error.reason} at byte {error.start}); read as Windows-1252")
        return payload.decode("cp1252", errors="replace"), "cp1252", warnings


# Two-character sequences UTF-8 leaves behind when read as Latin-1/Windows-1252: Ã¸ Ã© Ã¥ â€™ Â…
MOJIBAKE = re.compile(r"[ÃÂ][\u0080-\u00bf€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ]|â€[\u0080-\u00bf€™œ\u009d“”˜¦¢¡]")


def has_mojibake(text: str) -> bool:
    return bool(text) and MOJIBAKE.search(text) is not None


def repair(text: str) -> str:
    """``text`` with mojibake undone when ftfy judges it mojibake; anything else comes back unchanged."""
    if not text or not has_mojibake(text):
        return text
    import ftfy

    # The pattern is the evidence (Ã or Â or â€ followed by a character only UTF-8-read-as-Latin-1 produces);
    # ftfy then undoes only what decodes cleanly, and leaves the rest as it was.
    fixed = ftfy.fix_encoding(text)
    if has_mojibake(fixed):
        # ftfy leaves a lone short sequence (``41-Ã¥rig``) as ambiguous; a run that re-encodes to valid UTF-8 is not.
        fixed = _HIGH_RUN.sub(_redecode, fixed)
    return fixed


_HIGH_RUN = re.compile(r"[\u0080-\u00ff€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ]{2,}")


def _redecode(match: re.Match) -> str:
    run = match.group(0)
    if not MOJIBAKE.search(run):
        return run
    for encoding in ("cp1252", "latin-1"):
        try:
            return run.encode(encoding).decode("utf-8")
        except (UnicodeEncodeError, UnicodeDecodeError):
            continue
    return run


def repair_item(item) -> bool:
    """Repair a :class:`ParsedItem`'s text fields in place; True when anything changed."""
    changed = False
    for name in ("headline", "dateline", "byline", "summary", "keyword"):
        value = getattr(item, name)
        fixed = repair(value)
        if fixed != value:
            setattr(item, name, fixed)
            changed = True
    paragraphs = [repair(paragraph) for paragraph in item.paragraphs]
    if paragraphs != item.paragraphs:
        item.paragraphs = paragraphs
        changed = True
    credits = [repair(credit) for credit in item.agency_credits]
    if credits != item.agency_credits:
        item.agency_credits = credits
        changed = True
    if changed:
        item.warnings.append("mojibake (UTF-8 read as Latin-1 upstream) repaired")
    return changed

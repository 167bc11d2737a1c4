"""Character sets: declarations honoured, UTF-8 before Latin-1 guesses, mojibake repaired only where it is mojibake."""

from __future__ import annotations

from masthead.ingest.formats import charsets, registry
from tests.conftest import require
from tests.ingest.conftest import shared_root

RITZAU = shared_root() / "wire-samples/superdesk-fixtures-AGPL/nitf/mapping_test.xml"


def test_ritzau_nitf_declared_latin_1_but_utf_8_reads_right():
    require(RITZAU.is_file(), f"no Ritzau sample at {RITZAU}")
    _, result = registry.read(RITZAU.read_bytes(), "nitf")
    (item,) = result.items
    body = " ".join(item.paragraphs)
    assert "København /ritzau/" in body
    assert "41-årig" in item.headline
    assert "Ã" not in body + item.headline


def test_a_true_latin_1_declaration_is_honoured():
    payload = '<?xml version="1.0" encoding="iso-8859-1"?><nitf><body><body.head><hedline><hl1>Århus får ny borgmester</hl1>'
    payload += (
        "</hedline></body.head><body.content><p>Søndag blev der valgt en ny borgmester i Århus.</p></body.content></body></nitf>"
    )
    _, result = registry.read(payload.encode("latin-1"), "nitf")
    (item,) = result.items
    assert item.headline == "Århus får ny borgmester"
    assert "Søndag" in item.paragraphs[0]


def test_mojibake_arriving_in_utf_8_is_repaired():
    text = "Ritzau\n\nKÃ¸benhavn: En 41-Ã¥rig mand er lÃ¸sladt.\n"
    _, result = registry.read(text.encode("utf-8"), "text")
    (item,) = result.items
    assert "København" in item.paragraphs[0] and "41-årig" in item.paragraphs[0]
    assert any("mojibake" in warning for warning in item.warnings)


def test_a_lone_sequence_ftfy_calls_ambiguous_is_still_repaired():
    assert charsets.repair("*En 41-Ã¥rig mand") == "*En 41-årig mand"
    assert charsets.repair("itâ€™s") == "it’s"


def test_correct_text_is_never_touched():
    for text in ("São Paulo", "Ã is a letter in Portuguese", "Crème brûlée — “quoted”", "Øresund", "naïve café"):
        assert charsets.repair(text) == text


def test_decode_order():
    assert charsets.decode("Müller".encode())[:2] == ("Müller", "utf-8")
    assert charsets.decode("Müller".encode("latin-1"))[:2] == ("Müller", "cp1252")
    assert charsets.decode("Müller".encode("latin-1"), "iso-8859-1")[:2] == ("Müller", "iso8859-1")
    # A Latin-1 declaration on UTF-8 bytes: the bytes win.
    assert charsets.decode("Müller".encode(), "iso-8859-1")[0] == "Müller"
    assert charsets.decode("\ufeffMüller".encode("utf-8"))[0] == "Müller"


def test_a_content_type_charset_is_honoured_for_text():
    payload = "Καλημέρα\n\nΗ είδηση της ημέρας.\n".encode("iso-8859-7")
    _, result = registry.read(payload, "text/plain; charset=iso-8859-7")
    assert result.items[0].headline == "Καλημέρα"
    # Without the hint the bytes are not UTF-8: read as Windows-1252, with a warning, never dropped.
    _, guessed = registry.read(payload, "text")
    assert guessed.warnings and "Windows-1252" in guessed.warnings[0]

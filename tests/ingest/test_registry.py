import pytest

from masthead.ingest.formats import registry
from masthead.ingest.formats.base import ParseError
from masthead.ingest.xmlsafe import refuse_entity_declarations

BILLION_LAUGHS = b"""<?xml version="1.0"?>
<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
<!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">]>
<rss version="2.0"><channel><title>&lol3;</title><item><title>&lol3;</title><description>x</description></item></channel></rss>"""
XXE = b"""<?xml version="1.0"?>
<!DOCTYPE newsItem [<!ENTITY secret SYSTEM "file:///etc/passwd">]>
<newsItem xmlns="http://iptc.org/std/nar/2006-10-01/" guid="x" version="1"><contentMeta><headline>&secret;</headline></contentMeta></newsItem>"""


@pytest.mark.parametrize(
    ("payload", "hint", "name"),
    [
        (b'<?xml version="1.0"?><rss version="2.0"><channel></channel></rss>', None, "feed"),
        (b'<feed xmlns="http://www.w3.org/2005/Atom"></feed>', None, "feed"),
        (b'{"uri": "urn:x", "headline": "H"}', None, "ninjs"),
        (b'<newsItem xmlns="http://iptc.org/std/nar/2006-10-01/" guid="g"/>', None, "newsml"),
        (b"<nitf><body/></nitf>", None, "newsml"),
        (b"<!doctype html><html><body><p>x</p></body></html>", None, "html"),
        (b"MM News\nSunday 28th May 2023 / 8 Zulkaedah 1444\nHeadline\nBody", None, "text"),
        (b"anything", "text", "text"),
        (b"<html></html>", "ninjs", "ninjs"),
    ],
)
def test_detection(payload, hint, name):
    assert registry.detect(payload, hint).name == name


@pytest.mark.parametrize(
    ("payload", "message"),
    [
        (b"", "empty payload"),
        (b"\x00\x01\x02\x03binary", "unknown format"),
        (b"<?xml version='1.0'?><spreadsheet><row/></spreadsheet>", "unknown XML format"),
    ],
)
def test_unknown_formats_are_clear_errors(payload, message):
    with pytest.raises(ParseError, match=message):
        registry.read(payload)


@pytest.mark.parametrize("payload", [BILLION_LAUGHS, XXE, BILLION_LAUGHS.decode().encode("utf-16")])
def test_entity_declarations_are_refused_before_parsing(payload):
    with pytest.raises(ParseError, match="entity declarations are refused"):
        registry.read(payload)


def test_external_dtds_are_never_loaded():
    payload = b'<?xml version="1.0"?><!DOCTYPE nitf SYSTEM "http://169.254.169.254/nitf.dtd"><nitf><body><body.head><hedline><hl1>H</hl1></hedline></body.head><body.content><p>Text</p></body.content></body></nitf>'
    _, result = registry.read(payload)
    assert result.items[0].headline == "H"


def test_oversized_payloads_are_refused():
    with pytest.raises(ParseError, match="payload too large"):
        registry.read(b"x" * 1001, max_bytes=1000)


def test_the_entity_probe_reads_every_xml_encoding():
    for encoding in ("utf-8", "utf-16-le", "utf-16-be", "utf-32-le", "utf-32-be"):
        with pytest.raises(ParseError):
            refuse_entity_declarations('<!DOCTYPE x [<!ENTITY a "b">]><x/>'.encode(encoding))

"""Feeds: the real publishers' feeds, the malformed ones, and feedparser's own expectations for its test files."""

import json
import re

import pytest

from masthead.ingest.formats.base import ParseError
from masthead.ingest.formats.rss import FeedParser
from tests.conftest import require

from .conftest import samples, shared_root

parser = FeedParser()
FEEDS = shared_root() / "feeds"


def _files(folder: str) -> list[str]:
    root = FEEDS / folder
    return (
        sorted(str(p.relative_to(FEEDS)) for p in root.rglob("*") if p.is_file() and p.suffix in (".xml", ".rss", ".atom"))
        if root.is_dir()
        else []
    )


def test_real_feeds_give_their_items(shared_data):
    expected_dir = shared_data / "feeds/news-real/rss-parser-js/expected"
    expected_files = sorted(expected_dir.glob("*.json"))
    require(bool(expected_files), f"no expected feed readings at {expected_dir}")
    for expected_file in expected_files:
        name = expected_file.stem
        feed_file = next((shared_data / "feeds/news-real/rss-parser-js").glob(f"{name}.*"))
        expected = json.loads(expected_file.read_bytes().decode("utf-8", "replace"))["feed"]
        result = parser.parse(feed_file.read_bytes())
        assert len(result.items) == len(expected["items"]), name
        first = expected["items"][0]
        if first.get("title") and name not in ("uolNoticias", "encoding"):
            assert result.items[0].headline == re.sub(r"\s+", " ", first["title"]).strip(), name
        if first.get("link"):
            assert result.items[0].url == first["link"], name


@pytest.mark.parametrize("name", samples(_files("news-real") + _files("malformed/prof18-rssparser"), FEEDS))
def test_every_publisher_feed_gives_every_entry_as_an_item(shared_data, name):
    raw = (shared_data / "feeds" / name).read_bytes()
    result = parser.parse(raw)
    assert len(result.items) == len(re.findall(rb"<(?:item|entry)[\s>]", raw)), name  # none lost, none invented
    for item in result.items:
        assert item.external_id and item.headline and item.url, name
        assert bool(item.paragraphs) != bool(item.error), (name, item.headline, item.error)  # its text, or why it has none


def test_the_latin1_feed_is_decoded_correctly(shared_data):
    result = parser.parse((shared_data / "feeds/news-real/rss-parser-js/uolNoticias.rss").read_bytes())
    assert "Notícias" in result.title or any("í" in item.headline for item in result.items)


def test_the_guardian_item_is_complete(shared_data):
    item = parser.parse((shared_data / "feeds/news-real/rss-parser-js/guardian.rss").read_bytes()).items[0]
    assert item.headline and item.paragraphs and item.item_date is not None and item.byline


class _Entry(dict):
    __getattr__ = dict.get


def _namespace(result, error):
    """feedparser's expectation vocabulary, answered from Masthead's own result."""
    if error is not None:
        return {"bozo": True, "entries": [], "feed": {}, "encoding": "", "warnings": str(error)}
    entries = [
        _Entry(
            description=item.extra["feed_entry"]["summary"],
            summary=item.extra["feed_entry"]["summary"],
            title=item.extra["feed_entry"]["title"],
            link=item.extra["feed_entry"]["link"],
        )
        for item in result.items
    ]
    return {
        "bozo": bool(result.warnings),
        "entries": entries,
        "feed": {"title": result.title},
        "encoding": result.encoding,
        "warnings": " ".join(result.warnings),
    }


def _expectations():
    path = FEEDS / "feedparser-expectations.json"
    return sorted(json.loads(path.read_text()).items()) if path.is_file() else []


@pytest.mark.parametrize(("name", "case"), samples([pytest.param(*case, id=case[0]) for case in _expectations()], FEEDS, 2))
def test_feedparser_expectations(shared_data, name, case):
    """``bozo`` means Masthead must flag the feed (a warning, or a clear error when nothing could be read)."""
    expect = case["expect"]
    if case.get("skip_unless") and "chardet" in case["skip_unless"]:
        # Without chardet installed the encoding guess differs; the file must still be flagged.
        expect = "bozo"
    raw = (shared_data / "feeds" / name).read_bytes()
    raw = re.sub(rb"^\s*<!--.*?-->\s*", b"", raw, count=1, flags=re.DOTALL)  # the test header comment, not the defect
    content_type = case["http_headers"].get("Content-type")
    try:
        result, error = parser.parse(raw, content_type), None
    except ParseError as exc:
        result, error = None, exc
    if error is not None:
        assert str(error), name
        assert "bozo" in expect or expect == "1", f"{name}: {error}"
        return
    if "where" in expect:  # GeoRSS: Masthead does not use it; reading the entry is enough
        assert result.items
        return
    expression = expect.replace(
        "isinstance(bozo_exception, feedparser.CharacterEncodingOverride)", "'CharacterEncodingOverride' in warnings"
    )
    assert eval(expression, {}, _namespace(result, None)), f"{name}: {expect} (warnings: {result.warnings})"


def test_an_empty_document_is_a_clear_error():
    with pytest.raises(ParseError, match="not"):
        parser.parse(b"")


def test_entries_without_text_are_items_with_errors():
    feed = b'<rss version="2.0"><channel><title>T</title><item><title>Only a title</title><guid>1</guid></item><item><guid>2</guid></item></channel></rss>'
    items = parser.parse(feed).items
    assert items[0].error.startswith("no body") and items[1].error.startswith("entry 2 is empty")


def test_script_in_a_feed_never_reaches_the_item():
    feed = b"""<rss version="2.0"><channel><title>T</title><item><title>Hi</title><guid>1</guid>
    <description><![CDATA[<p onclick="x()">Text<script>alert(1)</script></p>]]></description></item></channel></rss>"""
    body = "".join(parser.parse(feed).items[0].paragraphs)
    assert "script" not in body and "onclick" not in body and "Text" in body

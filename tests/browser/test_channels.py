"""The demo's channels, fetched over HTTP from the real server and checked by outside clients and validators:
feeds by feedparser and atoma, sitemaps by the published XML Schemas, the API by schemathesis."""

from __future__ import annotations

import urllib.request

import atoma
import feedparser
import pytest
from lxml import etree

from masthead.feeds.validation import errors

pytestmark = pytest.mark.browser

NS = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9", "n": "http://www.google.com/schemas/sitemap-news/0.9"}


def fetch(url: str) -> tuple[bytes, str]:
    with urllib.request.urlopen(url, timeout=20) as response:
        assert response.status == 200, url
        return response.read(), response.headers["Content-Type"]


@pytest.mark.parametrize(
    "path", ["/feed/", "/feed/atom/", "/world/feed/", "/pakistan/feed/atom/", "/agencies/interfax/feed/", "/tags/demo/feed/atom/"]
)
def test_demo_feeds_pass_both_strict_parsers(demo_server, path):
    content, content_type = fetch(demo_server + path)
    atom = path.endswith("/atom/")
    assert content_type.startswith("application/atom+xml" if atom else "application/rss+xml")
    parsed = feedparser.parse(content)
    assert parsed.bozo == 0, parsed.get("bozo_exception")
    assert parsed.version == ("atom10" if atom else "rss20")
    assert parsed.entries and all(entry.link.startswith(demo_server + "/") for entry in parsed.entries)
    document = atoma.parse_atom_bytes(content) if atom else atoma.parse_rss_bytes(content)
    assert len(document.entries if atom else document.items) == len(parsed.entries)


def test_demo_sitemap_index_and_every_sitemap_validate(demo_server):
    content, _ = fetch(demo_server + "/sitemap.xml")
    assert not errors(content, "siteindex"), errors(content, "siteindex")
    sitemaps = etree.fromstring(content).xpath("//s:loc/text()", namespaces=NS)
    assert sitemaps[0] == demo_server + "/sitemaps/sections.xml" and len(sitemaps) > 3  # the demo spans years
    story_urls = set()
    for loc in sitemaps:
        sitemap, _ = fetch(loc)
        assert not errors(sitemap, "sitemap"), (loc, errors(sitemap, "sitemap"))
        story_urls |= set(etree.fromstring(sitemap).xpath("//s:loc/text()", namespaces=NS))
    assert len(story_urls) >= 51  # every demo story, plus the fronts


def test_demo_news_sitemap_validates_and_holds_the_last_two_days(demo_server):
    content, _ = fetch(demo_server + "/news-sitemap.xml")
    assert not errors(content, "news"), errors(content, "news")
    document = etree.fromstring(content)
    titles = document.xpath("//n:news/n:title/text()", namespaces=NS)
    assert titles and len(titles) <= 1000
    assert set(document.xpath("//n:publication/n:name/text()", namespaces=NS)) == {"Masthead Demo News"}


def test_demo_robots_txt_names_the_sitemaps(demo_server):
    content, _ = fetch(demo_server + "/robots.txt")
    text = content.decode()
    assert f"Sitemap: {demo_server}/sitemap.xml" in text and f"Sitemap: {demo_server}/news-sitemap.xml" in text


def test_demo_api_conforms_to_its_served_openapi_document(demo_server):
    """schemathesis against the real server (page cache and all), a few examples per operation."""
    import schemathesis
    from hypothesis import HealthCheck, given, settings
    from schemathesis.checks import not_a_server_error
    from schemathesis.specs.openapi.checks import content_type_conformance, response_schema_conformance, status_code_conformance

    schema = schemathesis.openapi.from_url(demo_server + "/api/v1/openapi.json")
    checks = [not_a_server_error, status_code_conformance, content_type_conformance, response_schema_conformance]
    operations = [result.ok() for result in schema.get_all_operations()]
    assert len(operations) == 8  # articles, lookup, detail, sections, search, top, breaking, corrections
    for operation in operations:

        @given(case=operation.as_strategy())
        @settings(max_examples=10, deadline=None, database=None, suppress_health_check=list(HealthCheck))
        def check(case):
            case.call_and_validate(base_url=demo_server, checks=checks)

        check()

"""A site's own front page is not an article: refused by name, while real article pages still pass."""

from __future__ import annotations

import gzip

import pytest

from masthead.ingest import pipeline
from masthead.ingest.formats.html import HTMLParser
from masthead.ingest.listing_pages import listing_reason
from masthead.ingest.models import WireItem

from .conftest import shared_root


def body_of(page: bytes) -> list[str]:
    return [p for item in HTMLParser().parse(page).items for p in item.paragraphs]


@pytest.mark.django_db
def test_the_demos_own_front_and_section_pages_are_refused_and_its_story_is_not(client):
    from masthead.demo.load import load_demo
    from masthead.news.models import ArticlePage, SectionPage

    load_demo()
    client.defaults["HTTP_HOST"] = "localhost"
    home = client.get("/").content
    section = client.get(SectionPage.objects.live().order_by("path").first().url).content
    story = ArticlePage.objects.live().order_by("-published_at").first()
    article = client.get(story.url).content

    report = pipeline.ingest_payload(home, origin="http://localhost/")
    assert report.error.startswith("a listing page, not an article (schema.org collectionpage, itemlist, ")
    assert "latest news" not in report.error and report.outcomes == []
    assert pipeline.ingest_payload(section, origin="http://localhost/pakistan/").error.startswith("a listing page")
    assert not WireItem.objects.exists()

    outcome = pipeline.ingest_payload(article, origin=f"http://localhost{story.url}").outcomes[0]
    assert outcome.kind == "new" and outcome.item.headline == story.title


def benchmark_pages() -> list:
    return sorted((shared_root() / "extraction-benchmark").glob("*/html/*.html.gz"))


def test_no_article_page_of_the_extraction_benchmark_reads_as_a_listing(shared_data):
    pages = benchmark_pages()
    assert len(pages) > 400
    refused = {}
    for path in pages:
        page = gzip.decompress(path.read_bytes())
        # With no body at all a page is judged most severely; only a page refused then needs its body extracted.
        reason = listing_reason(page, []) and listing_reason(page, body_of(page))
        if reason:
            refused[path.name] = reason
    assert refused == {}


def test_a_real_article_page_still_files_a_story(edition, shared_data):
    page = gzip.decompress(next(p for p in benchmark_pages() if "francais.radio.cz" in p.name).read_bytes())
    report = pipeline.ingest_payload(page, origin="https://francais.radio.cz/ministre", publish=True)
    assert report.error == "" and report.outcomes[0].kind == "new" and report.outcomes[0].story_published


ARTICLE_LINKS = "".join(
    f'<article><h3><a href="/2026/story-{n}/">Story {n}</a></h3><p>Teaser {n}.</p></article>' for n in range(20)
)


@pytest.mark.parametrize(
    ("head", "refused"),
    [
        ('<meta property="og:type" content="website">', "og:type website, 20 story links, no paragraph of prose"),
        ('<script type="application/ld+json">{"@type": "WebSite"}</script>', "og:type website"),
        ("", "20 story links in 20 teasers, no paragraph of prose"),
        ('<meta property="og:type" content="article">', ""),
        ('<script type="application/ld+json">{"@graph": [{"@type": "NewsArticle"}]}</script>', ""),
    ],
)
def test_a_page_of_teasers_is_a_listing_unless_it_says_it_is_an_article(head, refused):
    page = f"<html><head><title>Home</title>{head}</head><body>{ARTICLE_LINKS}</body></html>".encode()
    reason = listing_reason(page, ["<p>Teaser 1.</p>"])
    assert (refused in reason) if refused else reason == ""


def test_prose_makes_a_website_typed_page_an_article():
    page = f'<html><head><meta property="og:type" content="website"></head><body>{ARTICLE_LINKS}</body></html>'.encode()
    assert listing_reason(page, ["<p>" + "The council met on Tuesday and agreed the budget. " * 4 + "</p>"]) == ""


def test_a_deep_or_broken_json_ld_block_is_ignored_not_an_error():
    deep = '{"@graph": ' * 5000 + "{}" + "}" * 5000
    page = f'<html><head><script type="application/ld+json">{deep}</script><script type="application/ld+json">{{</script></head><body>{ARTICLE_LINKS}</body></html>'
    assert "20 story links" in listing_reason(page.encode(), [])

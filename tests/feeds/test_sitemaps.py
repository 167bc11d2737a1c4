"""Sitemaps, the news sitemap and robots.txt, validated against the published XML Schemas."""

from __future__ import annotations

import re
from datetime import UTC, datetime, timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from lxml import etree

from masthead.feeds import sitemaps
from masthead.feeds.validation import errors
from tests.feeds.conftest import count_queries

NS = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9", "n": "http://www.google.com/schemas/sitemap-news/0.9"}


def fetch(client, url: str, kind: str, **headers):
    response = client.get(url, **headers)
    assert response.status_code == 200, (url, response.status_code)
    assert response["Content-Type"].startswith("application/xml")
    problems = errors(response.content, kind)
    assert not problems, (url, problems, response.content.decode()[:2000])
    return etree.fromstring(response.content)


def locs(document) -> list[str]:
    return document.xpath("//s:loc/text()", namespaces=NS)


def month_of(story) -> str:
    return f"{story.published_at.astimezone(UTC):%Y-%m}"


def test_the_bundled_schemas_reject_what_the_protocol_forbids():
    empty_urlset = b'<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"/>'
    assert errors(empty_urlset, "sitemap")
    bad_news = (
        b'<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">'
        b"<url><loc>http://testserver/a/</loc><news:news><news:title>No publication</news:title></news:news></url></urlset>"
    )
    assert errors(bad_news, "news")
    assert errors(b"<not-xml", "siteindex")


def test_sitemap_index_lists_the_sections_sitemap_and_each_month_with_stories(client, newsroom):
    index = fetch(client, "/sitemap.xml", "siteindex")
    listed = locs(index)
    assert listed[0] == "http://testserver/sitemaps/sections.xml"
    months = sorted({month_of(story) for story in newsroom}, reverse=True)
    assert listed[1:] == [f"http://testserver/sitemaps/{month}.xml" for month in months]
    # Each month's lastmod is its newest story's first publication.
    lastmods = index.xpath("//s:sitemap/s:lastmod/text()", namespaces=NS)
    newest = max(newsroom, key=lambda s: s.published_at)
    assert lastmods[0] == newest.published_at.astimezone(UTC).isoformat(timespec="seconds")


def test_every_sitemap_in_the_index_is_valid_and_lists_every_live_story_once(client, newsroom):
    index = fetch(client, "/sitemap.xml", "siteindex")
    urls = []
    for loc in locs(index):
        urls += locs(fetch(client, loc.replace("http://testserver", ""), "sitemap"))
    stories = ["http://testserver" + story.url for story in newsroom]
    assert sorted(u for u in urls if u in stories) == sorted(stories)
    assert len(urls) == len(set(urls))
    assert {"http://testserver/", "http://testserver/world/", "http://testserver/pakistan/"} <= set(urls)


def test_month_sitemap_holds_that_month_only_with_lastmod_of_the_update(client, make_story):
    from masthead.news.models import ArticlePage

    inside = make_story(title="In the month", days_ago=100)
    make_story(title="Another month", days_ago=160)
    ArticlePage.objects.filter(pk=inside.pk).update(last_published_at=inside.published_at + timedelta(hours=3))
    document = fetch(client, f"/sitemaps/{month_of(inside)}.xml", "sitemap")
    assert locs(document) == ["http://testserver" + inside.url]
    lastmod = document.xpath("//s:lastmod/text()", namespaces=NS)[0]
    assert datetime.fromisoformat(lastmod) == (inside.published_at + timedelta(hours=3)).replace(microsecond=0)


@pytest.mark.parametrize(
    "url",
    ["/sitemaps/1999-01.xml", "/sitemaps/2999-01.xml", "/sitemaps/2024-13.xml", "/sitemaps/2024-1.xml", "/sitemaps/abcd-01.xml"],
)
def test_months_without_stories_and_bad_months_are_404(client, newsroom, url):
    assert client.get(url).status_code == 404


def test_drafts_and_unpublished_stories_stay_out_of_sitemaps(client, make_story):
    kept = make_story(title="Kept")
    draft = make_story(title="Draft", publish=False)
    withdrawn = make_story(title="Withdrawn")
    withdrawn.unpublish()
    urls = locs(fetch(client, f"/sitemaps/{month_of(kept)}.xml", "sitemap"))
    assert urls == ["http://testserver" + kept.url]
    news = locs(fetch(client, "/news-sitemap.xml", "news"))
    assert news == ["http://testserver" + kept.url]
    assert draft.pk and withdrawn.pk


def test_news_sitemap_has_the_last_48_hours_with_publication_name_language_date_and_title(client, make_story):
    fresh = make_story(title="Fresh & <urgent>", days_ago=0.1)
    make_story(title="Yesterday", days_ago=1.5)
    make_story(title="Too old for news", days_ago=2.5)
    document = fetch(client, "/news-sitemap.xml", "news")
    assert len(document.xpath("//s:url", namespaces=NS)) == 2
    first = document.xpath("//s:url", namespaces=NS)[0]
    assert first.findtext("s:loc", namespaces=NS) == "http://testserver" + fresh.url
    assert first.findtext("n:news/n:publication/n:name", namespaces=NS) == "MM News"
    assert first.findtext("n:news/n:publication/n:language", namespaces=NS) == "en"
    assert first.findtext("n:news/n:title", namespaces=NS) == "Fresh & <urgent>"
    published = datetime.fromisoformat(first.findtext("n:news/n:publication_date", namespaces=NS))
    assert published == fresh.published_at.replace(microsecond=0)
    assert "max-age=" in client.get("/news-sitemap.xml")["Cache-Control"]


def test_news_sitemap_is_capped_at_a_thousand(client, make_story, monkeypatch):
    monkeypatch.setattr(sitemaps, "MAX_NEWS_URLS", 3)
    for n in range(5):
        make_story(days_ago=n / 100)
    assert len(locs(fetch(client, "/news-sitemap.xml", "news"))) == 3
    assert sitemaps.MAX_URLS_PER_SITEMAP == 50_000


def test_news_sitemap_without_recent_stories_is_still_valid(client, make_story):
    make_story(days_ago=10)
    assert locs(fetch(client, "/news-sitemap.xml", "news")) == ["http://testserver/"]


def test_news_sitemap_speaks_the_edition_language(client, edition):
    from wagtail.models import Locale, Site

    from masthead.news import services

    urdu = Locale.objects.create(language_code="ur")
    site = services.create_edition(name="ایم ایم نیوز", hostname="urdu.example.org", is_default=False, locale=urdu)
    section = services.create_section(site.root_page.specific, title="Dunya", slug="dunya")
    services.file_story(section, services.StoryDraft(title="بجٹ منظور", paragraphs=["<p>متن</p>"]), publish=True)
    document = fetch(client, "/news-sitemap.xml", "news", HTTP_HOST="urdu.example.org")
    assert document.findtext(".//n:language", namespaces=NS) == "ur"
    assert document.findtext(".//n:name", namespaces=NS) == "ایم ایم نیوز"
    assert Site.objects.count() == 2


def test_sitemaps_are_per_edition(client, make_story, edition):
    from masthead.news import services

    ours = make_story(title="Ours")
    sport = services.create_edition(name="MM Sport", hostname="sport.example.org", is_default=False)
    cricket = services.create_section(sport.root_page.specific, title="Cricket")
    theirs = services.file_story(cricket, services.StoryDraft(title="Theirs", paragraphs=["<p>x</p>"]), publish=True)
    assert locs(fetch(client, f"/sitemaps/{month_of(ours)}.xml", "sitemap")) == ["http://testserver" + ours.get_url_parts()[2]]
    sport_urls = locs(fetch(client, f"/sitemaps/{month_of(theirs)}.xml", "sitemap", HTTP_HOST="sport.example.org"))
    assert sport_urls == ["http://sport.example.org" + theirs.get_url_parts()[2]]


def test_robots_txt_names_both_sitemaps(client, edition):
    response = client.get("/robots.txt")
    assert response.status_code == 200 and response["Content-Type"].startswith("text/plain")
    text = response.content.decode()
    assert "Sitemap: http://testserver/sitemap.xml" in text
    assert "Sitemap: http://testserver/news-sitemap.xml" in text
    assert re.search(r"^User-agent: \*$", text, re.M) and "Disallow: /admin/" in text


def test_month_sitemap_queries_do_not_grow_with_the_archive(client, make_story):
    story = make_story(days_ago=70)
    url = f"/sitemaps/{month_of(story)}.xml"
    before = count_queries(client, url)
    for n in range(30):
        make_story(days_ago=n * 20)
    assert count_queries(client, url) == before


def test_sitemap_index_costs_the_same_for_a_full_archive(client, make_story):
    """Queries are fixed; the months are read from the index in one statement however many stories they hold."""
    make_story(days_ago=400)
    before = count_queries(client, "/sitemap.xml")
    for n in range(40):
        make_story(days_ago=n * 10)
    assert count_queries(client, "/sitemap.xml") == before


def test_sitemap_index_reads_each_month_through_the_index_not_the_archive(client, make_story):
    make_story(days_ago=5)
    with CaptureQueriesContext(connection) as queries:
        client.get("/sitemap.xml")
    statements = " ".join(q["sql"] for q in queries.captured_queries)
    assert "LIMIT 1" in statements.upper()
    assert "GROUP BY" not in statements.upper() and "DISTINCT" not in statements.upper()


def test_months_between_walks_utc_calendar_months():
    first = datetime(2024, 11, 30, 23, 0, tzinfo=UTC)
    months = sitemaps.months_between(first, datetime(2025, 2, 1, tzinfo=UTC))
    assert [f"{start:%Y-%m}" for start, _ in months] == ["2024-11", "2024-12", "2025-01", "2025-02"]
    assert all(end == sitemaps.next_month(start) for start, end in months)
    assert timezone.is_aware(months[0][0])


@pytest.mark.parametrize(
    ("code", "expected"), [("en", "en"), ("en-gb", "en"), ("ur", "ur"), ("zh-hans", "zh-cn"), ("zh-tw", "zh-tw")]
)
def test_news_language_codes(code, expected):
    assert sitemaps.news_language(code) == expected

"""RSS 2.0 and Atom 1.0 feeds, read by two independent strict parsers: feedparser and atoma."""

from __future__ import annotations

import calendar

import atoma
import feedparser
import pytest
from django.utils import timezone

from tests.conftest import paragraphs
from tests.feeds.conftest import count_queries

BASE = "http://testserver"
FEEDS = {
    "edition": "/feed/",
    "section": "/world/feed/",
    "tag": "/tags/ukraine/feed/",
    "author": "/authors/sana-qureshi/feed/",
    "agency": "/agencies/interfax/feed/",
}


def atom(url: str) -> str:
    return f"{url}atom/"


def parse(client, url: str):
    response = client.get(url)
    assert response.status_code == 200, (url, response.status_code)
    parsed = feedparser.parse(response.content)
    assert parsed.bozo == 0, (url, parsed.get("bozo_exception"))
    return response, parsed


def second_parser(content: bytes, url: str):
    """atoma: a separate, strict implementation of both formats (it raises on what it cannot accept)."""
    return atoma.parse_atom_bytes(content) if url.endswith("/atom/") else atoma.parse_rss_bytes(content)


@pytest.mark.parametrize("kind", FEEDS)
@pytest.mark.parametrize("format_", ["rss", "atom"])
def test_every_feed_is_accepted_by_both_parsers(client, newsroom, kind, format_):
    url = FEEDS[kind] if format_ == "rss" else atom(FEEDS[kind])
    response, parsed = parse(client, url)
    assert parsed.version == ("rss20" if format_ == "rss" else "atom10")
    assert response["Content-Type"].startswith("application/rss+xml" if format_ == "rss" else "application/atom+xml")
    assert "max-age=" in response["Cache-Control"]
    assert parsed.entries, url
    for entry in parsed.entries:
        assert entry.link.startswith(BASE + "/"), entry.link
        assert entry.id == entry.link
        assert entry.published_parsed
        if format_ == "atom":
            assert entry.updated_parsed
    assert parsed.feed.link.startswith(BASE + "/")
    document = second_parser(response.content, url)
    items = document.entries if format_ == "atom" else document.items
    assert [item.title.value if format_ == "atom" else item.title for item in items] == [entry.title for entry in parsed.entries]


def test_edition_feed_lists_the_latest_stories_newest_first_with_their_metadata(client, newsroom):
    response, parsed = parse(client, "/feed/")
    titles = [entry.title for entry in parsed.entries]
    assert titles == [story.title for story in newsroom]
    first = parsed.entries[0]
    assert first.link == BASE + newsroom[0].url
    assert f'<guid isPermaLink="true">{first.link}</guid>' in response.content.decode()
    assert first.author == "Interfax"  # agency copy without a staff byline is credited to the agency
    assert {tag.term for tag in first.tags} >= {"World", "ukraine", "russia"}
    assert first.summary == "A delegation has arrived in Gomel, the agency said."
    assert first.media_content[0]["url"].startswith(BASE + "/") and first.media_content[0]["width"] == "1200"
    published = newsroom[0].published_at
    assert calendar.timegm(first.published_parsed) == int(published.timestamp())
    assert parsed.feed.title == "MM News"


def test_titles_and_summaries_keep_their_punctuation(client, newsroom):
    for url in ("/feed/", "/feed/atom/"):
        _, parsed = parse(client, url)
        entry = next(e for e in parsed.entries if e.title.startswith("Council"))
        assert entry.title == "Council approves the flood budget & relief plan"
        assert entry.summary == "Relief &lt;money&gt; reaches Sindh first."  # HTML whose text is the standfirst
        assert entry.author == "Sana Qureshi"


def test_summary_feeds_carry_no_body_and_full_feeds_carry_it_with_absolute_links(client, newsroom, edition):
    from masthead.feeds.models import FeedSettings

    _, summary = parse(client, "/feed/")
    assert "content" not in summary.entries[0]

    FeedSettings.objects.update_or_create(site=edition.site, defaults={"full_content": True})
    for url in ("/feed/", "/feed/atom/"):
        response, parsed = parse(client, url)
        body = parsed.entries[0].content[0].value
        assert "MOSCOW:" in body and "A Russian delegation has arrived in Belarus" in body
        assert f'src="{BASE}/' in body  # the hero picture, absolute
        assert 'src="/' not in body and 'href="/' not in body
        assert second_parser(response.content, url)


def test_relative_links_in_the_body_become_absolute(client, make_story, edition):
    from masthead.feeds.models import FeedSettings

    FeedSettings.objects.update_or_create(site=edition.site, defaults={"full_content": True})
    make_story(paragraphs=['<p>See <a href="/world/">the world desk</a> and <a href="https://example.org/x">elsewhere</a>.</p>'])
    _, parsed = parse(client, "/feed/")
    body = parsed.entries[0].content[0].value
    assert f'href="{BASE}/world/"' in body and 'href="https://example.org/x"' in body


def test_feed_length_is_an_edition_setting(client, make_story, edition):
    from masthead.feeds.models import FeedSettings

    for n in range(8):
        make_story(days_ago=n)
    FeedSettings.objects.update_or_create(site=edition.site, defaults={"items": 5})
    assert len(parse(client, "/feed/")[1].entries) == 5
    FeedSettings.objects.filter(site=edition.site).update(items=10_000)  # out of range in the database: still bounded
    assert len(parse(client, "/feed/")[1].entries) == 8


def test_feeds_show_only_live_stories_of_their_own_edition(client, make_story, edition):
    from masthead.news import services

    make_story(title="Published here")
    make_story(title="Still a draft", publish=False)
    sport = services.create_edition(name="MM Sport", hostname="sport.example.org", is_default=False)
    cricket = services.create_section(sport.root_page.specific, title="Cricket")
    services.file_story(
        cricket, services.StoryDraft(title="Kestrels win", paragraphs=paragraphs(2), tags=["ukraine"]), publish=True
    )

    titles = [entry.title for entry in parse(client, "/feed/")[1].entries]
    assert titles == ["Published here"]
    sport_feed = feedparser.parse(client.get("/feed/", HTTP_HOST="sport.example.org").content)
    assert [entry.title for entry in sport_feed.entries] == ["Kestrels win"]
    assert sport_feed.entries[0].link.startswith("http://sport.example.org/")
    # The other edition's section is not a section here.
    assert client.get("/cricket/feed/").status_code == 404


def test_unpublished_stories_leave_the_feed(client, make_story):
    story = make_story(title="Withdrawn later")
    assert [e.title for e in parse(client, "/feed/")[1].entries] == ["Withdrawn later"]
    story.unpublish()
    assert parse(client, "/feed/")[1].entries == []


@pytest.mark.parametrize(
    "url",
    ["/nowhere/feed/", "/tags/nothing/feed/", "/authors/nobody/feed/atom/", "/agencies/none/feed/", "/world/2026/feed/"],
)
def test_unknown_scopes_are_404(client, newsroom, url):
    assert client.get(url).status_code == 404


def test_feeds_are_advertised_on_pages(client, newsroom):
    home = client.get("/").content.decode()
    assert '<link rel="alternate" type="application/rss+xml" title="MM News" href="/feed/">' in home
    assert 'type="application/atom+xml"' in home
    section = client.get("/world/").content.decode()
    assert 'href="/world/feed/"' in section
    tag = client.get("/tags/ukraine/").content.decode()
    assert 'href="/tags/ukraine/feed/"' in tag


@pytest.mark.parametrize("url", ["/feed/", "/world/feed/atom/", "/tags/floods/feed/"])
def test_feed_queries_do_not_grow_with_the_archive(client, make_story, picture, author, url):
    for n in range(6):
        make_story(["world", "pakistan"][n % 2], tags=["floods"], authors=[author], hero_image=picture(f"P{n}"), days_ago=n)
    before = count_queries(client, url)
    for n in range(30):
        make_story(
            ["world", "pakistan"][n % 2],
            tags=["floods"],
            authors=[author],
            hero_image=picture(f"Q{n}") if n % 3 == 0 else None,
            days_ago=30 + n,
        )
    assert count_queries(client, url) == before


def test_full_text_feed_queries_are_bounded_by_its_length_not_the_archive(client, make_story, picture, edition):
    from masthead.feeds.models import FeedSettings

    FeedSettings.objects.update_or_create(site=edition.site, defaults={"full_content": True, "items": 10})
    for n in range(12):
        make_story(hero_image=picture(f"P{n}"), days_ago=n)
    before = count_queries(client, "/feed/")
    for n in range(20):
        make_story(hero_image=picture(f"Q{n}"), days_ago=20 + n)
    assert count_queries(client, "/feed/") == before


def test_feed_is_fresh_at_the_top(client, make_story):
    make_story(title="Older", days_ago=2)
    make_story(title="Newest")
    entries = parse(client, "/feed/atom/")[1].entries
    assert entries[0].title == "Newest"
    assert calendar.timegm(entries[0].updated_parsed) <= timezone.now().timestamp() + 1

"""Reader pages: the seed page's anatomy, query counts that do not grow, and bad input."""

from __future__ import annotations

import datetime as dt
import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from tests.conftest import paragraphs

SEED_MOMENT = dt.datetime(2023, 5, 28, 6, 0, tzinfo=dt.UTC)  # 11:00 in Karachi


def get(client, url, status=200):
    response = client.get(url)
    assert response.status_code == status, (url, response.status_code)
    return response


def count_queries(client, url) -> int:
    client.get(url)  # warm: renditions and caches made on first view are not the page's cost
    with CaptureQueriesContext(connection) as queries:
        get(client, url)
    return len(queries)


@pytest.fixture
def frozen_seed_day(monkeypatch):
    monkeypatch.setattr(timezone, "now", lambda: SEED_MOMENT)


def test_masthead_shows_today_in_both_calendars_in_the_site_time_zone(client, edition, frozen_seed_day):
    html = get(client, "/").content.decode()
    assert "Sunday 28th May 2023 / 8 Zulkaedah 1444" in html


def test_masthead_date_follows_the_site_time_zone_not_utc(client, edition, monkeypatch):
    # 21:30 UTC on the 27th is already the 28th in Karachi (UTC+5).
    monkeypatch.setattr(timezone, "now", lambda: dt.datetime(2023, 5, 27, 21, 30, tzinfo=dt.UTC))
    assert "Sunday 28th May 2023" in get(client, "/").content.decode()


def test_masthead_follows_edition_offset_and_spelling(client, edition, frozen_seed_day):
    from masthead.web.models import EditionSettings

    EditionSettings.objects.update_or_create(site=edition.site, defaults={"hijri_offset": -1, "hijri_style": "standard"})
    assert "Sunday 28th May 2023 / 7 Dhu al-Qadah 1444" in get(client, "/").content.decode()


def test_article_page_has_the_seed_anatomy(client, make_story, interfax):
    related = make_story(title="Ukraine: India's Russia stance worries US", tags=["ukraine"], days_ago=2)
    story = make_story(
        title="Russia ready for talks with Ukraine in Belarus: Report",
        dateline="Moscow",
        agency=interfax,
        tags=["ukraine", "russia"],
        paragraphs=["<p>A Russian delegation has arrived in Belarus for talks.</p>", *paragraphs(8)],
        days_ago=1,
    )
    html = get(client, story.url).content.decode()
    assert html.count("<h1") == 1
    assert "<h1>Russia ready for talks with Ukraine in Belarus: Report</h1>" in html
    assert '<span class="dateline">MOSCOW:</span> A Russian delegation has arrived' in html
    assert "Interfax" in html
    read_more = re.search(r'<p class="read-more"><strong>Read more:</strong> <a href="([^"]+)">([^<]+)</a></p>', html)
    assert read_more and read_more.group(1) == related.url
    assert read_more.group(2) == "Ukraine: India&#x27;s Russia stance worries US"
    # after the third paragraph of a long story
    body = html.split('<div class="story__body">')[1].split("</div>")[0]
    assert body.index("read-more") > body.index("Paragraph 2:") and body.index("read-more") < body.index("Paragraph 3:")
    assert html.count("Read more:") == 1
    assert "Download MM News mobile application and keep yourself updated." in html
    assert 'href="#top">Back to top</a>' in html and 'id="top"' in html
    assert f'href="{story.url}?lite=1">Lite version</a>' in html
    assert "Published <time" in html


def test_article_shows_updated_time_in_both_calendars(client, make_story):
    from masthead.news.models import ArticlePage

    story = make_story(days_ago=3)
    ArticlePage.objects.filter(pk=story.pk).update(last_published_at=story.first_published_at + dt.timedelta(hours=5))
    html = get(client, story.url).content.decode()
    updated = re.search(r"Updated <time datetime=\"[^\"]+\">([^<]+)</time>", html)
    assert updated and re.match(r"\w+day \d+\w\w \w+ \d{4} / \d+ [\w ]+ \d{4}, \d\d:\d\d PKT", updated.group(1))


def test_fresh_story_has_no_updated_line_and_no_age_banner(client, make_story):
    html = get(client, make_story().url).content.decode()
    assert "Updated <time" not in html
    assert "years old" not in html and "year old" not in html


@pytest.mark.parametrize(
    ("days", "banner"), [(400, "more than 1 year old"), (800, "more than 2 years old"), (1200, "more than 3 years old")]
)
def test_old_stories_carry_an_age_banner(client, make_story, days, banner):
    html = get(client, make_story(days_ago=days).url).content.decode()
    assert f"This article is {banner}" in html


def test_lite_version_is_small_text_only_and_links_back(client, make_story):
    from wagtail.images.tests.utils import get_test_image_file

    from masthead.images.models import Picture

    picture = Picture.objects.create(title="Harbour", file=get_test_image_file())
    make_story(title="Related", days_ago=1)
    story = make_story(dateline="Karachi", hero_image=picture, hero_caption="The harbour", paragraphs=paragraphs(40))
    full = get(client, story.url)
    lite = get(client, story.url + "?lite=1")
    html = lite.content.decode()
    assert "<img" in full.content.decode()
    assert "<img" not in html and "<script" not in html and '<link rel="stylesheet"' not in html
    assert f'href="{story.url}">Exit lite version</a>' in html
    assert "KARACHI:" in html and "Read more:" in html and "Back to top" in html
    assert len(lite.content) < 15_000, len(lite.content)
    # the lite page's inline style is allowed by its hash, nothing else inline is
    from masthead.web.lite import LITE_STYLE_CSP_SOURCE

    assert LITE_STYLE_CSP_SOURCE in lite["Content-Security-Policy"]


def test_lite_version_hands_search_engines_to_the_full_page(client, make_story):
    """Canonical to the full URL, a description, and no noindex: Google asks not to combine the two."""
    story = make_story(title="Budget agreed", standfirst="The vote came at dawn.")
    html = get(client, story.url + "?lite=1").content.decode()
    assert 'name="robots"' not in html
    assert '<meta name="description" content="The vote came at dawn.">' in html
    assert f'<link rel="canonical" href="http://testserver{story.url}">' in html


def test_lite_links_stay_in_lite(client, make_story):
    story = make_story()
    html = get(client, "/?lite=1").content.decode()
    assert f'href="{story.url}?lite=1"' in html


@pytest.mark.parametrize("url", ["/", "/world/", "/tags/floods/", "/search/?q=council"])
def test_every_page_sends_a_content_security_policy(client, make_story, url):
    make_story(tags=["floods"])
    policy = get(client, url)["Content-Security-Policy"]
    assert "default-src 'self'" in policy and "script-src 'self'" in policy and "'unsafe-inline'" not in policy


@pytest.mark.parametrize("query", ["?page=abc", "?page=-3", "?page=", "?page=1.5", "?page=%00"])
@pytest.mark.parametrize(
    "path", ["/world/", "/tags/floods/", "/search/?q=council&", "/authors/sana-qureshi/", "/agencies/interfax/"]
)
def test_listings_survive_bad_page_numbers(client, make_story, author, interfax, path, query):
    make_story(tags=["floods"], authors=[author], agency=interfax)
    url = path + (query if "?" not in path else query.lstrip("?"))
    response = get(client, url)
    assert b"Story number 1" in response.content


@pytest.mark.parametrize("path", ["/world/", "/tags/floods/", "/search/?q=council&", "/authors/sana-qureshi/", "/world/2020/"])
def test_listings_answer_404_past_their_last_page(client, make_story, author, path):
    from masthead.news import services

    services.year_folder_for(make_story(tags=["floods"], authors=[author]).section, 2020)
    joiner = "" if path.endswith("&") else "?"
    assert get(client, f"{path}{joiner}page=999999", status=404).status_code == 404


def test_search_survives_odd_queries(client, make_story):
    make_story(title="Budget approved by council")
    for q in ["", "   ", "a" * 5000, "%", "'\"<>", "AND OR NOT", "col:x*", "council", "ünïcødé"]:
        assert client.get("/search/", {"q": q}).status_code == 200, q
    assert b"Budget approved by council" in client.get("/search/", {"q": "budget"}).content


def test_pagination_moves_through_a_section(client, make_story):
    for n in range(25):
        make_story(title=f"Section story {n:02d}", days_ago=n)
    first = get(client, "/world/").content.decode()
    second = get(client, "/world/?page=2").content.decode()
    assert "Section story 00" in first and "Section story 19" in first and "Section story 20" not in first
    assert "Section story 20" in second and "Section story 24" in second
    assert 'rel="next"' in first and 'rel="next"' not in second


def test_unknown_urls_get_the_404_page(client, edition):
    response = client.get("/no-such-section/")
    assert response.status_code == 404
    assert b"Page not found" in response.content


def test_unknown_tag_author_agency_are_404(client, edition):
    for url in ["/tags/nothing/", "/authors/nobody/", "/agencies/none/"]:
        get(client, url, status=404)


def test_draft_stories_are_not_served(client, make_story):
    draft = make_story(publish=False)
    from masthead.news.models import ArticlePage

    url = ArticlePage.objects.get(pk=draft.pk).url_path.replace("/mm-news", "", 1)
    get(client, url, status=404)


def test_server_error_page_renders_without_the_database():
    from django.template.loader import render_to_string

    html = render_to_string("500.html")
    assert "Something went wrong" in html


# --- Query counts: constant in body length and archive size ---------------------------------


def test_article_queries_do_not_grow_with_body_length(client, make_story):
    short = make_story(paragraphs=paragraphs(4), tags=["floods"])
    long = make_story(paragraphs=paragraphs(60), tags=["floods"])
    assert count_queries(client, short.url) == count_queries(client, long.url)


def test_article_queries_do_not_grow_with_body_images(client, make_story):
    from wagtail.images.tests.utils import get_test_image_file
    from wagtail.rich_text import RichText

    from masthead.images.models import Picture

    def story_with_images(n):
        story = make_story(paragraphs=[])
        blocks = []
        for i in range(n):
            picture = Picture.objects.create(title=f"Picture {i}", file=get_test_image_file())
            blocks += [
                ("paragraph", RichText(f"<p>Paragraph {i}</p>")),
                ("image", {"image": picture, "caption": f"Caption {i}", "alt": ""}),
            ]
        story.body = blocks
        story.save_revision().publish()
        return story

    assert count_queries(client, story_with_images(1).url) == count_queries(client, story_with_images(6).url)


def test_article_queries_do_not_grow_with_the_archive(client, make_story, author, interfax):
    story = make_story(tags=["floods", "sindh"], authors=[author], agency=interfax)
    make_story(tags=["floods"], days_ago=40)  # so Read more is found by shared tags both times
    before = count_queries(client, story.url)
    for n in range(30):
        make_story(tags=["floods"] if n % 2 else ["sindh"], days_ago=n)
    assert count_queries(client, story.url) == before


@pytest.mark.parametrize("url", ["/", "/world/", "/tags/floods/", "/search/?q=council"])
def test_listing_queries_do_not_grow_with_the_archive(client, make_story, url):
    from wagtail.images.tests.utils import get_test_image_file

    from masthead.images.models import Picture

    def picture(n):
        return Picture.objects.create(title=f"Picture {n}", file=get_test_image_file())

    make_story(tags=["floods"], hero_image=picture(0))
    before = count_queries(client, url)
    for n in range(30):
        make_story(["world", "pakistan", "business"][n % 3], tags=["floods"], days_ago=n, hero_image=picture(n + 1))
    assert count_queries(client, url) == before


def test_reader_pages_set_no_cookies(client, make_story):
    story = make_story()
    for url in ["/", "/world/", story.url, story.url + "?lite=1"]:
        assert not get(client, url).cookies, url

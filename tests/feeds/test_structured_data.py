"""What an article page tells search engines and social networks: JSON-LD, Open Graph, Twitter, canonical, hreflang."""

from __future__ import annotations

import json
import re
from datetime import datetime

import pytest
from lxml import html as lxml_html

from tests.conftest import paragraphs
from tests.feeds.conftest import count_queries

BASE = "http://testserver"


def page_of(client, url: str, **headers):
    response = client.get(url, **headers)
    assert response.status_code == 200, (url, response.status_code)
    return response.content.decode()


def json_ld(html: str) -> list[dict]:
    document = lxml_html.fromstring(html)
    return [json.loads(script.text) for script in document.xpath('//script[@type="application/ld+json"]')]


def meta(html: str) -> dict[str, list[str]]:
    found: dict[str, list[str]] = {}
    for element in lxml_html.fromstring(html).xpath("//head/meta[@property or @name]"):
        key = element.get("property") or element.get("name")
        found.setdefault(key, []).append(element.get("content"))
    return found


def test_news_article_json_ld_has_what_search_engines_ask_for(client, newsroom):
    story = newsroom[0]
    html = page_of(client, story.url)
    article, breadcrumbs = json_ld(html)
    canonical = BASE + story.url
    assert article["@context"] == "https://schema.org" and article["@type"] == "NewsArticle"
    assert article["headline"] == story.title
    assert article["mainEntityOfPage"]["@id"] == canonical and article["url"] == canonical
    assert article["description"] == story.standfirst
    for key in ("datePublished", "dateModified"):
        moment = datetime.fromisoformat(article[key])
        assert moment.utcoffset() is not None and article[key].endswith("+05:00")  # the edition's clock, Asia/Karachi
    assert datetime.fromisoformat(article["datePublished"]) == story.first_published_at.replace(microsecond=0)
    assert article["author"] == [{"@type": "Organization", "name": "Interfax", "url": f"{BASE}/agencies/interfax/"}]
    assert article["publisher"]["@type"] == "NewsMediaOrganization" and article["publisher"]["name"] == "MM News"
    logo = article["publisher"]["logo"]
    assert logo["url"] == f"{BASE}/icons/icon-512.png" and logo["width"] == 512
    sizes = [(image["width"], image["height"]) for image in article["image"]]
    assert sizes == [(1200, 675), (1200, 900), (1200, 1200)]  # 16:9, 4:3, 1:1
    assert all(image["url"].startswith(BASE + "/media/") for image in article["image"])
    assert article["articleSection"] == "World"
    assert article["dateline"] == "Moscow" and article["locationCreated"] == {"@type": "Place", "name": "Moscow"}
    assert sorted(article["keywords"]) == ["russia", "ukraine"]
    assert article["inLanguage"] == "en"

    assert breadcrumbs["@type"] == "BreadcrumbList"
    crumbs = [(item["position"], item["name"], item["item"]) for item in breadcrumbs["itemListElement"]]
    assert crumbs == [(1, "MM News", f"{BASE}/"), (2, "World", f"{BASE}/world/"), (3, story.title, canonical)]


def test_staff_authors_are_people(client, newsroom):
    article, _ = json_ld(page_of(client, newsroom[1].url))
    assert article["author"] == [
        {"@type": "Person", "name": "Sana Qureshi", "url": f"{BASE}/authors/sana-qureshi/", "jobTitle": "Staff reporter"}
    ]
    assert "image" not in article  # no picture, no image claimed


def test_open_graph_and_twitter_cards(client, newsroom):
    story = newsroom[0]
    found = meta(page_of(client, story.url))
    assert found["og:type"] == ["article"] and found["og:title"] == [story.title]
    assert found["og:url"] == [BASE + story.url] and found["og:site_name"] == ["MM News"]
    assert found["og:description"] == [story.standfirst] == found["description"]
    assert (
        found["og:image"][0].startswith(BASE + "/media/")
        and found["og:image:width"] == ["1200"]
        and found["og:image:height"] == ["675"]
    )
    assert found["og:image:alt"] == ["Harbour at dawn"] == found["twitter:image:alt"]  # the picture's alt text, as on the page
    assert sorted(found["article:tag"]) == ["russia", "ukraine"]
    assert found["article:section"] == ["World"]
    assert found["article:published_time"][0].endswith("+05:00")
    assert found["twitter:card"] == ["summary_large_image"] and found["twitter:image"] == found["og:image"]
    bare = meta(page_of(client, newsroom[1].url))
    assert bare["twitter:card"] == ["summary"] and "og:image" not in bare
    assert bare["article:author"] == [f"{BASE}/authors/sana-qureshi/"]


def test_canonical_url_is_absolute_and_ignores_the_query(client, newsroom):
    story = newsroom[0]
    html = page_of(client, story.url + "?utm_source=share")
    assert html.count('rel="canonical"') == 1
    assert f'<link rel="canonical" href="{BASE}{story.url}">' in html


def test_lite_pages_stay_lean(client, newsroom):
    html = page_of(client, newsroom[0].url + "?lite=1")
    assert "application/ld+json" not in html and "og:title" not in html and "<script" not in html
    assert 'rel="canonical"' in html
    assert len(html.encode()) < 15_000


def test_a_headline_cannot_break_out_of_the_json_ld_script(client, make_story):
    title = 'Protest </script><script>alert("x")</script> & <!-- more'
    story = make_story(title=title, standfirst='Quotes " and </SCRIPT> too')
    html = page_of(client, story.url)
    scripts = re.findall(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)
    assert len(scripts) == 2
    assert "<script>alert" not in html
    for script in scripts:
        assert "</" not in script and "<!--" not in script
    article = json.loads(scripts[0])
    assert article["headline"] == title and article["description"] == 'Quotes " and </SCRIPT> too'


def hreflang_links(html: str) -> dict[str, str]:
    return dict(re.findall(r'<link rel="alternate" hreflang="([^"]+)" href="([^"]+)">', html))


def test_translations_are_linked_with_hreflang_on_each_editions_own_host_both_ways(client, make_story, edition):
    from tests.editions import URDU_HOST, urdu_edition_of

    urdu = urdu_edition_of(edition)
    story = make_story(title="Budget passes")
    translated = urdu.translate(story, "بجٹ منظور")
    in_section = "/world/" + story.url_path.split("/world/", 1)[1]
    expected = {"en": BASE + in_section, "ur": f"http://{URDU_HOST}{in_section}", "x-default": BASE + in_section}

    assert hreflang_links(page_of(client, story.url_path.replace("/mm-news", "", 1))) == expected
    # From the Urdu page too: the English version on the English host, not the Urdu host or Wagtail's language prefix.
    assert hreflang_links(page_of(client, urdu.path_of(translated), HTTP_HOST=URDU_HOST)) == expected

    alone = make_story(title="Not translated")
    assert "hreflang" not in page_of(client, alone.url_path.replace("/mm-news", "", 1))


def test_hreflang_follows_the_readers_scheme_and_port(client, make_story, edition):
    from tests.editions import URDU_HOST, urdu_edition_of

    urdu = urdu_edition_of(edition)
    story = make_story(title="Budget passes")
    translated = urdu.translate(story, "بجٹ منظور")
    in_section = "/world/" + story.url_path.split("/world/", 1)[1]

    # Behind TLS (HTTPS=1 in production) every edition is https; the demo's port is every edition's port.
    secure = hreflang_links(page_of(client, urdu.path_of(translated), HTTP_HOST=URDU_HOST, secure=True))
    assert secure == {
        "en": f"https://testserver{in_section}",
        "ur": f"https://{URDU_HOST}{in_section}",
        "x-default": f"https://testserver{in_section}",
    }
    on_a_port = hreflang_links(page_of(client, urdu.path_of(translated), HTTP_HOST=f"{URDU_HOST}:8000"))
    assert on_a_port["en"] == f"http://testserver:8000{in_section}"
    assert on_a_port["ur"] == f"http://{URDU_HOST}:8000{in_section}"


def test_x_default_is_the_main_language_when_no_version_is_the_default_sites(client, make_story, edition):
    from tests.editions import URDU_HOST, urdu_edition_of

    urdu = urdu_edition_of(edition)
    story = make_story(title="Budget passes")
    translated = urdu.translate(story, "بجٹ منظور")
    edition.site.is_default_site = False
    edition.site.save()
    links = hreflang_links(page_of(client, urdu.path_of(translated), HTTP_HOST=URDU_HOST))
    assert links["x-default"] == links["en"] != links["ur"]


def test_home_and_section_pages_link_their_translations(client, edition):
    from tests.editions import URDU_HOST, urdu_edition_of

    urdu_edition_of(edition)
    home = {"en": f"{BASE}/", "ur": f"http://{URDU_HOST}/", "x-default": f"{BASE}/"}
    assert hreflang_links(page_of(client, "/")) == home
    assert hreflang_links(page_of(client, "/", HTTP_HOST=URDU_HOST)) == home
    world = {"en": f"{BASE}/world/", "ur": f"http://{URDU_HOST}/world/", "x-default": f"{BASE}/world/"}
    assert hreflang_links(page_of(client, "/world/", HTTP_HOST=URDU_HOST)) == world


def test_edition_logo_is_the_publisher_logo_when_set(client, newsroom, edition, picture):
    from masthead.web.models import EditionSettings

    EditionSettings.objects.update_or_create(site=edition.site, defaults={"logo": picture("Logo")})
    article, _ = json_ld(page_of(client, newsroom[0].url))
    logo = article["publisher"]["logo"]
    assert logo["url"].startswith(BASE + "/media/") and logo["height"] <= 60 and logo["width"] <= 600


@pytest.mark.parametrize("n", [1, 30])
def test_metadata_adds_a_constant_number_of_queries(client, make_story, picture, author, interfax, n):
    """The page's cost with structured data stays flat in the archive's size (see tests/web for the rest)."""
    story = make_story(
        tags=["floods", "sindh"], authors=[author], agency=interfax, hero_image=picture(), paragraphs=paragraphs(5)
    )
    make_story(tags=["sindh"], days_ago=40)  # so Read more is found by shared tags both times
    before = count_queries(client, story.url)
    for i in range(n):
        make_story(tags=["floods"], hero_image=picture(f"P{i}"), days_ago=i + 1)
    assert count_queries(client, story.url) == before


def test_admin_preview_of_a_story_renders_its_metadata(make_story):
    story = make_story(title="Previewed story")
    response = story.make_preview_request()
    assert response.status_code == 200
    html = response.content.decode()
    assert "application/ld+json" in html and "Previewed story" in html


def test_share_pictures_are_as_large_as_the_original_allows_and_say_so(client, make_story):
    from wagtail.images.tests.utils import get_test_image_file_jpeg

    from masthead.images.models import Picture

    wide = Picture.objects.create(title="Wide", file=get_test_image_file_jpeg(size=(1600, 900)))
    article, _ = json_ld(page_of(client, make_story(hero_image=wide).url))
    sizes = [(image["width"], image["height"]) for image in article["image"]]
    assert sizes == [(1200, 675), (1200, 900), (900, 900)]  # no square of 1200 in a 900-px-high original, none upscaled
    for image in article["image"]:
        assert f"fill-{image['width']}x{image['height']}" in image["url"]  # the URL names the size it is


def test_a_story_without_a_picture_shares_the_editions_default(client, newsroom, edition, picture):
    from masthead.web.models import EditionSettings

    bare = newsroom[1]
    EditionSettings.objects.update_or_create(site=edition.site, defaults={"share_picture": picture("MM News")})
    html = page_of(client, bare.url)
    article, _ = json_ld(html)
    sizes = [(image["width"], image["height"]) for image in article["image"]]
    assert sizes == [(1200, 675), (1200, 900), (1200, 1200)]  # 16:9, 4:3, 1:1 as Google asks
    found = meta(html)
    assert found["og:image"] == [article["image"][0]["url"]] == found["twitter:image"]
    assert found["og:image:width"] == ["1200"] and found["og:image:height"] == ["675"]
    assert found["twitter:card"] == ["summary_large_image"]
    assert "<picture" not in html  # shared, not shown on the page
    pictured, _ = json_ld(page_of(client, newsroom[0].url))
    assert pictured["image"][0]["url"] != article["image"][0]["url"]  # a story's own picture comes first


@pytest.mark.parametrize("n", [1, 30])
def test_default_share_picture_adds_a_constant_number_of_queries(client, make_story, picture, edition, n):
    from masthead.web.models import EditionSettings

    EditionSettings.objects.update_or_create(site=edition.site, defaults={"share_picture": picture("MM News")})
    story = make_story(tags=["floods"])
    before = count_queries(client, story.url)
    for i in range(n):
        make_story(tags=["floods"], days_ago=i + 1)
    assert count_queries(client, story.url) == before

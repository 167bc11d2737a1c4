"""What listings tell search engines and news apps: canonical, Open Graph, Twitter, CollectionPage/ItemList, WebSite search."""

from __future__ import annotations

import pytest
from lxml import html as lxml_html

from tests.feeds.test_structured_data import BASE, json_ld, meta, page_of


def canonical(html: str) -> list[str]:
    return lxml_html.fromstring(html).xpath('//head/link[@rel="canonical"]/@href')


def listed_urls(html: str) -> list[str]:
    return [BASE + href for href in lxml_html.fromstring(html).xpath('//main//*[@class="card__title"]/a/@href')]


def of_type(documents: list[dict], kind: str) -> dict:
    (found,) = [document for document in documents if document["@type"] == kind]
    return found


def test_home_declares_the_website_its_search_and_the_stories_it_lists(client, newsroom):
    html = page_of(client, "/")
    documents = json_ld(html)
    website = of_type(documents, "WebSite")
    assert website["url"] == f"{BASE}/" and website["name"] == "MM News"
    action = website["potentialAction"]
    assert action["@type"] == "SearchAction"
    assert action["target"]["urlTemplate"] == f"{BASE}/search/?q={{search_term_string}}"
    assert action["query-input"] == "required name=search_term_string"

    collection = of_type(documents, "CollectionPage")
    assert collection["url"] == f"{BASE}/" and collection["isPartOf"]["@id"] == website["@id"]
    items = collection["mainEntity"]["itemListElement"]
    assert collection["mainEntity"]["@type"] == "ItemList" and collection["mainEntity"]["numberOfItems"] == len(items)
    assert [item["position"] for item in items] == list(range(1, len(items) + 1))
    urls = [item["url"] for item in items]
    assert len(urls) == len(set(urls)) == len(newsroom)  # each story once, though the front shows some twice
    assert set(urls) == {BASE + story.url for story in newsroom}
    assert canonical(html) == [f"{BASE}/"]


def test_home_open_graph_and_twitter(client, newsroom, edition):
    from masthead.web.models import EditionSettings

    settings = EditionSettings.for_site(edition.site)
    settings.tagline = "News from the harbour city"
    settings.save()
    found = meta(page_of(client, "/"))
    assert found["og:type"] == ["website"] and found["og:title"] == ["MM News"] and found["og:site_name"] == ["MM News"]
    assert found["og:url"] == [f"{BASE}/"]
    assert found["og:description"] == ["News from the harbour city"] == found["twitter:description"]
    assert found["twitter:card"] == ["summary"] and found["twitter:title"] == ["MM News"]
    assert found["robots"] == ["max-image-preview:large"]


def test_section_lists_its_page_of_stories(client, newsroom):
    html = page_of(client, "/world/?utm_source=share")
    collection = of_type(json_ld(html), "CollectionPage")
    assert collection["name"] == "World" and collection["url"] == f"{BASE}/world/"
    assert [item["url"] for item in collection["mainEntity"]["itemListElement"]] == listed_urls(html)
    found = meta(html)
    assert found["og:type"] == ["website"] and found["og:title"] == ["World"] and found["og:url"] == [f"{BASE}/world/"]
    assert canonical(html) == [f"{BASE}/world/"]
    assert not [document for document in json_ld(html) if document["@type"] == "WebSite"]  # the search box is the home's


@pytest.mark.parametrize("page", ["abc", "0", "-3", "1", "", "1e3", "%00"])
def test_a_bad_page_number_canonicalises_to_page_one(client, newsroom, page):
    html = page_of(client, f"/world/?page={page}")
    assert canonical(html) == [f"{BASE}/world/"]
    assert meta(html)["og:url"] == [f"{BASE}/world/"]


def test_a_later_page_is_its_own_canonical(client, make_story):
    for n in range(21):
        make_story(title=f"Flood update {n}", days_ago=n / 10)
    html = page_of(client, "/world/?page=2&utm_source=x")
    assert canonical(html) == [f"{BASE}/world/?page=2"]
    items = of_type(json_ld(html), "CollectionPage")["mainEntity"]["itemListElement"]
    assert [item["url"] for item in items] == listed_urls(html) and len(items) == 1


def test_tag_author_and_agency_listings(client, newsroom, author):
    author.bio = "Covers floods and the city council."
    author.save()
    for path, title, description in [
        ("/tags/floods/", "floods", None),
        ("/authors/sana-qureshi/", "Sana Qureshi", "Covers floods and the city council."),
        ("/agencies/interfax/", "Interfax", None),
    ]:
        html = page_of(client, path + "?page=abc")
        assert canonical(html) == [BASE + path]
        found = meta(html)
        assert found["og:title"] == [title] == found["twitter:title"] and found["og:url"] == [BASE + path]
        assert found.get("og:description") == ([description] if description else None)
        collection = of_type(json_ld(html), "CollectionPage")
        urls = [item["url"] for item in collection["mainEntity"]["itemListElement"]]
        assert urls == listed_urls(html) and urls


def test_articles_allow_large_image_previews(client, newsroom):
    assert meta(page_of(client, newsroom[0].url))["robots"] == ["max-image-preview:large"]


def test_lite_listings_carry_no_metadata(client, newsroom):
    html = page_of(client, "/world/?lite=1")
    assert "application/ld+json" not in html and "og:title" not in html


def test_lite_listing_pages_point_to_the_same_full_page(client, make_story):
    for n in range(21):
        make_story(title=f"Flood update {n}", days_ago=n / 10)
    assert canonical(page_of(client, "/world/?lite=1&page=2")) == [f"{BASE}/world/?page=2"]
    assert canonical(page_of(client, "/world/?lite=1&page=abc")) == [f"{BASE}/world/"]

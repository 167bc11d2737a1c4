"""Several editions on one install, and the Urdu (right-to-left) edition the model is ready for."""

import json

import pytest
from wagtail.models import Locale

from masthead.news import services
from tests.conftest import paragraphs


@pytest.fixture
def second_edition(edition):
    site = services.create_edition(name="MM Sport", hostname="sport.example.org", is_default=False)
    section = services.create_section(site.root_page.specific, title="Cricket")
    return site, section


def test_each_edition_shows_only_its_own_stories(client, make_story, second_edition):
    _, cricket = second_edition
    ours = make_story(title="Budget passes", tags=["shared-tag"])
    theirs = services.file_story(
        cricket, services.StoryDraft(title="Kestrels win the final", paragraphs=paragraphs(3), tags=["shared-tag"]), publish=True
    )

    home = client.get("/").content.decode()
    assert "Budget passes" in home and "Kestrels win the final" not in home
    sport_home = client.get("/", HTTP_HOST="sport.example.org").content.decode()
    assert "Kestrels win the final" in sport_home and "Budget passes" not in sport_home
    assert "MM Sport" in sport_home

    tag = client.get("/tags/shared-tag/").content.decode()
    assert "Budget passes" in tag and "Kestrels win the final" not in tag
    assert client.get(theirs.url_path.replace("/mm-sport", "", 1), HTTP_HOST="sport.example.org").status_code == 200
    assert ours.pk != theirs.pk


def test_read_more_never_crosses_editions(client, make_story, second_edition):
    from masthead.news import querysets

    _, cricket = second_edition
    services.file_story(
        cricket, services.StoryDraft(title="Other edition", paragraphs=paragraphs(3), tags=["floods"]), publish=True
    )
    story = make_story(tags=["floods"])
    assert querysets.related_story(story, [t.pk for t in story.tags.all()]) is None


def test_each_edition_has_its_own_settings(client, edition, second_edition):
    from masthead.web.models import EditionSettings

    site, _ = second_edition
    EditionSettings.objects.update_or_create(site=site, defaults={"tagline": "Every ball, live", "hijri_style": "standard"})
    assert "Every ball, live" in client.get("/", HTTP_HOST="sport.example.org").content.decode()
    assert "Every ball, live" not in client.get("/").content.decode()


def test_urdu_translation_of_a_story_is_served_right_to_left(client, make_story, edition):
    urdu = Locale.objects.create(language_code="ur")
    story = make_story(title="Budget passes", dateline="Karachi")
    # An Urdu edition is a translated tree: no migration of existing stories is needed.
    urdu_home = edition.home.copy_for_translation(urdu)
    urdu_home.save_revision().publish()
    section = edition.sections["world"].copy_for_translation(urdu)
    section.save_revision().publish()
    year = story.get_parent().specific.copy_for_translation(urdu)
    year.save_revision().publish()
    translated = story.copy_for_translation(urdu)
    translated.title = "بجٹ منظور"
    translated.save_revision().publish()
    translated.refresh_from_db()

    from wagtail.models import Site

    Site.objects.create(hostname="urdu.example.org", port=80, site_name="ایم ایم نیوز", root_page=urdu_home)
    url = translated.get_url_parts()[2]
    html = client.get(url, HTTP_HOST="urdu.example.org").content.decode()
    assert '<html lang="ur" dir="rtl">' in html
    assert "بجٹ منظور" in html
    assert translated.translation_key == story.translation_key


# --- An Urdu edition beside the English one: each reader stays in their own -------------------


@pytest.fixture
def two_editions(edition, make_story, author, interfax):
    """The same tag, author and agency on an English story and on an original Urdu one."""
    from tests.editions import urdu_edition_of

    urdu = urdu_edition_of(edition)
    english = make_story(title="Karachi floods: English report", tags=["floods"], authors=[author], agency=interfax)
    original = urdu.file("Karachi سیلاب: اردو رپورٹ", tags=["floods"], authors=[author], agency=interfax)
    return urdu, english, original


ENGLISH_TITLE = "Karachi floods: English report"
URDU_TITLE = "Karachi سیلاب: اردو رپورٹ"


@pytest.mark.parametrize(
    "path",
    [
        "/",
        "/world/",
        "/tags/floods/",
        "/authors/sana-qureshi/",
        "/agencies/interfax/",
        "/feed/",
        "/world/feed/atom/",
        "/tags/floods/feed/",
        "/authors/sana-qureshi/feed/atom/",
        "/agencies/interfax/feed/",
        "/news-sitemap.xml",
        "/search/?q=Karachi",
        "/api/v1/articles",
        "/api/v1/articles?tag=floods",
        "/api/v1/articles?author=sana-qureshi",
        "/api/v1/articles?agency=interfax",
        "/api/v1/search?q=Karachi",
    ],
)
def test_each_edition_lists_only_its_own_stories_everywhere(client, two_editions, path):
    from tests.editions import URDU_HOST

    def text(host):
        response = client.get(path, HTTP_HOST=host)
        assert response.status_code == 200, (host, path, response.status_code)
        return json.dumps(response.json(), ensure_ascii=False) if path.startswith("/api/") else response.content.decode()

    english, urdu = text("testserver"), text(URDU_HOST)
    assert ENGLISH_TITLE in english and URDU_TITLE not in english
    assert URDU_TITLE in urdu and ENGLISH_TITLE not in urdu


def test_each_editions_month_sitemap_holds_only_its_own_stories(client, two_editions):
    from django.utils.encoding import iri_to_uri

    from tests.editions import URDU_HOST

    urdu, english, original = two_editions
    month = f"/sitemaps/{english.published_at:%Y-%m}.xml"
    ours = client.get(month).content.decode()
    theirs = client.get(month, HTTP_HOST=URDU_HOST).content.decode()
    english_path = english.url_path.replace("/mm-news", "", 1)
    assert english_path in ours and urdu.path_of(original) not in ours
    assert iri_to_uri(f"http://{URDU_HOST}{urdu.path_of(original)}") in theirs and english_path not in theirs


def test_a_translated_author_and_agency_resolve_in_their_own_edition(client, two_editions, author, interfax):
    """A translation keeps the slug (unique per locale): each host finds its own, never a 500 or the other's."""
    from tests.editions import URDU_HOST

    urdu, english, original = two_editions
    urdu_author = author.copy_for_translation(urdu.locale)
    urdu_author.name = "ثنا قریشی"
    urdu_author.save()
    urdu_agency = interfax.copy_for_translation(urdu.locale)
    urdu_agency.name = "انٹرفیکس"
    urdu_agency.save()
    original.authors.set([urdu_author])
    original.agency = urdu_agency
    original.save_revision().publish()

    for path, english_name, urdu_name in [
        ("/authors/sana-qureshi/", "Sana Qureshi", "ثنا قریشی"),
        ("/agencies/interfax/", "Interfax", "انٹرفیکس"),
    ]:
        for suffix in ("", "feed/", "feed/atom/"):
            ours = client.get(path + suffix)
            theirs = client.get(path + suffix, HTTP_HOST=URDU_HOST)
            assert ours.status_code == theirs.status_code == 200, path + suffix
            assert english_name in ours.content.decode() and urdu_name not in ours.content.decode()
            assert urdu_name in theirs.content.decode() and URDU_TITLE in theirs.content.decode()
    api = client.get("/api/v1/articles?author=sana-qureshi", HTTP_HOST=URDU_HOST).json()
    assert [item["id"] for item in api["items"]] == [original.pk]


def test_a_tag_in_urdu_script_has_a_listing_and_feeds(client, edition):
    from tests.editions import URDU_HOST, urdu_edition_of

    urdu = urdu_edition_of(edition)
    story = urdu.file("سیلاب کی تازہ صورتحال", tags=["سیلاب"])
    tag = story.tags.get()
    html = client.get(urdu.path_of(story), HTTP_HOST=URDU_HOST).content.decode()
    from django.urls import reverse

    listing = reverse("web:tag", kwargs={"slug": tag.slug})
    assert f'href="{listing}"' in html
    for path in (listing, reverse("feeds:tag-feed", kwargs={"slug": tag.slug})):
        response = client.get(path, HTTP_HOST=URDU_HOST)
        assert response.status_code == 200 and "سیلاب کی تازہ صورتحال" in response.content.decode()


def test_read_more_uses_the_translation_of_the_editors_pick(client, make_story, edition):
    from masthead.news import querysets
    from tests.editions import URDU_HOST, urdu_edition_of

    urdu = urdu_edition_of(edition)
    pick = make_story(title="Background: the dam", days_ago=2)
    story = make_story(title="Dam opens", related_article=pick)
    urdu_pick = urdu.translate(pick, "پس منظر: ڈیم")
    urdu_story = urdu.translate(story, "ڈیم کھل گیا")
    assert urdu_story.related_article_id == pick.pk  # what a translation copies: the English story

    html = client.get(urdu.path_of(urdu_story), HTTP_HOST=URDU_HOST).content.decode()
    assert f'<a href="{urdu.path_of(urdu_pick)}">پس منظر: ڈیم</a>' in html
    assert "Background: the dam" not in html
    english = client.get(story.url_path.replace("/mm-news", "", 1)).content.decode()
    assert '<a href="/world/' in english and "Background: the dam</a>" in english

    # No translation of the pick in this edition: never a link to the other edition.
    urdu_pick.unpublish()
    related = querysets.related_story(urdu_story, [])
    assert related is None or related.path.startswith(urdu.home.path)


def test_read_more_never_links_off_the_urdu_edition(client, make_story, edition):
    from tests.editions import URDU_HOST, urdu_edition_of

    urdu = urdu_edition_of(edition)
    english = make_story(title="Floods in Sindh", tags=["floods"])
    original = urdu.file("سندھ میں سیلاب", tags=["floods"], related_article=english)
    html = client.get(urdu.path_of(original), HTTP_HOST=URDU_HOST).content.decode()
    assert "Floods in Sindh" not in html and english.url_path.replace("/mm-news", "", 1) not in html

"""The demo's Urdu edition: its own Site on ur.localhost, translating the English edition, kept apart from it."""

from __future__ import annotations

import re
from unittest import mock

from wagtail.models import Locale, Site

from masthead.demo import content, content_ur
from masthead.demo.load import load_demo
from masthead.demo.urdu import load_urdu_edition, urdu_home
from masthead.news.models import Agency, ArticlePage, Author, HomePage, SectionPage
from masthead.web.models import EditionSettings

URDU = content_ur.HOSTNAME
URDU_LETTERS = re.compile(r"[\u0600-\u06ff]")


def test_the_demo_serves_an_urdu_edition_beside_the_english_one(db, client):
    """One load of the demo (about a minute) for every check of what it made."""
    load_demo()
    demo = urdu_home()
    _two_sites_each_serving_its_own_home(demo, client)
    _an_urdu_story_is_served_on_its_own_host_only(client)
    _sections_authors_and_agency_are_urdu_translations(demo)
    _stories_are_urdu_and_some_translate_english_ones(demo)
    _the_urdu_home_leads_with_its_own_curated_story(demo)
    _loading_twice_changes_nothing(demo)


def _two_sites_each_serving_its_own_home(demo, client):
    english, urdu = Site.objects.get(is_default_site=True), Site.objects.get(hostname=URDU)
    assert Site.objects.count() == 2
    assert not urdu.is_default_site and urdu.port == english.port
    assert urdu.root_page.specific == demo and demo.locale.language_code == "ur"
    # Linked homes would make the English Site claim the Urdu tree (Wagtail's Site.get_site_root_paths).
    assert demo.translation_key != english.root_page.translation_key
    settings = EditionSettings.for_site(urdu)
    assert settings.tagline == content_ur.TAGLINE and "ڈیمو" in settings.tagline and "خیالی" in settings.tagline
    assert settings.hijri_style == "urdu" and settings.time_zone == "Asia/Karachi" and settings.share_picture_id

    page = client.get("/", HTTP_HOST=URDU)
    html = page.content.decode()
    assert page.status_code == 200
    assert re.search(r'<html[^>]*\blang="ur"', html) and re.search(r'<html[^>]*\bdir="rtl"', html)
    assert content_ur.SITE_NAME in html
    lead = next(spec for spec in content_ur.STORIES if spec.key == content_ur.LEAD_STORY)
    assert lead.title in html

    english_home = client.get("/", HTTP_HOST="localhost").content.decode()
    assert not URDU_LETTERS.search(_titles(english_home)), "no Urdu story on the English home"
    for spec in content_ur.STORIES:
        assert spec.title not in english_home


def _titles(html: str) -> str:
    """The headlines of a page (its <h2>/<h3> text), where a story of the other edition would show."""
    return " ".join(re.findall(r"<h[23][^>]*>(.*?)</h[23]>", html, re.S))


def _an_urdu_story_is_served_on_its_own_host_only(client):
    story = ArticlePage.objects.get(locale__language_code="ur", slug="haveli-mushaira")
    site_id, root_url, path = story.get_url_parts()
    assert (site_id, root_url) == (Site.objects.get(hostname=URDU).pk, f"http://{URDU}"), "its address is on its own host"
    assert path.startswith("/culture/") and path.endswith("/haveli-mushaira/")
    page = client.get(path, HTTP_HOST=URDU)
    assert page.status_code == 200
    html = page.content.decode()
    assert story.title in html and "بزمِ نو" in html
    related = ArticlePage.objects.get(pk=story.related_article_id)
    assert related.locale == story.locale and related.get_url_parts()[0] == Site.objects.get(hostname=URDU).pk
    assert client.get(path, HTTP_HOST="localhost").status_code == 404


def _sections_authors_and_agency_are_urdu_translations(demo):
    sections = SectionPage.objects.child_of(demo).order_by("path")
    assert [s.slug for s in sections] == [spec.slug for spec in content_ur.SECTIONS]
    assert [s.title for s in sections] == ["پاکستان", "دنیا", "کاروبار", "کھیل", "ثقافت"]
    for section in sections:
        english = section.get_translation(Locale.get_default())
        assert english.slug == section.slug and english.get_parent().specific.title == content.SITE_NAME
        assert section.live and section.url_path.startswith(demo.url_path)

    urdu_authors = Author.objects.filter(locale__language_code="ur")
    assert urdu_authors.count() == len(content_ur.AUTHORS) >= 3
    translated = [author for author in urdu_authors if author.has_translation(Locale.get_default())]
    assert len(translated) == 3, "three Urdu bylines are translations of English ones"
    assert all(URDU_LETTERS.search(author.name) for author in urdu_authors)

    app = Agency.objects.get(locale__language_code="ur")
    english_app = app.get_translation(Locale.get_default())
    assert english_app.short_name == "APP" and app.short_name == "اے پی پی" and app.slug == english_app.slug
    assert Agency.objects.resolve("APP") == english_app, "the wire desk's credit lines still mean the English agency"
    agency_story = ArticlePage.objects.get(locale__language_code="ur", agency=app)
    assert agency_story.live and not agency_story.authors.exists()


def _stories_are_urdu_and_some_translate_english_ones(demo):
    stories = ArticlePage.objects.live().descendant_of(demo)
    assert stories.count() == len(content_ur.STORIES) >= 10
    for story in stories:
        assert story.locale.language_code == "ur" and URDU_LETTERS.search(story.title), story.slug
        assert story.tags.exists() and all(URDU_LETTERS.search(tag.name) for tag in story.tags.all()), story.slug
    translations = [story for story in stories if story.has_translation(Locale.get_default())]
    assert len(translations) == len(content_ur.TRANSLATION_OF) >= 3
    for story in translations:
        english = story.get_translation(Locale.get_default())
        assert english.live and not URDU_LETTERS.search(english.title)
        source = next(spec for spec in content.STORIES if spec.key == content_ur.TRANSLATION_OF[story.slug])
        assert english.title == source.title
    assert sum(1 for story in stories if story.hero_image_id) >= 5
    assert stories.filter(related_article__isnull=False).exists()


def _the_urdu_home_leads_with_its_own_curated_story(demo):
    slots = list(demo.front_slots.order_by("sort_order"))
    assert slots and slots[0].story.slug == content_ur.LEAD_STORY
    assert all(slot.story.locale_id == demo.locale_id for slot in slots)


def _loading_twice_changes_nothing(demo):
    counts = (Site.objects.count(), HomePage.objects.count(), ArticlePage.objects.count(), Author.objects.count())
    assert load_urdu_edition() == demo
    load_demo()
    assert (Site.objects.count(), HomePage.objects.count(), ArticlePage.objects.count(), Author.objects.count()) == counts


def test_added_to_a_demo_made_before_it(db):
    with mock.patch("masthead.demo.urdu.load_urdu_edition"):  # the English edition alone: a demo home made before
        load_demo()
    assert urdu_home() is None
    load_demo()
    assert urdu_home() is not None and Site.objects.filter(hostname=URDU).exists()


def test_nothing_to_translate_without_the_english_edition(db):
    assert load_urdu_edition() is None
    assert not Site.objects.filter(hostname=URDU).exists()

"""Dates as each edition's readers see them: an Urdu edition's in Urdu, an English one's as before, on one install."""

from __future__ import annotations

import datetime as dt

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from wagtail.models import Locale

from masthead.news import services
from masthead.web.lite import lite_url
from masthead.web.models import EditionSettings
from tests.conftest import paragraphs
from tests.corrections.conftest import add_note

SEED_MOMENT = dt.datetime(2023, 5, 28, 6, 0, tzinfo=dt.UTC)  # 11:00 in Karachi
URDU_HOST = "urdu.example.org"

URDU_TODAY = "اتوار ۲۸ مئی ۲۰۲۳ / ۸ ذوالقعدہ ۱۴۴۴"
URDU_PUBLISHED = "اتوار ۲۸ مئی ۲۰۲۳ / ۸ ذوالقعدہ ۱۴۴۴، ۱۱:۰۰ PKT"
ENGLISH_TODAY = "Sunday 28th May 2023 / 8 Zulkaedah 1444"
# English date words that must not reach an Urdu reader.
ENGLISH_WORDS = ("Sunday", "May 2023", "Zulkaedah", "28th")


@pytest.fixture
def frozen_seed_day(monkeypatch):
    monkeypatch.setattr(timezone, "now", lambda: SEED_MOMENT)


@pytest.fixture
def urdu_story(edition, frozen_seed_day):
    """A story of an Urdu edition on its own host, beside the English edition on ``testserver``."""
    urdu = Locale.objects.create(language_code="ur")
    site = services.create_edition(name="ایم ایم نیوز", hostname=URDU_HOST, is_default=False, locale=urdu)
    section = services.create_section(site.root_page.specific, title="دنیا", slug="dunya")
    draft = services.StoryDraft(title="بجٹ منظور", paragraphs=paragraphs(3))
    return services.file_story(section, draft, publish=True, published_at=SEED_MOMENT)


def urdu_page(client, path: str) -> str:
    response = client.get(path, HTTP_HOST=URDU_HOST)
    assert response.status_code == 200, (path, response.status_code)
    return response.content.decode()


def story_path(story) -> str:
    return story.get_url_parts()[2]


def test_urdu_edition_dates_are_urdu(client, urdu_story):
    home = urdu_page(client, "/")
    assert f">{URDU_TODAY}</time>" in home  # the masthead
    assert URDU_PUBLISHED in home  # the story's card
    article = urdu_page(client, story_path(urdu_story))
    assert f">{URDU_TODAY}</time>" in article
    assert f'<time datetime="2023-05-28T06:00:00+00:00">{URDU_PUBLISHED}</time>' in article
    assert "<p>© ۲۰۲۳ ایم ایم نیوز</p>" in article
    lite = urdu_page(client, lite_url(story_path(urdu_story)))
    assert URDU_TODAY in lite and URDU_PUBLISHED in lite
    for page in (home, article, lite):
        assert not [word for word in ENGLISH_WORDS if word in page]


def test_urdu_archive_year_and_note_dates(client, urdu_story):
    year = urdu_page(client, urdu_story.get_parent().get_url_parts()[2])
    assert "<h1>۲۰۲۳</h1>" in year
    add_note(urdu_story, "ووٹوں کی تعداد درست کر دی گئی۔", at=SEED_MOMENT)
    article = urdu_page(client, story_path(urdu_story))
    assert "۲۸ مئی ۲۰۲۳، ۱۱:۰۰ PKT" in article
    assert "May" not in article


def test_english_edition_is_unchanged_beside_an_urdu_one(client, urdu_story, make_story):
    story = make_story(title="Budget passes")
    home = client.get("/").content.decode()
    assert f">{ENGLISH_TODAY}</time>" in home
    assert "Sunday 28th May 2023 / 8 Zulkaedah 1444, 11:00 PKT" in home
    assert "اتوار" not in home and "۲" not in client.get(story.url).content.decode()


def test_urdu_edition_with_latin_digits(client, urdu_story):
    EditionSettings.objects.update_or_create(site=urdu_story.get_site(), defaults={"digits": "latin"})
    home = urdu_page(client, "/")
    assert "اتوار 28 مئی 2023 / 8 ذوالقعدہ 1444" in home
    assert "اتوار 28 مئی 2023 / 8 ذوالقعدہ 1444، 11:00 PKT" in home
    assert "۲۸" not in home


def test_english_edition_isolates_a_right_to_left_hijri_half(client, edition, frozen_seed_day):
    EditionSettings.objects.update_or_create(site=edition.site, defaults={"hijri_style": "urdu"})
    home = client.get("/").content.decode()
    # Without the isolate, bidi puts the Hijri year beside the day.
    assert ">Sunday 28th May 2023 / <bdi>۸ ذوالقعدہ ۱۴۴۴</bdi></time>" in home


def test_digits_setting_costs_no_query(client, urdu_story):
    path = story_path(urdu_story)
    urdu_page(client, path)  # warm
    with CaptureQueriesContext(connection) as before:
        urdu_page(client, path)
    EditionSettings.objects.update_or_create(site=urdu_story.get_site(), defaults={"digits": "latin"})
    urdu_page(client, path)
    with CaptureQueriesContext(connection) as after:
        assert "11:00 PKT" in urdu_page(client, path)
    assert len(after) == len(before)


def test_live_entry_times_follow_the_edition(urdu_story):
    from masthead.web import snapshot
    from masthead.web.edition import Edition

    data = snapshot.EditionData(site=urdu_story.get_site(), home=None, settings=EditionSettings(), language="ur")
    urdu = Edition(site=data.site, settings=data.settings, language=data.language)
    english = Edition(site=data.site, settings=EditionSettings())
    earlier = SEED_MOMENT - dt.timedelta(days=1)
    assert urdu.clock_time(SEED_MOMENT) == "۱۱:۰۰"
    assert urdu.clock_time(earlier) == "۲۷ مئی ۱۱:۰۰"
    assert english.clock_time(SEED_MOMENT) == "11:00"
    assert english.clock_time(earlier) == "27 May 11:00"
    assert english.short_date(SEED_MOMENT) == "28 May 2023, 11:00 PKT"


def test_digits_are_a_setting_in_the_edition_settings_panel(admin_client, urdu_story):
    site = urdu_story.get_site()
    html = admin_client.get(f"/admin/settings/web/editionsettings/{site.pk}/").content.decode()
    assert 'name="digits"' in html and "Urdu (۰۱۲۳۴۵۶۷۸۹)" in html and "Latin (0123456789)" in html

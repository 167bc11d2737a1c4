"""Several editions on one install, and the Urdu (right-to-left) edition the model is ready for."""

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

"""Translating a story in the admin: simple_translation's "Translate" form, one request, parents included."""

from __future__ import annotations

import re

from django.urls import reverse
from wagtail.models import Page

from masthead.news.models import ArchiveYearPage, ArticlePage, SectionPage
from tests.news.test_publish_once import publish_form


def translate_url(page) -> str:
    # simple_translation's own URL name: the page header's and the explorer's "Translate" buttons use it.
    return reverse("simple_translation:submit_page_translation", args=[page.pk])


def text_of(response) -> str:
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", response.content.decode()))


def test_one_request_makes_the_section_the_year_folder_and_a_draft_story(client, editor, english_story, urdu_edition, urdu):
    client.force_login(editor)
    response = client.post(translate_url(english_story), {"locales": [urdu.pk]})

    translation = ArticlePage.objects.get(locale=urdu)
    assert response.status_code == 302 and response["Location"] == reverse("wagtailadmin_pages:edit", args=[translation.pk])
    assert translation.translation_key == english_story.translation_key
    assert not translation.live and translation.latest_revision_id is not None and translation.has_unpublished_changes
    assert translation.owner == editor  # on the translator's desk ("My drafts")

    folder = translation.get_parent().specific
    section = folder.get_parent().specific
    source_folder = english_story.get_parent().specific
    source_section = source_folder.get_parent().specific
    assert isinstance(folder, ArchiveYearPage) and isinstance(section, SectionPage)
    assert section.get_parent().pk == urdu_edition.root_page_id
    assert (folder.translation_key, folder.locale, folder.slug) == (source_folder.translation_key, urdu, source_folder.slug)
    assert (section.translation_key, section.locale, section.slug) == (source_section.translation_key, urdu, "world")
    # Containers are live (a story under an unpublished section could never be read) but out of the menu.
    assert folder.live and section.live and not section.show_in_menus
    assert translation.section_id == section.pk and translation.folder_id == folder.pk

    english_story.refresh_from_db()
    assert english_story.live and ArticlePage.objects.filter(live=True).count() == 1

    page = client.get(response["Location"])
    assert "Translation of ‘Budget agreed after a night of talks’ (English)" in text_of(page)
    assert "Created in the Urdu edition to hold it, published: World , " + folder.title in text_of(page)
    assert "kept out of the edition's menu" in text_of(page)


def test_a_second_story_of_the_section_reuses_its_translated_parents(client, editor, edition, english_story, urdu_edition, urdu):
    from masthead.news import services

    second = services.file_story(edition.sections["world"], services.StoryDraft(title="Second", paragraphs=["<p>x</p>"]))
    client.force_login(editor)
    client.post(translate_url(english_story), {"locales": [urdu.pk]})
    pages = Page.objects.count()
    client.post(translate_url(second), {"locales": [urdu.pk]})
    assert Page.objects.count() == pages + 1
    assert SectionPage.objects.filter(locale=urdu).count() == 1 and ArchiveYearPage.objects.filter(locale=urdu).count() == 1


def test_the_year_folder_a_story_written_in_urdu_made_is_used(client, editor, english_story, urdu_edition, urdu):
    from masthead.news import services

    client.force_login(editor)
    world = SectionPage.objects.get(pk=english_story.section_id)
    client.post(translate_url(world), {"locales": [urdu.pk]})
    urdu_world = SectionPage.objects.get(locale=urdu)
    own = services.file_story(urdu_world, services.StoryDraft(title="اپنی خبر", paragraphs=["<p>متن</p>"]), publish=True)
    client.post(translate_url(english_story), {"locales": [urdu.pk]})
    translation = ArticlePage.objects.get(locale=urdu, translation_key=english_story.translation_key)
    assert translation.get_parent().pk == own.get_parent().pk
    assert ArchiveYearPage.objects.filter(locale=urdu).count() == 1


def test_without_an_urdu_edition_the_form_says_so_and_nothing_is_made(client, editor, english_story, urdu):
    client.force_login(editor)
    form = text_of(client.get(translate_url(english_story)))
    assert "No edition in Urdu yet (Settings → Sites)" in form
    pages = Page.objects.count()
    response = client.post(translate_url(english_story), {"locales": [urdu.pk]})
    assert response.status_code == 200
    assert "There is no Urdu edition to put this translation in" in text_of(response)
    assert Page.objects.count() == pages


def test_a_reporter_translates_anyones_story_but_cannot_publish_it(client, reporter, english_story, urdu_edition, urdu):
    client.force_login(reporter)
    response = client.post(translate_url(english_story), {"locales": [urdu.pk]})
    translation = ArticlePage.objects.get(locale=urdu)
    assert response.status_code == 302 and translation.owner == reporter
    assert translation.permissions_for_user(reporter).can_edit()
    assert not translation.permissions_for_user(reporter).can_publish()

    client.post(reverse("wagtailadmin_pages:edit", args=[translation.pk]), publish_form(translation, title="بجٹ منظور"))
    translation.refresh_from_db()
    assert not translation.live


def test_an_editor_publishes_the_translation(client, editor, english_story, urdu_edition, urdu):
    client.force_login(editor)
    client.post(translate_url(english_story), {"locales": [urdu.pk]})
    translation = ArticlePage.objects.get(locale=urdu)
    client.post(reverse("wagtailadmin_pages:edit", args=[translation.pk]), publish_form(translation, title="بجٹ منظور"))
    translation.refresh_from_db()
    assert translation.live and translation.title == "بجٹ منظور"


def test_wire_desk_may_not_translate(client, staff, english_story, urdu_edition, urdu):
    from masthead.users import roles

    client.force_login(staff(roles.WIRE_DESK))
    client.post(translate_url(english_story), {"locales": [urdu.pk]})
    assert not ArticlePage.objects.filter(locale=urdu).exists()

"""services.translate: parents made once, refusals that write nothing, rights checked on the target edition."""

from __future__ import annotations

import pytest
from django.core.exceptions import PermissionDenied
from wagtail.models import Page

from masthead.news import services as news
from masthead.news.models import ArticlePage, SectionPage
from masthead.translation import services
from masthead.users import roles


def test_no_edition_in_the_language_is_refused_and_nothing_is_written(editor, english_story, urdu):
    pages = Page.objects.count()
    with pytest.raises(services.TranslationRefused, match="no Urdu edition"):
        services.translate(english_story, urdu, user=editor)
    assert Page.objects.count() == pages


def test_a_second_translation_into_one_language_is_refused(editor, english_story, urdu_edition, urdu):
    services.translate(english_story, urdu, user=editor)
    with pytest.raises(services.TranslationRefused, match="already has a Urdu translation"):
        services.translate(english_story, urdu, user=editor)


def test_staff_without_rights_on_the_target_edition_are_refused(reporter, english_story, urdu_edition, urdu):
    roles.grant_edition(urdu_edition.root_page, staff="Urdu edition")  # the newsroom's reporters lose it
    pages = Page.objects.count()
    with pytest.raises(PermissionDenied):
        services.translate(english_story, urdu, user=reporter)
    assert Page.objects.count() == pages


def test_a_home_linked_as_translation_wins_over_another_edition_of_the_language(edition, editor, english_story, urdu):
    first = news.create_edition(name="Urdu one", hostname="one.ur.localhost", is_default=False, locale=urdu)
    second = news.create_edition(name="Urdu two", hostname="two.ur.localhost", is_default=False, locale=urdu)
    assert services.edition_homes(edition.home, [urdu]) == {urdu.pk: None}  # two editions, neither linked: no guess
    Page.objects.filter(pk=second.root_page_id).update(translation_key=edition.home.translation_key)
    made = services.translate(english_story, urdu, user=editor).page
    assert made.get_ancestors().filter(depth=2).get().pk == second.root_page_id != first.root_page_id


def test_a_section_slug_taken_in_the_target_edition_gets_a_free_one(editor, english_story, urdu_edition, urdu):
    news.create_section(urdu_edition.root_page.specific, title="ورلڈ", slug="world")  # written in Urdu, not a translation
    made = services.translate(english_story, urdu, user=editor).page
    section = SectionPage.objects.get(pk=made.section_id)
    assert (
        section.slug == "world-1"
        and section.translation_key == ArticlePage.objects.get(pk=english_story.pk).section.translation_key
    )

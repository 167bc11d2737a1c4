"""Two editions of one newsroom: the test edition in English, and its Urdu translation tree on a host of its own.

The Urdu edition is built as an operator builds one: the English home and
sections translated into Urdu (so each is a translation of the other, as
``hreflang`` needs), and a Wagtail Site on ``ur.localhost`` serving the
translated home.
"""

from __future__ import annotations

from dataclasses import dataclass

from wagtail.models import Locale, Site

from masthead.news import services
from masthead.news.models import ArticlePage, HomePage, SectionPage

URDU_HOST = "ur.localhost"
URDU_PARAGRAPHS = [f"<p>پیراگراف {n}: کونسل نے منگل کو بجٹ کی منظوری دی۔</p>" for n in range(1, 7)]


@dataclass
class UrduEdition:
    site: Site
    locale: Locale
    home: HomePage
    sections: dict[str, SectionPage]

    def file(self, title: str, section: str = "world", **fields) -> ArticlePage:
        """An original Urdu story, published in this edition."""
        fields.setdefault("paragraphs", URDU_PARAGRAPHS)
        return services.file_story(self.sections[section], services.StoryDraft(title=title, **fields), publish=True)

    def translate(self, story: ArticlePage, title: str) -> ArticlePage:
        """The Urdu translation of an English story, published (its year folder translated first when needed)."""
        year = story.get_parent().specific
        if year.get_translation_or_none(self.locale) is None:
            year.copy_for_translation(self.locale).save_revision().publish()
        translated = story.copy_for_translation(self.locale)
        translated.title = title
        translated.save_revision().publish()
        translated.refresh_from_db()
        return translated

    def path_of(self, page) -> str:
        """A page's path on the Urdu host."""
        return "/" + page.url_path[len(self.home.url_path) :]


def urdu_edition_of(edition) -> UrduEdition:
    locale, _ = Locale.objects.get_or_create(language_code="ur")
    home = edition.home.copy_for_translation(locale)
    home.title = "ایم ایم نیوز"
    home.save_revision().publish()
    sections = {}
    for slug, english in edition.sections.items():
        section = english.copy_for_translation(locale)
        section.save_revision().publish()
        sections[slug] = section
    site = Site.objects.create(hostname=URDU_HOST, port=80, site_name="ایم ایم نیوز", root_page=home)
    return UrduEdition(site=site, locale=locale, home=home, sections=sections)

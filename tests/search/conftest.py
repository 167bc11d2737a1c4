"""An Urdu edition beside the English one, as an operator builds it (README: "Adding an edition in another language")."""

from __future__ import annotations

import pytest

URDU_HOST = "ur.localhost"


@pytest.fixture
def urdu_edition(edition, settings):
    from wagtail.models import Locale

    from masthead.news import services

    settings.ALLOWED_HOSTS = [*settings.ALLOWED_HOSTS, URDU_HOST]
    site = services.create_edition(
        name="ایم ایم نیوز", hostname=URDU_HOST, is_default=False, locale=Locale.objects.get_or_create(language_code="ur")[0]
    )
    return services.create_section(site.root_page.specific, title="قومی خبریں", slug="qaumi")


@pytest.fixture
def make_urdu_story(urdu_edition):
    from masthead.news import services

    def make(title: str, *paragraphs: str):
        draft = services.StoryDraft(title=title, paragraphs=[f"<p>{text}</p>" for text in paragraphs] or ["<p>تفصیلات جلد۔</p>"])
        return services.file_story(urdu_edition, draft, publish=True)

    return make

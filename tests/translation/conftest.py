"""Two editions: English on testserver (tests/conftest.py's ``edition``) and an Urdu one holding only its home."""

from __future__ import annotations

import pytest
from django.contrib.auth.models import Group
from wagtail.models import Locale

from masthead.news import services
from masthead.users import roles


@pytest.fixture
def urdu(db):
    return Locale.objects.create(language_code="ur")


@pytest.fixture
def urdu_edition(edition, urdu):
    """The Urdu edition as an operator makes it: a Site and its home, nothing under it yet."""
    return services.create_edition(name="ایم ایم نیوز", hostname="ur.localhost", is_default=False, locale=urdu)


@pytest.fixture
def english_story(edition):
    draft = services.StoryDraft(title="Budget agreed after a night of talks", paragraphs=["<p>The council met.</p>"])
    return services.file_story(edition.sections["world"], draft, publish=True)


@pytest.fixture
def staff(django_user_model):
    def make(role: str):
        user = django_user_model.objects.create_user(role.lower().replace(" ", "-"), f"{role[:3]}@example.org", "pw")
        user.groups.add(Group.objects.get(name=role))
        return user

    return make


@pytest.fixture
def editor(staff):
    return staff(roles.EDITORS)


@pytest.fixture
def reporter(staff):
    return staff(roles.REPORTERS)

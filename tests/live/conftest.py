from __future__ import annotations

import pytest
from django.contrib.auth.models import Group

from masthead.users import roles


def member(django_user_model, name: str, *groups: str, first_name: str = ""):
    user = django_user_model.objects.create_user(name, f"{name}@example.org", "pw", first_name=first_name, last_name="Demo")
    user.groups.add(*Group.objects.filter(name__in=groups))
    return user


@pytest.fixture
def reporter(edition, django_user_model):
    return member(django_user_model, "reporter", roles.REPORTERS, first_name="Rubina")


@pytest.fixture
def editor(edition, django_user_model):
    return member(django_user_model, "editor", roles.EDITORS, first_name="Imran")


@pytest.fixture
def outsider(edition, django_user_model):
    return member(django_user_model, "outsider", first_name="Olga")


@pytest.fixture
def live_story(make_story, editor, reporter):
    from masthead.live import services

    story = make_story(title="Monsoon floods: live updates", tags=["floods"])
    story.owner = reporter  # the reporter's own story: Wagtail lets a Reporter edit it
    story.save(update_fields=["owner"])
    services.start_coverage(story, editor)
    return story


# The page cache around the app, as its own tests use it (a fixture, imported so pytest finds it here too).
from tests.pagecache.test_integration import site_cache  # noqa: E402, F401

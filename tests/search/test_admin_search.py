"""The admin's page search and the page chooser's search: newest first from the index, bounded, within permissions."""

from __future__ import annotations

import pytest
from django.contrib.auth.models import Group, Permission
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone
from wagtail.models import GroupPagePermission

from masthead.search import engine

ADMIN_SEARCH = "wagtailadmin_pages:search_results"
CHOOSER_SEARCH = "wagtailadmin_choose_page_search"


@pytest.fixture(autouse=True)
def index_as_saved(settings):
    """Wagtail queues its index updates as tasks: run them as they are queued, as a worker would."""
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}


def found(client, url_name, q, **params):
    response = client.get(reverse(url_name), {"q": q, **params})
    assert response.status_code == 200
    table = response.context["table"]
    return [page.title for page in table.data if not getattr(page, "is_parent_page", False)]


@pytest.fixture
def floods(make_story):
    """Six flood stories, the newest last made; and one about something else."""
    stories = [make_story(title=f"Flood report {n}", days_ago=6 - n) for n in range(6)]
    make_story(title="Budget approved")
    return stories


NEWEST_FIRST = [f"Flood report {n}" for n in reversed(range(6))]


@pytest.mark.parametrize("url_name", [ADMIN_SEARCH, CHOOSER_SEARCH])
def test_newest_first(admin_client, floods, url_name):
    assert found(admin_client, url_name, "flood report") == NEWEST_FIRST


@pytest.mark.parametrize("url_name", [ADMIN_SEARCH, CHOOSER_SEARCH])
def test_the_last_word_may_be_half_typed(admin_client, floods, url_name):
    assert found(admin_client, url_name, "flood rep") == NEWEST_FIRST
    assert found(admin_client, url_name, "rep flood") == []  # only the word being typed is a start
    assert found(admin_client, url_name, "bud") == ["Budget approved"]


@pytest.mark.parametrize("url_name", [ADMIN_SEARCH, CHOOSER_SEARCH])
def test_only_the_newest_candidates_are_weighed(admin_client, floods, url_name, monkeypatch):
    monkeypatch.setattr(engine, "CANDIDATES", 4)
    # The four most recently indexed: the cost of a search cannot grow with the archive.
    assert found(admin_client, url_name, "flood") == NEWEST_FIRST[:4]


def test_chooser_keeps_the_page_type_asked_for(admin_client, floods, edition):
    year_folder = f"World {timezone.now().year}"
    assert found(admin_client, CHOOSER_SEARCH, "world") == [year_folder, "World"]  # newest first
    assert found(admin_client, CHOOSER_SEARCH, "world", page_type="news.articlepage") == []


def test_admin_search_counts_page_types_among_the_matches(admin_client, floods):
    response = admin_client.get(reverse(ADMIN_SEARCH), {"q": "flood"})
    assert [(content_type.model, count) for content_type, count in response.context["content_types"]] == [("articlepage", 6)]


def test_empty_search_lists_the_newest_pages(admin_client, floods):
    response = admin_client.get(reverse(ADMIN_SEARCH))
    assert response.status_code == 200
    titles = [page.title for page in response.context["table"].data]
    assert titles[0] == "Budget approved"
    assert [title for title in titles if title.startswith("Flood")] == NEWEST_FIRST
    assert titles[-1] == "Root"  # never published, never saved as a draft


@pytest.fixture
def world_desk_editor(db, edition, django_user_model):
    """An editor whose group may edit the World section only."""
    group = Group.objects.create(name="World desk")
    group.permissions.add(Permission.objects.get(codename="access_admin"))
    GroupPagePermission.objects.create(
        group=group, page=edition.sections["world"], permission=Permission.objects.get(codename="change_page")
    )
    user = django_user_model.objects.create_user(username="world", password="x", email="world@example.com")
    user.groups.add(group)
    return user


def test_admin_search_shows_only_pages_the_editor_may_explore(client, make_story, world_desk_editor):
    make_story("world", title="Harbour in the world")
    make_story("business", title="Harbour in business")
    client.force_login(world_desk_editor)
    assert found(client, ADMIN_SEARCH, "harbour") == ["Harbour in the world"]


@pytest.mark.parametrize("url_name", [ADMIN_SEARCH, CHOOSER_SEARCH])
def test_query_count_does_not_grow_with_the_matches(admin_client, make_story, url_name):
    def queries():
        admin_client.get(reverse(url_name), {"q": "harbour"})  # warm: content types, site, user
        with CaptureQueriesContext(connection) as captured:
            assert admin_client.get(reverse(url_name), {"q": "harbour"}).status_code == 200
        return len(captured)

    for n in range(3):
        make_story(title=f"Harbour {n}")
    few = queries()
    for n in range(3, 30):
        make_story(title=f"Harbour {n}", section="business" if n % 2 else "world")
    assert queries() == few


@pytest.mark.parametrize("window", [1, 3, 1000])
def test_titles_beyond_the_newest_walked_are_still_found(admin_client, floods, monkeypatch, window):
    # PostgreSQL walks the newest entries first and asks the GIN index about older ones only when those fall short.
    monkeypatch.setattr(engine, "RECENT_TITLES", window)
    assert found(admin_client, ADMIN_SEARCH, "flood") == NEWEST_FIRST

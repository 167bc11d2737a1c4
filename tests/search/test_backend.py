"""The search backend: text stored folded, every query folded the same way, Urdu titles completed from their start."""

from __future__ import annotations

import pytest
from django.core.management import call_command
from django.urls import reverse
from modelsearch.query import And, Not, Phrase, PlainText
from wagtail.search.backends import get_search_backend

from masthead.news.models import ArticlePage
from masthead.search import backend, folding

ADMIN_SEARCH = "wagtailadmin_pages:search_results"
CHOOSER_SEARCH = "wagtailadmin_choose_page_search"
RAILWAY = "وزیرِ اعظم نے پاکِستان ریلوے کے نئے منصوبے کا افتتاح کیا"
RAIN = "كراچي ميں موسلا دھار بارش"  # as an Arabic keyboard types it


@pytest.fixture(autouse=True)
def index_as_saved(settings):
    """Wagtail queues its index updates as tasks: run them as they are queued, as a worker would."""
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}


@pytest.fixture
def urdu_stories(make_urdu_story):
    make_urdu_story(RAILWAY, "منصوبے پر لاگت کا تخمینہ اربوں روپے ہے۔")
    make_urdu_story(RAIN, "شہر کے نشیبی علاقے زیر آب آ گئے۔")


def titles_found(client, url_name, q):
    response = client.get(reverse(url_name), {"q": q})
    assert response.status_code == 200
    return [page.title for page in response.context["table"].data if not getattr(page, "is_parent_page", False)]


@pytest.mark.parametrize("url_name", [ADMIN_SEARCH, CHOOSER_SEARCH])
@pytest.mark.parametrize("typed", ["پاکست", "پاكست", "پاکستان ریل", "وزیر اعظم پاکس"])
def test_urdu_titles_are_completed_from_their_start(admin_client, urdu_stories, url_name, typed):
    # As in English: every word whole but the last, which may be the start of a word once it has three letters.
    assert titles_found(admin_client, url_name, typed) == [RAILWAY]


@pytest.mark.parametrize("url_name", [ADMIN_SEARCH, CHOOSER_SEARCH])
def test_arabic_keyboard_titles_are_found_with_urdu_letters(admin_client, urdu_stories, url_name):
    assert titles_found(admin_client, url_name, "کراچ") == [RAIN]
    assert titles_found(admin_client, url_name, "پاکست ریلوے") == []  # only the word being typed is a start


def test_wagtails_own_search_and_autocomplete_are_folded_too(urdu_stories):
    # What the fast path does not answer (whole-word search, "or") goes to Wagtail's search: same folding.
    assert [page.title for page in ArticlePage.objects.live().search("کراچی")] == [RAIN]
    assert [page.title for page in ArticlePage.objects.live().search(PlainText("پاكستان"))] == [RAILWAY]
    assert [page.title for page in ArticlePage.objects.live().autocomplete("كراچ", operator="or")] == [RAIN]


def test_the_index_stores_folded_text():
    assert get_search_backend().index_class.__name__.startswith("Folding")


def test_a_parsed_query_is_folded_in_a_copy():
    query = And([PlainText("كراچي"), Not(Phrase("پاکِستان"))])
    folded = backend.folded(query)
    assert folded.subqueries[0].query_string == "کراچی"
    assert folded.subqueries[1].subquery.query_string == "پاکستان"
    assert query.subqueries[0].query_string == "كراچي"  # the caller's query is left as it was
    assert backend.folded("ي") == "ی"


def test_update_index_rebuilds_rows_stored_before_folding(make_urdu_story, monkeypatch):
    # A story indexed by a release without folding (its Arabic-keyboard letters stored as typed) ...
    with monkeypatch.context() as unfolded:
        unfolded.setattr(folding, "fold", lambda text: text)
        make_urdu_story(RAIN)
    assert list(ArticlePage.objects.live().search("کراچی")) == []
    # ... is found once the index is rebuilt, as the README says to after an upgrade.
    call_command("update_index", verbosity=0)
    assert [page.title for page in ArticlePage.objects.live().search("کراچی")] == [RAIN]

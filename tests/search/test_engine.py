"""Search through the index with a bounded cost: every word must match, the newest stories come first."""

from __future__ import annotations

import pytest

from masthead.search import engine
from tests.conftest import paragraphs


def titles(client, q, page=None):
    from lxml import html

    params = {"q": q} | ({"page": page} if page else {})
    response = client.get("/search/", params)
    assert response.status_code == 200
    return [h.text_content().strip() for h in html.fromstring(response.content).xpath("//*[@class='card__title']")]


def test_every_word_must_match_in_headline_or_text(client, make_story):
    make_story(title="Harbour ferry plan approved")
    make_story(title="River port reopens", paragraphs=paragraphs(2, prefix="The harbour ferry"))
    make_story(title="Harbour dredging starts")
    found = titles(client, "harbour ferry")
    assert sorted(found) == ["Harbour ferry plan approved", "River port reopens"]


def test_operator_words_are_words(client, make_story):
    make_story(title="Pepper, not sugar")
    assert titles(client, "NOT pepper") == ["Pepper, not sugar"]  # were NOT an operator, this story would be left out
    assert titles(client, "pepper OR cinnamon") == []  # every word must match


def test_newest_first_and_bounded(client, make_story, monkeypatch):
    for n in range(6):
        make_story(title=f"Flood report {n}", days_ago=6 - n)
    assert titles(client, "flood") == [f"Flood report {n}" for n in reversed(range(6))]
    monkeypatch.setattr(engine, "CANDIDATES", 4)
    # Only the four most recently indexed are weighed: the cost cannot grow with the archive.
    assert titles(client, "flood") == [f"Flood report {n}" for n in (5, 4, 3, 2)]


@pytest.mark.django_db
def test_no_words_no_query():
    assert engine.newest_matches("   ") == []

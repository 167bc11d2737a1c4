"""The reader's search on an Urdu edition: one word whatever keyboard typed it, and only the edition's own stories."""

from __future__ import annotations

import pytest

from tests.search.conftest import URDU_HOST


def found(client, q, host=URDU_HOST):
    response = client.get("/search/", {"q": q}, HTTP_HOST=host)
    assert response.status_code == 200
    listing = response.context["listing"]
    return [story.title for story in listing.items] if listing else []


# Written for these tests; the first is filed as an Arabic keyboard types it (ك and ي), the others in Urdu's letters.
RAIN_ARABIC_KEYBOARD = "كراچي ميں موسلا دھار بارش، نشيبي علاقے زير آب"
BUDGET = "وفاقی بجٹ میں تعلیم کے لیے رقم بڑھا دی گئی"
RAILWAY_MARKED = "وزیرِ اعظم نے پاکِستان ریلوے کے نئے منصوبے کا افتتاح کیا"


@pytest.fixture
def urdu_stories(make_urdu_story):
    make_urdu_story(RAIN_ARABIC_KEYBOARD, "محکمہ موسمیات کے مطابق بارش کا سلسلہ ۲۰۲۶ کے ریکارڈ توڑ سکتا ہے۔")
    make_urdu_story(BUDGET, "قومی اسمبلی نے بجٹ کثرتِ رائے سے منظور کر لیا۔")
    make_urdu_story(RAILWAY_MARKED, "منصوبے پر لاگت کا تخمینہ اربوں روپے ہے۔")


@pytest.mark.parametrize(
    ("typed", "story"),
    [
        ("کراچی", RAIN_ARABIC_KEYBOARD),  # filed with ك ي, typed with ک ی
        ("نشیبی علاقے", RAIN_ARABIC_KEYBOARD),
        ("تعليم", BUDGET),  # filed with ی, typed with ي
        ("كثرت رائے", BUDGET),  # in the text, marked there (کثرتِ), typed with ك
        ("پاکستان ریلوے", RAILWAY_MARKED),  # filed with a zer, typed without
        ("وزیرِ اعظم", RAILWAY_MARKED),  # typed with one too
        ("2026", RAIN_ARABIC_KEYBOARD),  # Urdu digits in the text, Latin in the box
    ],
)
def test_urdu_words_are_found_however_they_are_spelt(client, urdu_stories, typed, story):
    assert found(client, typed) == [story]


def test_every_word_must_match_and_words_are_whole(client, urdu_stories):
    assert found(client, "بجٹ") == [BUDGET]
    assert found(client, "بجٹ کراچی") == []
    assert found(client, "پاکست") == []  # readers search whole words, as in English; the admin completes a start


def test_each_edition_searches_its_own_stories(client, urdu_stories, make_story):
    make_story(title="Budget approved in Karachi")
    make_story(title="کراچی in the English edition's words")
    assert found(client, "کراچی", host="testserver") == ["کراچی in the English edition's words"]
    assert found(client, "بجٹ", host="testserver") == []
    assert found(client, "budget", host=URDU_HOST) == []
    assert found(client, "کراچی", host=URDU_HOST) == [RAIN_ARABIC_KEYBOARD]

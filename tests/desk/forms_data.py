"""What the story editor's browser posts: the whole form, as tests/news/test_publish_once.py builds it."""

from __future__ import annotations

import functools

from wagtail.test.utils.form_data import nested_form_data, rich_text, streamfield


@functools.cache
def paragraph() -> str:
    return rich_text("<p>The council met on Tuesday and agreed the budget.</p>")


def story_form(title: str, slug: str, action: str = "action-publish", **extra) -> dict:
    data = nested_form_data(
        {
            "title": title,
            "slug": slug,
            "standfirst": "The vote came after a night of talks.",
            "dateline": "Karachi",
            "body": streamfield([("paragraph", paragraph())]),
            "tags": "",
            "comments": {"TOTAL_FORMS": "0", "INITIAL_FORMS": "0", "MIN_NUM_FORMS": "0", "MAX_NUM_FORMS": "1000"},
            "notes": {"TOTAL_FORMS": "0", "INITIAL_FORMS": "0", "MIN_NUM_FORMS": "0", "MAX_NUM_FORMS": "1000"},
            **extra,
        }
    )
    data["body-0-id"] = "8f6f1a52-5b8c-4a36-9a50-1e1f6b2e0c11"
    if action:
        data[action] = action
    return data

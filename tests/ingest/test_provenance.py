"""Stale copy stays flagged on its way to the reader: the editor is warned, Publish asks, the story keeps the
copy's date (page, JSON-LD), and the copy's own "Read more" becomes the editor's pick once that story exists."""

from __future__ import annotations

import datetime
import json
import re

import pytest
from django.contrib.messages import get_messages
from django.urls import reverse
from django.utils import timezone

from masthead.ingest import desk_actions, pipeline, provenance
from masthead.news import services as news
from masthead.news.models import ArticlePage
from tests.news.test_publish_once import publish_form

from .test_pipeline import ninjs

SEED_DATE = datetime.date(2023, 5, 28)
RELATED_TITLE = "Ukraine: India's Russia stance worries US"  # the seed's "Read more", apostrophe typed plainly


@pytest.fixture
def seed_item(edition, seed_bytes):
    item = pipeline.ingest_payload(seed_bytes).outcomes[0].item
    assert item.stale and item.item_date.date() == SEED_DATE
    return item


@pytest.fixture
def fresh_item(edition):
    body = "ISLAMABAD (Reuters) - The cabinet met on Monday.\n\nIt will meet again next week."
    item = (
        pipeline.ingest_payload(ninjs(uri="urn:fresh", headline="Cabinet meets", body=body, versioncreated=None)).outcomes[0].item
    )
    item.stale, item.item_date = False, timezone.now()
    item.save()
    return item


def json_ld(html: str) -> list[dict]:
    return [json.loads(block) for block in re.findall(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)]


def test_a_draft_from_stale_copy_keeps_the_copys_date(seed_item):
    story = desk_actions.create_story_from_item(seed_item)
    assert not story.live
    assert story.first_published_at == seed_item.item_date
    assert story.get_parent().slug == "2023", "filed in the archive year of the copy, not this year's"


def test_a_draft_from_fresh_copy_is_dated_when_published(fresh_item):
    story = desk_actions.create_story_from_item(fresh_item)
    assert story.first_published_at is None
    assert provenance.original_date(fresh_item) is None


def test_the_editor_is_warned_and_publish_asks_first(admin_client, seed_item):
    story = desk_actions.create_story_from_item(seed_item)
    response = admin_client.get(reverse("wagtailadmin_pages:edit", args=(story.pk,)))
    html = response.content.decode()
    assert response.status_code == 200
    warning = "Stale wire copy: this story was made from an agency item dated 28 May 2023 whose events are of about"
    assert re.search(rf'<li class="warning">\s*(?:<svg.*?</svg>)?\s*{warning}', html, re.S), "no warning in the editor"
    publish = re.search(r'<button[^>]*name="action-publish"[^>]*>', html).group(0)
    assert "window.confirm" in publish and warning in publish


def test_fresh_copy_brings_no_warning(admin_client, fresh_item):
    story = desk_actions.create_story_from_item(fresh_item)
    html = admin_client.get(reverse("wagtailadmin_pages:edit", args=(story.pk,))).content.decode()
    assert "Stale wire copy" not in html and "window.confirm" not in html and 'name="action-publish"' in html


def test_publishing_stale_copy_from_the_editor_keeps_its_date_for_readers(admin_client, client, seed_item):
    story = desk_actions.create_story_from_item(seed_item)
    response = admin_client.post(reverse("wagtailadmin_pages:edit", args=(story.pk,)), publish_form(story, title=story.title))
    assert response.status_code == 302
    shown = [str(message) for message in get_messages(response.wsgi_request)]
    assert any("stale wire copy; it is dated 28 May 2023, not today" in message for message in shown), shown

    story = ArticlePage.objects.get(pk=story.pk)
    assert story.live and story.published_at == seed_item.item_date
    html = client.get(story.url).content.decode()
    assert "Sunday 28th May 2023" in html
    article = next(block for block in json_ld(html) if block.get("@type") == "NewsArticle")
    assert article["datePublished"].startswith("2023-05-28")


def test_the_seed_published_by_the_command_line_is_dated_by_its_copy(edition, seed_bytes):
    story = pipeline.ingest_payload(seed_bytes, publish=True).outcomes[0].item.article
    assert story.live and story.published_at.date() == SEED_DATE


def test_the_copys_read_more_becomes_the_editors_pick_when_that_story_exists(edition, seed_item):
    assert seed_item.related_article is None  # not on our site when the copy came in
    related = news.file_story(edition.sections["world"], news.StoryDraft(title=RELATED_TITLE), publish=True)
    story = desk_actions.create_story_from_item(seed_item)
    assert story.related_article_id == related.pk
    seed_item.refresh_from_db()
    assert seed_item.related_article_id == related.pk


def test_no_read_more_is_invented(edition, seed_item):
    news.file_story(edition.sections["world"], news.StoryDraft(title="Something else entirely"), publish=True)
    assert desk_actions.create_story_from_item(seed_item).related_article_id is None

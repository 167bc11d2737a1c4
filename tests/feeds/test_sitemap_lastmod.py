"""The sitemap index's lastmod is when a month's sitemap last changed: its newest publication or update."""

from __future__ import annotations

import importlib
from datetime import UTC, datetime, timedelta

import pytest
from django.apps import apps
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from tests.feeds.test_sitemaps import NS, fetch, month_of

fill_sitemap_months = importlib.import_module("masthead.news.migrations.0006_article_sitemap_month").fill_sitemap_months


def index_lastmods(client) -> dict[str, datetime]:
    index = fetch(client, "/sitemap.xml", "siteindex")
    return {
        sitemap.findtext("s:loc", namespaces=NS).rsplit("/", 1)[-1].removesuffix(".xml"): datetime.fromisoformat(
            sitemap.findtext("s:lastmod", namespaces=NS)
        )
        for sitemap in index.xpath("//s:sitemap[s:lastmod]", namespaces=NS)
    }


def republish(story, headline: str):
    story.title = headline
    story.save_revision().publish()
    story.refresh_from_db()
    return story


def test_an_update_moves_its_month_lastmod_to_the_update(client, make_story):
    updated = make_story(title="Floods: first report", days_ago=70)
    newer_same_month = make_story(title="Dam holds", days_ago=69.5)
    quiet = make_story(title="Quiet month", days_ago=140)
    if month_of(updated) != month_of(newer_same_month):  # the run fell on a month's edge
        pytest.skip("the two stories fell in different months")
    before = index_lastmods(client)
    assert before[month_of(updated)] == newer_same_month.published_at.replace(microsecond=0)

    updated = republish(updated, "Floods: death toll rises")
    assert updated.last_published_at > timezone.now() - timedelta(minutes=1)
    after = index_lastmods(client)
    assert after[month_of(updated)] == updated.last_published_at.replace(microsecond=0)
    assert after[month_of(quiet)] == quiet.published_at.replace(microsecond=0)  # untouched months keep theirs


def test_an_update_never_moves_the_story_between_monthly_sitemaps(client, make_story):
    story = republish(make_story(title="Old news", days_ago=200), "Old news, corrected")
    assert story.sitemap_month == int(f"{story.published_at.astimezone(UTC):%Y%m}")
    assert story.changed_at == story.last_published_at
    assert set(index_lastmods(client)) == {month_of(story)}


def test_each_month_is_one_probe_of_the_month_change_index(client, make_story):
    if connection.vendor != "sqlite":
        pytest.skip("reads SQLite's query plan")
    make_story(days_ago=3)
    make_story(days_ago=50)
    with CaptureQueriesContext(connection) as queries:
        client.get("/sitemap.xml")
    (statement,) = [q["sql"] for q in queries.captured_queries if '"sitemap_month"' in q["sql"]]
    with connection.cursor() as cursor:
        cursor.execute("EXPLAIN QUERY PLAN " + statement)
        plan = " | ".join(str(row[-1]) for row in cursor.fetchall())
    assert "USING INDEX news_article_month_changed (sitemap_month=?" in plan, plan
    assert "SCAN news_articlepage" not in plan and "TEMP B-TREE" not in plan, plan


def test_the_migration_fills_months_and_changes_of_the_archive(make_story):
    from masthead.news.models import ArticlePage

    story = make_story(days_ago=400)
    ArticlePage.objects.filter(pk=story.pk).update(last_published_at=story.published_at + timedelta(days=2))
    ArticlePage.objects.update(sitemap_month=None, changed_at=None)
    fill_sitemap_months(apps, None)
    row = ArticlePage.objects.values("sitemap_month", "changed_at").get(pk=story.pk)
    assert row == {
        "sitemap_month": int(f"{story.published_at.astimezone(UTC):%Y%m}"),
        "changed_at": story.published_at + timedelta(days=2),
    }

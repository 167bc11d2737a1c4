"""Exactly once, however many run: four worker processes against 500 due stories, two cron runs of
``publish_scheduled`` at once, two overlapping embargo releases. Real OS processes on the real database
(SQLite in WAL mode, or PostgreSQL when DATABASE_URL says so)."""

from __future__ import annotations

import json
import time
from collections import Counter
from datetime import timedelta

import pytest
from django.db.models import Count
from django.utils import timezone
from wagtail.models import PageLogEntry, Revision

from masthead.ingest import pipeline
from masthead.ingest.models import WireItem
from masthead.news.models import ArticlePage
from masthead.schedule.models import StoryEvent
from tests.conftest import require
from tests.schedule import processes

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def due_drafts(make_story, count: int, prefix: str) -> list[int]:
    """``count`` drafts whose approved revision's go-live time has just passed (as if scheduled a while ago)."""
    ids = [make_story(title=f"{prefix} {n}", publish=False, body=2).pk for n in range(count)]
    due = timezone.now() - timedelta(seconds=1)
    for revision in Revision.page_revisions.filter(object_id__in=[str(pk) for pk in ids]):
        content = dict(revision.content, go_live_at=due.isoformat())
        Revision.objects.filter(pk=revision.pk).update(approved_go_live_at=due, content=content)
    return ids


def publication_counts(ids: list[int]) -> Counter:
    """How many times each story was published (Wagtail's log) — 1 for every story is exactly once."""
    rows = (
        PageLogEntry.objects.filter(page_id__in=ids, action__startswith="wagtail.publish")
        .values("page_id")
        .annotate(n=Count("pk"))
    )
    counts = Counter({pk: 0 for pk in ids})
    counts.update({row["page_id"]: row["n"] for row in rows})
    return counts


def test_four_workers_publish_500_due_stories_exactly_once(make_story, tmp_path):
    """The issue's test: four ``masthead worker`` processes (each ticking the clock once a second beside its task
    queue) against 500 due stories: 500 publishes, no double."""
    require(processes.has_worker_command(), "masthead worker is not there")
    ids = due_drafts(make_story, 500, "Due at nine")
    revisions_before = Revision.page_revisions.filter(object_id__in=[str(pk) for pk in ids]).count()

    with processes.shared_database(tmp_path) as url:
        began = time.monotonic()
        with processes.workers(url, 4, tmp_path) as procs:
            while Revision.objects.filter(approved_go_live_at__isnull=False).exists() and time.monotonic() - began < 900:
                assert all(proc.poll() is None for proc in procs), "a worker died"
                time.sleep(1)
            took = time.monotonic() - began
        logs = [path.read_text() for path in sorted(tmp_path.glob("worker-*.log"))]

        per_story = publication_counts(ids)
        doubles = sum(1 for n in per_story.values() if n > 1)
        print(f"4 workers, 500 stories: all live {took:.1f} s after the workers started")
        assert (sum(per_story.values()), doubles, min(per_story.values())) == (500, 0, 1)
        assert ArticlePage.objects.filter(pk__in=ids, live=True).count() == 500
        # Publishing makes no revision; a second publish of a page would have logged a second entry above.
        assert Revision.page_revisions.filter(object_id__in=[str(pk) for pk in ids]).count() == revisions_before
        published = StoryEvent.objects.filter(page_id__in=ids, kind=StoryEvent.Kind.PUBLISHED, detail__by="clock")
        assert published.count() == 500 and published.values("page_id").distinct().count() == 500
        assert not any("scheduled publish of revision" in log for log in logs), logs


def test_four_clock_ticks_at_the_same_moment_publish_each_story_once(make_story, tmp_path):
    """The clock alone, four processes released at the same instant (no worker start-up spread)."""
    ids = due_drafts(make_story, 100, "Due at ten")
    with processes.shared_database(tmp_path) as url:
        workers = processes.tickers(url, 4)
        per_story = publication_counts(ids)
        print(f"4 tickers, 100 stories: published per process {[w['published'] for w in workers]}")
        assert sum(w["published"] for w in workers) == 100
        assert sorted(set(per_story.values())) == [1]
        assert ArticlePage.objects.filter(pk__in=ids, live=True).count() == 100


def test_two_publish_scheduled_runs_at_once_publish_each_story_once(make_story, tmp_path):
    ids = due_drafts(make_story, 20, "Cron story")
    with processes.shared_database(tmp_path) as url:
        runs = [processes.start(url, "-m", "masthead.cli", "manage", "publish_scheduled") for _ in range(2)]
        outputs = [run.communicate(timeout=300) for run in runs]
        assert all(run.returncode == 0 for run in runs), [err for _, err in outputs]
        per_story = publication_counts(ids)
        assert sorted(set(per_story.values())) == [1], per_story
        assert ArticlePage.objects.filter(pk__in=ids, live=True).count() == 20


def ninjs(**extra) -> bytes:
    doc = {
        "uri": "urn:example:budget",
        "version": "1",
        "versioncreated": "2026-11-28T09:00:00Z",
        "headline": "Budget passes after all-night session",
        "body_text": "ISLAMABAD (Wire) - The assembly passed the budget at dawn.\n\nThe vote was 170 to 150.",
        **extra,
    }
    return json.dumps(doc).encode()


@pytest.mark.parametrize("trial", range(3))
def test_two_releases_of_an_embargo_at_once_file_one_story_and_the_kill_takes_it_down(edition, tmp_path, trial):
    later = (timezone.now() + timedelta(hours=1)).strftime("%Y-%m-%dT%H:%M:%SZ")
    item = pipeline.ingest_payload(ninjs(embargoed=later), source="Wire", publish=True).outcomes[0].item
    assert item.status == "held"
    WireItem.objects.filter(pk=item.pk).update(embargo_until=timezone.now() - timedelta(seconds=1))

    with processes.shared_database(tmp_path) as url:
        releases = processes.tickers(url, 2, timeout=60)
        assert sum(r["released"] for r in releases) == 1, releases
        stories = ArticlePage.objects.filter(title="Budget passes after all-night session")
        assert stories.count() == 1 and stories.get().live
        story = stories.get()
        assert WireItem.objects.get(pk=item.pk).article_id == story.pk
        released = StoryEvent.objects.filter(page_id=story.pk, kind=StoryEvent.Kind.EMBARGO_RELEASED)
        assert released.count() == 1 and released.get().detail["wire_item"] == item.pk

        # The agency kills the item: the one story it became comes down.
        pipeline.ingest_payload(ninjs(version="2", pubstatus="canceled"), source="Wire")
        assert not ArticlePage.objects.filter(title="Budget passes after all-night session", live=True).exists()


def test_a_worker_started_after_downtime_publishes_overdue_stories_and_says_so(make_story, tmp_path):
    ids = due_drafts(make_story, 3, "Missed overnight")
    Revision.objects.filter(approved_go_live_at__isnull=False).update(approved_go_live_at=timezone.now() - timedelta(hours=2))
    with processes.shared_database(tmp_path) as url:
        run = processes.start(url, "-m", "masthead.cli", "manage", "publish_scheduled")
        out, err = run.communicate(timeout=300)
        assert run.returncode == 0, err
        assert "published 3 (3 late)" in out
        assert "late" in err  # the warning, with the lateness, in the worker's log
        assert ArticlePage.objects.filter(pk__in=ids, live=True).count() == 3
        for event in StoryEvent.objects.filter(page_id__in=ids, kind=StoryEvent.Kind.PUBLISHED):
            assert event.detail["late"] is True and event.detail["lateness_seconds"] >= 7200

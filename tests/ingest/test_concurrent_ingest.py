"""Two deliveries at once, on two threads with database connections of their own, on the real database (SQLite
in WAL mode, or PostgreSQL when DATABASE_URL says so): the same items twice store each once and the loser says "duplicate"; different items
with the same headline both publish, the second under the next free slug. No wire item is lost, nothing is
reported as an internal error."""

from __future__ import annotations

import json
import logging
import random
import threading
from collections import Counter

import pytest
from django.db import connection

from masthead.ingest import pipeline
from masthead.ingest.models import WireItem, WireSource
from masthead.news.models import ArticlePage
from tests.schedule import processes

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

ROUNDS = 4
WORDS = (
    "river level rose overnight villages evacuated officials said rain upstream barrage gates opened crops lost roads "
    "closed army boats rescue camps district relief food water doctors warned fever schools shut embankment breach "
    "farmers cattle moved higher ground forecast monsoon week province minister visited teams pumps drained"
).split()


def copy(seed: str) -> str:
    """A paragraph of its own words, so that no two items of these tests are near-duplicates (and cluster)."""
    rng = random.Random(seed)
    return " ".join(rng.choice(WORDS) for _ in range(60)) + "."


def ninjs(uri: str, headline: str, body: str) -> bytes:
    return json.dumps(
        {"uri": uri, "version": "1", "versioncreated": "2026-11-28T09:00:00Z", "headline": headline, "body_text": body}
    ).encode()


def run_at_once(*deliveries: list[bytes]) -> list[dict]:
    """One delivery per thread, each with its own database connection (as two workers or two ``masthead ingest``
    runs have), released together by a barrier; what each reported, and what was logged as an error meanwhile."""
    start = threading.Barrier(len(deliveries))
    results: list[dict] = [{} for _ in deliveries]
    errors: list[str] = []

    class Collect(logging.Handler):
        def emit(self, record: logging.LogRecord) -> None:
            errors.append(self.format(record))

    def deliver(number: int, payloads: list[bytes]) -> None:
        try:
            start.wait(timeout=30)
            reports = [pipeline.ingest_payload(payload, source="Agency wire", publish=True) for payload in payloads]
            results[number] = {
                "errors": [report.error for report in reports if report.error],
                "kinds": [outcome.kind for report in reports for outcome in report.outcomes],
                "messages": [outcome.message for report in reports for outcome in report.outcomes],
            }
        finally:
            connection.close()

    handler = Collect(level=logging.ERROR)
    logging.getLogger("masthead").addHandler(handler)
    try:
        threads = [threading.Thread(target=deliver, args=(n, payloads)) for n, payloads in enumerate(deliveries)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(timeout=300)
    finally:
        logging.getLogger("masthead").removeHandler(handler)
    assert all(results), "a delivery never came back"
    assert errors == [] and [r["errors"] for r in results] == [[]] * len(deliveries), (errors, results)
    return results


def kinds(results: list[dict]) -> Counter:
    return Counter(kind for result in results for kind in result["kinds"])


def test_the_same_items_delivered_to_two_processes_at_once_are_stored_once(edition, tmp_path):
    payloads = [
        ninjs(f"urn:wire:same:{n}", f"Council votes on budget, round {n}", f"ISLAMABAD (Wire) - {copy(f'same {n}')}")
        for n in range(ROUNDS)
    ]
    WireSource.objects.create(name="Agency wire")
    with processes.shared_database(tmp_path):
        # The second envelope differs by a byte: the items, not just the payloads, meet at once.
        results = run_at_once(payloads, [payload + b"\n" for payload in payloads])
        assert kinds(results) == {"new": ROUNDS, "duplicate": ROUNDS}
        assert WireItem.objects.count() == ROUNDS
        assert ArticlePage.objects.filter(title__startswith="Council votes on budget").count() == ROUNDS


def test_two_items_with_one_headline_at_once_both_publish_under_free_slugs(edition, tmp_path):
    def delivery(agency: str) -> list[bytes]:
        payloads = [
            ninjs(f"urn:{agency}:{n}", f"Flood warning for the Indus {n}", f"SUKKUR ({agency}) - {copy(f'{agency} {n}')}")
            for n in range(ROUNDS)
        ]
        return payloads

    WireSource.objects.create(name="Agency wire")  # made beforehand, so that neither delivery waits for the other's
    with processes.shared_database(tmp_path):
        results = run_at_once(delivery("Reuters"), delivery("AFP"))
        assert kinds(results) == {"new": 2 * ROUNDS}
        assert WireItem.objects.count() == 2 * ROUNDS
        assert WireItem.objects.filter(status=WireItem.Status.PUBLISHED).count() == 2 * ROUNDS
        for n in range(ROUNDS):
            slugs = set(
                ArticlePage.objects.filter(title=f"Flood warning for the Indus {n}", live=True).values_list("slug", flat=True)
            )
            assert slugs == {f"flood-warning-for-the-indus-{n}", f"flood-warning-for-the-indus-{n}-2"}

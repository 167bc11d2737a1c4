"""The worker as a real process: what a publish enqueues in its transaction reaches readers within a second,
and nothing committed is lost when the worker, the app and the publisher are killed at random moments."""

from __future__ import annotations

import html
import os
import random
import threading
import time

from tests.pipeline.stack import get, newsroom

SETTLED_WITHIN = 60.0  # after the last kill: a dead worker's task waits out its lease (15 s) before another takes it


def shows(port: int, path: str, text: str) -> tuple[bool, str]:
    try:
        status, headers, body = get(port, path)
    except OSError as error:
        return False, f"{path}: {error}"
    found = text in html.unescape(body) or text in body
    return status == 200 and found, f"{path}: {status} x-cache={headers.get('x-cache')} age={headers.get('age')}"


def wait_for(port: int, checks: list[tuple[str, str]], timeout: float) -> list[str]:
    """Poll until every (path, text) shows; what still does not at the end."""
    deadline = time.monotonic() + timeout
    while True:
        failing = [message for path, text in checks for ok, message in [shows(port, path, text)] if not ok]
        if not failing or time.monotonic() > deadline:
            return failing
        time.sleep(0.1)


def read_continuously(port: int, paths: list[str], stop: threading.Event) -> None:
    """Readers keep the cache full: a page the pipeline failed to purge would stay cached with the old text."""
    while not stop.is_set():
        for path in paths:
            try:
                get(port, path, timeout=2)
            except OSError:
                time.sleep(0.05)


def test_serve_starts_a_worker_that_takes_a_publish_to_the_front_page(tmp_path):
    with newsroom() as room:
        room.start_app(with_worker=True)
        assert shows(room.port, "/", "Running story, edition 0")[0]
        assert get(room.port, "/")[1].get("x-cache") == "HIT"
        publisher = room.publisher(first=1, count=2)  # an update of the running story, then a new story
        assert publisher.wait(timeout=120) == 0, publisher.stdout.read()
        published = time.monotonic()
        late = wait_for(room.port, [("/", "New story number 2"), ("/", "Running story, edition 1")], timeout=10)
        assert not late, f"{late}\n{room.output()}"
        assert time.monotonic() - published < 3.0  # a generous bound on a loaded machine; typically well under a second
        status, headers, _ = get(room.port, "/")
        assert headers.get("x-cache") == "HIT"  # rendered again by the worker, not by this reader


def test_every_committed_publish_reaches_the_cache_whatever_is_killed_when(tmp_path):
    rounds = int(os.environ.get("PIPELINE_KILL_ROUNDS", "5"))
    seed = int(os.environ.get("PIPELINE_KILL_SEED", str(random.randrange(1 << 30))))
    chance = random.Random(seed)
    with newsroom() as room:
        room.start_app()
        room.start_worker()
        stop = threading.Event()
        reader = threading.Thread(
            target=read_continuously,
            args=(room.port, ["/", "/world/", f"/api/v1/articles/{room.story_id}", "/api/v1/articles"], stop),
        )
        reader.start()
        committed_lines = []
        try:
            first = 1
            for _ in range(rounds):
                publisher = room.publisher(first=first, count=12)
                first += 12
                time.sleep(chance.uniform(2.0, 5.0))  # the publisher's start-up, then some publishes
                victims = chance.sample(["worker", "app", "publisher"], k=chance.randint(1, 3))
                for victim in victims:
                    time.sleep(chance.uniform(0, 0.4))
                    if victim == "publisher":
                        room.kill_process(publisher)
                    else:
                        room.kill(getattr(room, victim))
                if "app" in victims:
                    room.start_app()
                if "worker" in victims:
                    room.start_worker()
                try:
                    out, _ = publisher.communicate(timeout=120)
                except Exception:
                    room.kill_process(publisher)
                    out, _ = publisher.communicate()
                committed_lines += [line for line in out.splitlines() if line.strip().isdigit()]
        finally:
            stop.set()
            reader.join(timeout=30)
        stories = room.live_stories()  # what committed, whoever was killed
        running = next(story for story in stories if story["id"] == room.story_id)
        newest = stories[0]
        checks = [
            (running["path"], running["title"]),
            (f"/api/v1/articles/{room.story_id}", running["title"]),
            ("/", newest["title"]),
            ("/world/", newest["title"]),
            ("/api/v1/articles", newest["title"]),
            *((story["path"], story["title"]) for story in stories[:10]),
        ]
        stale = wait_for(room.port, checks, timeout=SETTLED_WITHIN)
        assert not stale, f"seed {seed}: committed but not in the cache after {SETTLED_WITHIN:.0f} s: {stale}\n{room.output()}"
        assert len(stories) > 1 + rounds and committed_lines, f"seed {seed}: too little was published to prove anything"

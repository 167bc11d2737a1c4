"""Redis down is a slower site, never a broken one; Redis back is the cache back, without a restart.

With Django's own RedisCache, a stopped Redis made every page the page cache
did not hold answer 500 (Wagtail looks up its site roots in the cache). The
pages here are asked of Django directly, so none of them is in the page cache.
"""

from __future__ import annotations

import logging
import os
import runpy
import socket
import subprocess
import time

import pytest
import redis
from django.core.cache import cache

from masthead.config import settings as settings_module
from tests.conftest import require

REDIS_SERVER = "/usr/bin/redis-server"


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class RedisServer:
    """A private redis-server on a free port, to stop and start under the app."""

    def __init__(self, directory):
        self.directory, self.port, self.process = directory, _free_port(), None
        self.url = f"redis://127.0.0.1:{self.port}/0"

    def start(self):
        self.process = subprocess.Popen(
            [
                REDIS_SERVER,
                "--port",
                str(self.port),
                "--bind",
                "127.0.0.1",
                "--dir",
                str(self.directory),
                "--save",
                "",
                "--appendonly",
                "no",
            ],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            start_new_session=True,
        )
        client = redis.Redis(port=self.port, socket_timeout=1)
        for _ in range(100):
            try:
                client.ping()
                return
            except redis.ConnectionError:
                time.sleep(0.05)
        raise RuntimeError("redis-server did not start")

    def stop(self):
        self.process.terminate()
        self.process.wait(timeout=10)
        self.process = None

    def keys(self) -> list[bytes]:
        return redis.Redis(port=self.port, socket_timeout=1).keys("*")


@pytest.fixture
def redis_server(tmp_path):
    require(os.path.exists(REDIS_SERVER), "redis-server is missing: install Debian's `redis-server` package")
    server = RedisServer(tmp_path)
    server.start()
    yield server
    if server.process:
        server.stop()


def use_redis(settings, monkeypatch, url: str) -> dict:
    """The default cache exactly as settings.py configures it when REDIS_URL is set."""
    monkeypatch.setenv("REDIS_URL", url)
    entry = runpy.run_path(settings_module.__file__)["CACHES"]["default"]
    settings.CACHES = {**settings.CACHES, "default": entry}
    return entry


def pages(make_story) -> dict[str, int]:
    from django.test import Client

    client = Client()
    story = make_story(title="Council agrees the budget")  # new, so nothing of it was ever cached
    return {path: client.get(path).status_code for path in (story.url, "/search/?q=council", "/admin/login/", "/")}


def test_pages_answer_while_redis_is_down_and_use_it_again_when_it_is_back(redis_server, settings, monkeypatch, make_story):
    use_redis(settings, monkeypatch, redis_server.url)
    assert set(pages(make_story).values()) == {200}
    assert redis_server.keys(), "the pages did not use Redis: this test would prove nothing"

    redis_server.stop()
    answers = pages(make_story)
    assert set(answers.values()) == {200}, answers
    cache.set("greeting", "hello")
    assert cache.get("greeting", "missed") == "missed"

    redis_server.start()  # empty, on the same port
    deadline = time.monotonic() + 15
    while cache.get("greeting") != "hello" and time.monotonic() < deadline:
        cache.set("greeting", "hello")
        time.sleep(0.2)
    assert cache.get("greeting") == "hello", "the cache never used Redis again"
    assert set(pages(make_story).values()) == {200}
    assert len(redis_server.keys()) > 1  # Wagtail's own entries are written again


def test_pages_answer_when_redis_was_never_there(settings, monkeypatch, make_story):
    use_redis(settings, monkeypatch, f"redis://127.0.0.1:{_free_port()}/0")  # nothing listens there
    answers = pages(make_story)
    assert set(answers.values()) == {200}, answers
    assert cache.get("anything", "default") == "default"
    assert cache.get_many(["a", "b"]) == {}
    assert cache.add("a", 1) is False
    assert cache.set_many({"a": 1}) == ["a"]
    assert cache.get_or_set("a", 7) == 7
    cache.set("a", 1)
    cache.delete("a")
    cache.delete_many(["a"])
    with pytest.raises(ValueError):
        cache.incr("a")


@pytest.fixture
def silent_server():
    """Accepts connections and never answers: a Redis that hangs."""
    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen(16)
    yield f"redis://127.0.0.1:{listener.getsockname()[1]}/0"
    listener.close()


def test_a_hanging_redis_costs_one_timeout_per_interval(silent_server, caplog):
    from masthead.lib.resilient_cache import ResilientRedisCache

    hanging = ResilientRedisCache(silent_server, {"OPTIONS": {"socket_timeout": 0.3, "RETRY_AFTER": 1.0}})
    with caplog.at_level(logging.WARNING, logger="masthead.lib.resilient_cache"):
        started = time.monotonic()
        assert hanging.get("key", "default") == "default"
        first = time.monotonic() - started
        started = time.monotonic()
        for _ in range(50):
            assert hanging.get("key", "default") == "default"
            hanging.set("key", "value")
        rest = time.monotonic() - started
    assert 0.25 < first < 1.0  # one read timeout, no retries
    assert rest < 0.1  # the breaker is open: Redis is not asked again
    assert len([record for record in caplog.records if "unavailable" in record.message]) == 1

    time.sleep(1.05)
    started = time.monotonic()
    assert hanging.get("key", "default") == "default"
    assert time.monotonic() - started > 0.25  # after the interval Redis is tried again

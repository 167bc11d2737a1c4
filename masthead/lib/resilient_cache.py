"""A Redis cache whose outage is a cache miss, not an error page.

The cache only saves work: Wagtail keeps its site roots there and every page
asks for them. With Django's own RedisCache, a Redis that is down or hangs
raises out of that lookup and every page the page cache does not hold answers
500. Here a connection error or a timeout reads as a miss and writes as
nothing, the socket timeouts are short, and after a failure Redis is left
alone for a few seconds (a circuit breaker), so an outage costs one timeout
per interval instead of one per call, and one warning per interval in the log.
When the interval is over, one caller tries Redis again; once it answers,
everything uses it again, with no restart.
"""

from __future__ import annotations

import logging
import threading
import time

from django.core.cache.backends.base import DEFAULT_TIMEOUT
from django.core.cache.backends.redis import RedisCache
from redis.exceptions import ConnectionError as RedisConnectionError
from redis.exceptions import TimeoutError as RedisTimeoutError

log = logging.getLogger(__name__)

OUTAGE = (RedisConnectionError, RedisTimeoutError)
DEFAULT_SOCKET_TIMEOUT = 0.5  # seconds, to connect and for each answer: Redis answers in a millisecond when well
DEFAULT_RETRY_AFTER = 5.0  # seconds an outage leaves Redis alone


class Breaker:
    """Whether to call Redis now: not for ``retry_after`` seconds after a failure, then by one caller at a time."""

    def __init__(self, name: str, retry_after: float):
        self.name = name
        self.retry_after = retry_after
        self.failing = False
        self.closed_until = 0.0
        self.warned_at = float("-inf")
        self.lock = threading.Lock()

    def allows(self) -> bool:
        if not self.failing:
            return True
        with self.lock:
            now = time.monotonic()
            if now < self.closed_until:
                return False
            self.closed_until = now + self.retry_after  # this caller tries; the others wait for its answer
            return True

    def succeeded(self) -> None:
        if self.failing:
            with self.lock:
                self.failing, self.closed_until = False, 0.0
            log.info("cache %s answers again", self.name)

    def failed(self, error: Exception) -> None:
        with self.lock:
            now = time.monotonic()
            self.failing, self.closed_until = True, now + self.retry_after
            warn = now - self.warned_at >= self.retry_after
            if warn:
                self.warned_at = now
        if warn:
            log.warning("cache %s unavailable (%s): serving without it, trying again in %g s", self.name, error, self.retry_after)


_breakers: dict[str, Breaker] = {}
_breakers_lock = threading.Lock()


def breaker_for(location: str, retry_after: float) -> Breaker:
    """One breaker per server for the whole process: Django makes a cache object per thread."""
    with _breakers_lock:
        if location not in _breakers:
            _breakers[location] = Breaker(location.rsplit("@", 1)[-1], retry_after)  # never log a password
        return _breakers[location]


class ResilientRedisCache(RedisCache):
    """Django's RedisCache, with Redis's outages answered as misses (OPTIONS ``RETRY_AFTER``: breaker seconds)."""

    def __init__(self, server, params):
        options = dict(params.get("OPTIONS", {}))
        retry_after = float(options.pop("RETRY_AFTER", DEFAULT_RETRY_AFTER))
        options.setdefault("socket_connect_timeout", DEFAULT_SOCKET_TIMEOUT)
        options.setdefault("socket_timeout", DEFAULT_SOCKET_TIMEOUT)
        super().__init__(server, {**params, "OPTIONS": options})
        self.breaker = breaker_for(server if isinstance(server, str) else ",".join(server), retry_after)

    def _call(self, fallback, method, *args):
        if not self.breaker.allows():
            return fallback
        try:
            result = method(*args)
        except OUTAGE as error:
            self.breaker.failed(error)
            return fallback
        self.breaker.succeeded()
        return result

    def get(self, key, default=None, version=None):
        return self._call(default, super().get, key, default, version)

    def get_many(self, keys, version=None):
        return self._call({}, super().get_many, keys, version)

    def has_key(self, key, version=None):
        return self._call(False, super().has_key, key, version)

    def add(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        return self._call(False, super().add, key, value, timeout, version)

    def set(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        return self._call(None, super().set, key, value, timeout, version)

    def set_many(self, data, timeout=DEFAULT_TIMEOUT, version=None):
        return self._call(list(data), super().set_many, data, timeout, version)  # the keys not stored: all

    def touch(self, key, timeout=DEFAULT_TIMEOUT, version=None):
        return self._call(False, super().touch, key, timeout, version)

    def delete(self, key, version=None):
        return self._call(False, super().delete, key, version)

    def delete_many(self, keys, version=None):
        return self._call(None, super().delete_many, keys, version)

    def clear(self):
        return self._call(False, super().clear)

    def incr(self, key, delta=1, version=None):
        missing = object()
        value = self._call(missing, super().incr, key, delta, version)
        if value is missing:
            raise ValueError(f"Key '{key}' not found (the cache is unavailable).")
        return value

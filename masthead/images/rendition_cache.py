"""Wagtail's rendition cache, held in each process as objects and emptied in all of them at once.

Every picture on a page asks Wagtail for its renditions, and Wagtail asks
the ``renditions`` cache before the database. Django's local-memory cache
pickles each rendition on the way in and out, and Wagtail writes what it
read straight back, so a story page paid more for its cache than for one
more query. A rendition row never changes once written, so this cache
keeps the objects themselves and hands out copies.

What it cannot see is another process deleting a rendition (a picture's
file replaced). Deleting any entry therefore touches a stamp file, and every
process drops everything it holds when the stamp's time moves: one ``stat``
per lookup, as the edition snapshot does.

    CACHES["renditions"] = {
        "BACKEND": "masthead.images.rendition_cache.ProcessRenditionCache",
        "LOCATION": "/var/lib/masthead/renditions-stamp",
        "OPTIONS": {"MAX_ENTRIES": 5000},
    }
"""

from __future__ import annotations

import copy
import os
import threading
from collections import OrderedDict
from pathlib import Path

from django.core.cache.backends.base import DEFAULT_TIMEOUT, BaseCache


class ProcessRenditionCache(BaseCache):
    def __init__(self, location: str, params: dict):
        super().__init__(params)
        self._stamp_file = Path(location)
        self._entries: OrderedDict[str, object] = OrderedDict()
        self._lock = threading.Lock()
        self._stamp = self._read_stamp()

    # --- the stamp shared by all processes ----------------------------------------------

    def _read_stamp(self) -> int:
        try:
            return os.stat(self._stamp_file).st_mtime_ns
        except FileNotFoundError:
            return 0

    def _current(self) -> OrderedDict:
        stamp = self._read_stamp()
        if stamp != self._stamp:
            with self._lock:
                self._entries.clear()
                self._stamp = stamp
        return self._entries

    def _touch_stamp(self) -> None:
        self._stamp_file.parent.mkdir(parents=True, exist_ok=True)
        self._stamp_file.touch()
        os.utime(self._stamp_file)

    # --- Django's cache API ---------------------------------------------------------------

    def get(self, key, default=None, version=None):
        entries = self._current()
        key = self.make_key(key, version)
        try:
            value = entries[key]
        except KeyError:
            return default
        return copy.copy(value)

    def get_many(self, keys, version=None):
        entries = self._current()
        found = {}
        for key in keys:
            value = entries.get(self.make_key(key, version))
            if value is not None:
                found[key] = copy.copy(value)
        return found

    def set(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        entries = self._current()
        key = self.make_key(key, version)
        with self._lock:
            entries[key] = copy.copy(value)
            entries.move_to_end(key)
            while len(entries) > self._max_entries:
                entries.popitem(last=False)

    def add(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        if self.has_key(key, version):
            return False
        self.set(key, value, timeout, version)
        return True

    def touch(self, key, timeout=DEFAULT_TIMEOUT, version=None):
        return self.has_key(key, version)

    def has_key(self, key, version=None):
        return self.make_key(key, version) in self._current()

    def delete(self, key, version=None):
        with self._lock:
            existed = self._entries.pop(self.make_key(key, version), None) is not None
        self._touch_stamp()
        return existed

    def clear(self):
        with self._lock:
            self._entries.clear()
        self._touch_stamp()

"""Rendered pages on disk, laid out so nginx can serve them without the app.

A page for ``https://host/world/?lite=1`` lives at
``<root>/host/world/index.lite.html``; its headers and expiry sit beside it
in ``index.lite.html.meta``. nginx maps the URL to the file with
``try_files``; the app's own fast path (wsgi.py) reads the same files, so
both agree on what is cached and a purge is a file deletion seen by every
process at once.

Article pages also record which stories they show (their own and the one
their *Read more* links to) under ``<root>/.keys/<key>/``, so unpublishing a
story finds every page that mentions it.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

EXTENSIONS = {
    "text/html": "html",
    "application/rss+xml": "xml",
    "application/atom+xml": "xml",
    "application/xml": "xml",
    "text/xml": "xml",
    "application/json": "json",
    "application/manifest+json": "json",
    "text/plain": "txt",
}
KEYS_DIR = ".keys"
LOCKS_DIR = ".locks"


@dataclass(frozen=True)
class CacheKey:
    host: str
    path: str  # always starts and ends with "/" for directories, e.g. "/world/" or "/sitemap.xml"
    variant: str  # "" or ".lite", ".page2", ".page2.lite"

    @property
    def digest(self) -> str:
        return hashlib.sha1(f"{self.host}{self.path}{self.variant}".encode()).hexdigest()

    def directory(self, root: Path) -> Path:
        # "/sitemap.xml" and "/world/" both become directories, so a path and its children never collide.
        return root / self.host / self.path.strip("/")


@dataclass
class Entry:
    body: bytes
    headers: list[tuple[str, str]]
    expires: float
    signature: tuple[int, int, int]

    def fresh(self, now: float | None = None) -> bool:
        return (now or time.time()) < self.expires


def _signature(stat: os.stat_result) -> tuple[int, int, int]:
    return (stat.st_ino, stat.st_mtime_ns, stat.st_size)


class FileStore:
    def __init__(self, root: Path):
        self.root = Path(root)

    def file_for(self, key: CacheKey, content_type: str) -> Path:
        extension = EXTENSIONS.get(content_type.split(";")[0].strip(), "bin")
        return key.directory(self.root) / f"index{key.variant}.{extension}"

    def _candidates(self, key: CacheKey) -> list[Path]:
        directory = key.directory(self.root)
        return [directory / f"index{key.variant}.{extension}" for extension in ("html", "xml", "json", "txt")]

    def read(self, key: CacheKey) -> Entry | None:
        for path in self._candidates(key):
            try:
                stat = os.stat(path)
            except FileNotFoundError:
                continue
            try:
                meta = json.loads(Path(f"{path}.meta").read_bytes())
                body = path.read_bytes()
            except (FileNotFoundError, ValueError):
                return None
            return Entry(body=body, headers=[tuple(h) for h in meta["headers"]], expires=meta["expires"], signature=_signature(stat))
        return None

    def signature(self, key: CacheKey) -> tuple[int, int, int] | None:
        """Cheap check that a page held in memory is still the one on disk (one ``stat``)."""
        for path in self._candidates(key):
            try:
                return _signature(os.stat(path))
            except FileNotFoundError:
                continue
        return None

    def write(self, key: CacheKey, body: bytes, headers: list[tuple[str, str]], expires: float, tags: list[str]) -> Entry:
        content_type = dict((k.lower(), v) for k, v in headers).get("content-type", "text/html")
        path = self.file_for(key, content_type)
        path.parent.mkdir(parents=True, exist_ok=True)
        # Meta first, body last, each by atomic rename: a reader that sees the body sees its headers.
        _atomic_write(Path(f"{path}.meta"), json.dumps({"headers": headers, "expires": expires}).encode())
        _atomic_write(path, body)
        for tag in tags:
            tag_dir = self.root / KEYS_DIR / tag
            tag_dir.mkdir(parents=True, exist_ok=True)
            (tag_dir / key.digest).write_text(str(path.relative_to(self.root)))
        return Entry(body=body, headers=headers, expires=expires, signature=_signature(os.stat(path)))

    # --- purging ------------------------------------------------------------------

    def purge_path(self, host: str, path: str) -> int:
        """Every variant of one URL path (lite, page 2…), not the pages below it."""
        directory = CacheKey(host, path, "").directory(self.root)
        removed = 0
        try:
            names = os.listdir(directory)
        except FileNotFoundError:
            return 0
        for name in names:
            if name.startswith("index"):
                try:
                    os.unlink(directory / name)
                    removed += not name.endswith(".meta")
                except FileNotFoundError:
                    pass
        return removed

    def purge_tag(self, tag: str) -> int:
        tag_dir = self.root / KEYS_DIR / tag
        removed = 0
        try:
            names = os.listdir(tag_dir)
        except FileNotFoundError:
            return 0
        for name in names:
            marker = tag_dir / name
            try:
                relative = marker.read_text()
                for target in (self.root / relative, self.root / f"{relative}.meta"):
                    try:
                        os.unlink(target)
                        removed += not str(target).endswith(".meta")
                    except FileNotFoundError:
                        pass
                os.unlink(marker)
            except FileNotFoundError:
                continue
        return removed

    def purge_host(self, host: str) -> None:
        """Everything of one edition (a navigation or settings change shows on every page)."""
        target = self.root / host
        if target.exists():
            doomed = self.root / f".doomed-{host}-{time.time_ns()}"
            os.rename(target, doomed)
            shutil.rmtree(doomed, ignore_errors=True)

    def lock_path(self, key: CacheKey) -> Path:
        locks = self.root / LOCKS_DIR
        locks.mkdir(parents=True, exist_ok=True)
        return locks / key.digest


def _atomic_write(path: Path, data: bytes) -> None:
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=".tmp-")
    try:
        with os.fdopen(handle, "wb") as file:
            file.write(data)
        os.chmod(temporary, 0o644)
        os.replace(temporary, path)
    except BaseException:
        try:
            os.unlink(temporary)
        except FileNotFoundError:
            pass
        raise

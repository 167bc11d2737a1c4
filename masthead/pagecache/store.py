"""Rendered pages on disk, laid out so nginx can serve them without the app.

A page for ``https://host/world/?lite=1`` lives at
``<root>/host/world/index.lite.html``; its headers and expiry sit beside it
in ``index.lite.html.meta``. nginx maps the URL to the file with
``try_files``; the app's own fast path (wsgi.py) reads the same files, so
both agree on what is cached and a purge is a file deletion seen by every
process at once.

The host folder is the request's ``Host`` exactly (``localhost``,
``127.0.0.1:8000``): pages carry absolute URLs built from it, so each host
name keeps its own copy. hosts.py knows which folders show which edition.

Article pages also record which stories they show (their own and the one
their *Read more* links to) under ``<root>/.keys/<key>/``, so unpublishing a
story finds every page that mentions it.

Every page carries the validators nginx gives a file — ``ETag`` is
``"<mtime>-<size>"`` in hex, ``Last-Modified`` the mtime — so a browser may
revalidate with the app or with nginx alike. The store sets each file's
mtime itself, one second later than any earlier version of the same page
had (remembered under ``<root>/.versions/``, which purges leave alone):
two versions of a page never share validators, however fast it changes.

Each page is compressed once, as it is written: ``index.html.br`` and
``index.html.gz`` beside ``index.html``, with the body's mtime, written before
the body so nginx's ``brotli_static``/``gzip_static`` never find a body
without its encodings. Each encoding has its own validator, the one nginx
gives that file (the mtime and the compressed size), so a 304 means the
same at both servers whichever encoding the reader holds. Small pages are
compressed too: every page then answers with ``Vary: Accept-Encoding`` and
the same choice of bytes at the app and at nginx.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import tempfile
import time
from dataclasses import dataclass, field
from email.utils import formatdate
from pathlib import Path

from masthead.pagecache.encodings import PREFERENCE, SUFFIXES, compress

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
VERSIONS_DIR = ".versions"
VALIDATORS = ("etag", "last-modified")
READ_ATTEMPTS = 3


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


@dataclass(frozen=True)
class Encoded:
    """A page compressed with one content coding, and nginx's ETag for that file."""

    body: bytes
    etag: str


@dataclass
class Entry:
    body: bytes
    headers: list[tuple[str, str]]
    expires: float
    signature: tuple[int, int, int]
    etag: str = ""
    modified: int = 0  # Last-Modified, in seconds since the epoch
    encoded: dict[str, Encoded] = field(default_factory=dict)  # "br", "gzip" → the compressed page

    def fresh(self, now: float | None = None) -> bool:
        return (now or time.time()) < self.expires


def _signature(stat: os.stat_result) -> tuple[int, int, int]:
    return (stat.st_ino, stat.st_mtime_ns, stat.st_size)


def etag_for(mtime: int, size: int) -> str:
    """nginx's ETag for a file of this mtime and size (ngx_http_set_etag), so both servers hand out the same."""
    return f'"{mtime:x}-{size:x}"'


def with_validators(headers: list[tuple[str, str]], etag: str, modified: int) -> list[tuple[str, str]]:
    kept = [(name, value) for name, value in headers if name.lower() not in VALIDATORS]
    return [*kept, ("ETag", etag), ("Last-Modified", formatdate(modified, usegmt=True))]


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
            for _ in range(READ_ATTEMPTS):
                try:
                    with open(path, "rb") as file:
                        stat = os.fstat(file.fileno())
                        body = file.read()
                    meta = json.loads(Path(f"{path}.meta").read_bytes())
                except FileNotFoundError:
                    break
                except ValueError:
                    return None
                entry = _entry(body, meta, stat)
                if entry is not None and _read_encoded(path, entry):
                    return entry
                # The page was being rewritten between reading its body and its meta or encodings: read them again.
            else:
                return None
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
        modified = self._next_mtime(key)
        etag = etag_for(modified, len(body))
        headers = with_validators(headers, etag, modified)
        # Meta first, body last, each by atomic rename: a reader that sees the body sees its headers
        # (and read() checks the meta's ETag against the body it read, in case both changed meanwhile).
        _atomic_write(Path(f"{path}.meta"), json.dumps({"headers": headers, "expires": expires, "etag": etag}).encode())
        encoded = {}
        for encoding in PREFERENCE:
            compressed = compress(body, encoding)
            _atomic_write(Path(f"{path}{SUFFIXES[encoding]}"), compressed, mtime=modified)
            encoded[encoding] = Encoded(body=compressed, etag=etag_for(modified, len(compressed)))
        for encoding, suffix in SUFFIXES.items():
            if encoding not in encoded:  # written by an install that had it: nginx must not serve it with this body
                _unlink(Path(f"{path}{suffix}"))
        _atomic_write(path, body, mtime=modified)
        for tag in tags:
            tag_dir = self.root / KEYS_DIR / tag
            tag_dir.mkdir(parents=True, exist_ok=True)
            (tag_dir / key.digest).write_text(str(path.relative_to(self.root)))
        signature = _signature(os.stat(path))
        return Entry(
            body=body, headers=headers, expires=expires, signature=signature, etag=etag, modified=modified, encoded=encoded
        )

    def _next_mtime(self, key: CacheKey) -> int:
        """Now, or a second after the last version of this page if that was written this second (or later)."""
        record = self.root / VERSIONS_DIR / key.digest
        try:
            last = int(record.read_text())
        except (FileNotFoundError, ValueError):
            last = 0
        modified = max(int(time.time()), last + 1)
        record.parent.mkdir(parents=True, exist_ok=True)
        record.write_text(str(modified))
        return modified

    # --- purging ------------------------------------------------------------------

    def purge_path(self, host: str, path: str) -> int:
        """Every variant of one URL path (lite, page 2…), not the pages below it."""
        directory = CacheKey(host, path, "").directory(self.root)
        removed = 0
        try:
            names = os.listdir(directory)
        except FileNotFoundError:
            return 0
        # Bodies first (what nginx's try_files looks for), then their encodings and meta.
        for name in sorted(names, key=lambda name: name.endswith((".meta", *SUFFIXES.values()))):
            if name.startswith("index"):
                try:
                    os.unlink(directory / name)
                    removed += not name.endswith((".meta", *SUFFIXES.values()))
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
                # The body first: nginx's try_files looks for it, so the page stops being served at once.
                suffixes = ("", *SUFFIXES.values(), ".meta")
                for target in (self.root / f"{relative}{suffix}" for suffix in suffixes):
                    try:
                        os.unlink(target)
                        removed += target.name == Path(relative).name
                    except FileNotFoundError:
                        pass
                os.unlink(marker)
            except FileNotFoundError:
                continue
        return removed

    def purge_host(self, host: str) -> None:
        """Everything cached for one host folder (a navigation or settings change shows on every page)."""
        target = self.root / host
        if target.exists():
            doomed = self.root / f".doomed-{host}-{time.time_ns()}"
            try:
                os.rename(target, doomed)
            except FileNotFoundError:  # another process got there first
                return
            shutil.rmtree(doomed, ignore_errors=True)

    def host_folders(self) -> list[str]:
        """The host folders pages are cached under (``localhost``, ``127.0.0.1:8000``…)."""
        try:
            entries = list(os.scandir(self.root))
        except FileNotFoundError:
            return []
        return sorted(entry.name for entry in entries if not entry.name.startswith(".") and entry.is_dir(follow_symlinks=False))

    def purge_all(self) -> None:
        for host in self.host_folders():
            self.purge_host(host)

    def lock_path(self, key: CacheKey) -> Path:
        locks = self.root / LOCKS_DIR
        locks.mkdir(parents=True, exist_ok=True)
        return locks / key.digest


def _entry(body: bytes, meta: dict, stat: os.stat_result) -> Entry | None:
    """The page read, or None when its meta belongs to another version of it than its body."""
    modified = stat.st_mtime_ns // 1_000_000_000
    etag = etag_for(modified, stat.st_size)
    headers = [(name, value) for name, value in meta["headers"]]
    if "etag" not in meta:  # written before pages carried validators: give them nginx's
        headers = with_validators(headers, etag, modified)
    elif meta["etag"] != etag:
        return None
    return Entry(body=body, headers=headers, expires=meta["expires"], signature=_signature(stat), etag=etag, modified=modified)


def _read_encoded(path: Path, entry: Entry) -> bool:
    """Fill in the page's encodings from disk; False when one belongs to another version than the body.

    A page written before pages were compressed has none, and is served as it is.
    """
    for encoding, suffix in SUFFIXES.items():
        if encoding not in PREFERENCE:
            continue
        try:
            with open(f"{path}{suffix}", "rb") as file:
                stat = os.fstat(file.fileno())
                compressed = file.read()
        except FileNotFoundError:
            continue
        modified = stat.st_mtime_ns // 1_000_000_000
        if modified != entry.modified:
            return False
        entry.encoded[encoding] = Encoded(body=compressed, etag=etag_for(modified, stat.st_size))
    return True


def _unlink(path: Path) -> None:
    try:
        os.unlink(path)
    except FileNotFoundError:
        pass


def _atomic_write(path: Path, data: bytes, mtime: int | None = None) -> None:
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=".tmp-")
    try:
        with os.fdopen(handle, "wb") as file:
            file.write(data)
        os.chmod(temporary, 0o644)
        if mtime is not None:
            os.utime(temporary, ns=(mtime * 1_000_000_000, mtime * 1_000_000_000))
        os.replace(temporary, path)
    except BaseException:
        try:
            os.unlink(temporary)
        except FileNotFoundError:
            pass
        raise

"""A live story under a thousand polling readers, through the production set-up (run by hand).

    .venv/bin/python bench/live_bench.py                        # 1,000 readers, 2 minutes
    .venv/bin/python bench/live_bench.py --readers 100 --duration 30 --interval 5

Starts the deployed stack of tests/deployed (nginx with TLS from `masthead manage nginx_config --full` in
front of `masthead serve` and its worker, demo content; PostgreSQL when DATABASE_URL names a server, else
SQLite), starts live coverage on a published story and runs, for `--duration` seconds:

- READERS simulated readers, each on its own keep-alive TLS connection to nginx, asking for the story's
  `live.json` INTERVAL seconds after its last answer (each starting at a random offset within the first
  interval) with `If-None-Match` from its last answer and `Accept-Encoding: gzip, br`, as live.js does;
- an editor, signed in through the admin's login form, posting an entry every 5 s through the live story's
  admin form (`/admin/live/<id>/`, CSRF token from the form, 303 back to it), as a reporter would.

Who answered each poll is read from its `X-Cache` header: `NGINX` is nginx serving the page cache's file
(200 or 304); `HIT`/`STALE` the app's page-cache fast path (before Django); `MISS` a render through Django
stored for the next readers; none, Django uncached. It prints the share of polls answered 304 or from a
cache (nginx or the app's fast path), the app requests per second the polling caused (polls nginx did not
answer, and of those the renders), the time from each POST's response to the first reader — and to the
last reader — whose poll showed the entry (median, max; target: max <= 12 s with a 10 s interval), and
errors (failed or refused polls, bad JSON, entries never seen, failed posts; target 0). Readers start
polling one interval before the editor's first post and go on one interval (and 2 s) after the last.
Stops only what it started.
"""

from __future__ import annotations

import argparse
import asyncio
import atexit
import gzip
import json
import os
import random
import re
import secrets
import shutil
import ssl
import statistics
import sys
import tempfile
import time
from collections import Counter
from dataclasses import dataclass, field
from http.cookies import SimpleCookie
from pathlib import Path
from urllib.parse import urlencode

import brotli

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
EDITOR = "editor"  # the superuser tests/deployed/stack.py makes
POST_EVERY = 5.0  # seconds between the editor's entries
TARGET_MARGIN = 2.0  # the target: on every reader's screen within 12 s of posting with a 10 s interval
FAST = {"NGINX", "HIT", "STALE"}  # X-Cache values of answers no Django view produced


# --- the readers ------------------------------------------------------------------------------------------


@dataclass
class Answer:
    status: int
    headers: dict[str, str]  # lower-case names
    body: bytes


class Connection:
    """One reader's keep-alive HTTP/1.1 connection over TLS, reopened when the server closes it."""

    def __init__(self, port: int, host: str, context: ssl.SSLContext):
        self.port, self.host, self.context = port, host, context
        self.reader: asyncio.StreamReader | None = None
        self.writer: asyncio.StreamWriter | None = None

    async def get(self, path: str, headers: dict[str, str]) -> Answer:
        if self.writer is None:
            self.reader, self.writer = await asyncio.open_connection(
                "127.0.0.1", self.port, ssl=self.context, server_hostname=self.host
            )
        lines = [f"GET {path} HTTP/1.1", f"Host: {self.host}", *(f"{k}: {v}" for k, v in headers.items())]
        self.writer.write(("\r\n".join(lines) + "\r\n\r\n").encode("latin-1"))
        await self.writer.drain()
        answer = await read_answer(self.reader)
        if answer.headers.get("connection", "").lower() == "close":
            self.close()
        return answer

    def close(self) -> None:
        if self.writer is not None:
            self.writer.close()
        self.reader = self.writer = None


async def read_answer(stream: asyncio.StreamReader) -> Answer:
    head = await stream.readuntil(b"\r\n\r\n")
    status_line, *header_lines = head.decode("latin-1").split("\r\n")
    headers = {}
    for line in filter(None, header_lines):
        name, _, value = line.partition(":")
        headers[name.strip().lower()] = value.strip()
    status = int(status_line.split()[1])
    if status == 304 or status < 200:
        return Answer(status, headers, b"")
    if headers.get("transfer-encoding", "").lower() == "chunked":
        return Answer(status, headers, await read_chunked(stream))
    return Answer(status, headers, await stream.readexactly(int(headers.get("content-length", "0"))))


async def read_chunked(stream: asyncio.StreamReader) -> bytes:
    body = bytearray()
    while size := int((await stream.readuntil(b"\r\n")).split(b";")[0], 16):
        body += await stream.readexactly(size)
        await stream.readexactly(2)
    await stream.readuntil(b"\r\n")  # no trailers are sent
    return bytes(body)


def decoded(answer: Answer) -> bytes:
    encoding = answer.headers.get("content-encoding", "")
    if encoding == "br":
        return brotli.decompress(answer.body)
    if encoding == "gzip":
        return gzip.decompress(answer.body)
    return answer.body


@dataclass
class Tally:
    """What every reader saw: who answered each poll, errors, and when each reader first saw each entry."""

    polls: Counter = field(default_factory=Counter)  # (X-Cache or "django", status) -> count, in the measured window
    warm_up_polls: int = 0
    errors: Counter = field(default_factory=Counter)
    seen: dict[str, list[float]] = field(default_factory=dict)  # entry title -> each reader's first sight (monotonic)
    lateness: list[float] = field(default_factory=list)  # how late this process sent each poll: its own overload
    full_bytes: list[int] = field(default_factory=list)  # body bytes on the wire of each measured 200

    def record(self, answer: Answer, measured: bool, late: float) -> None:
        if measured:
            self.lateness.append(late)
            if answer.status == 200:
                self.full_bytes.append(len(answer.body))
            self.polls[(answer.headers.get("x-cache", "django"), answer.status)] += 1
        else:
            self.warm_up_polls += 1


async def read_live(
    number: int, port: int, path: str, clock: Clock, interval: float, tally: Tally, context: ssl.SSLContext
) -> None:
    """One reader: from a random offset in the first interval, a poll `interval` after the last one's answer."""
    connection = Connection(port, "localhost", context)
    etag, known = "", set()
    due = clock.start + random.Random(number).uniform(0, interval)
    while due < clock.readers_stop:
        await asyncio.sleep(max(0.0, due - time.monotonic()))
        late = time.monotonic() - due
        headers = {"Accept": "application/json", "Accept-Encoding": "gzip, br"} | ({"If-None-Match": etag} if etag else {})
        try:
            answer = await asyncio.wait_for(connection.get(path, headers), timeout=interval)
        except (TimeoutError, OSError, asyncio.IncompleteReadError, asyncio.LimitOverrunError, ValueError) as error:
            tally.errors[f"poll failed: {type(error).__name__}"] += 1
            connection.close()
        else:
            tally.record(answer, measured=due >= clock.posting_start, late=late)
            if answer.status == 200:
                etag = answer.headers.get("etag", "")
                note_new_entries(answer, known, tally)
            elif answer.status != 304:
                tally.errors[f"poll answered {answer.status}"] += 1
        due = time.monotonic() + interval  # as live.js: the next poll an interval after this one's answer
    connection.close()


def note_new_entries(answer: Answer, known: set[str], tally: Tally) -> None:
    try:
        titles = [entry["title"] for entry in json.loads(decoded(answer))["entries"]]
    except (ValueError, KeyError, TypeError, OSError, brotli.error) as error:
        tally.errors[f"unreadable live.json: {type(error).__name__}"] += 1
        return
    now = time.monotonic()
    for title in titles:
        if title not in known:
            known.add(title)
            tally.seen.setdefault(title, []).append(now)


# --- the editor -------------------------------------------------------------------------------------------


class Editor:
    """A signed-in admin session over one keep-alive connection (blocking: run it in a thread)."""

    def __init__(self, port: int):
        from tests.deployed.client import LoopbackHTTPS

        self.origin = f"https://localhost:{port}"
        self.connection = LoopbackHTTPS("localhost", port, timeout=30)
        self.cookies: dict[str, str] = {}

    def request(self, method: str, path: str, form: dict | None = None) -> tuple[int, str, str]:
        headers = {"Cookie": "; ".join(f"{k}={v}" for k, v in self.cookies.items())}
        body = None
        if form is not None:
            body = urlencode(form).encode()
            headers |= {"Content-Type": "application/x-www-form-urlencoded", "Origin": self.origin, "Referer": self.origin + path}
        self.connection.request(method, path, body=body, headers=headers)
        answer = self.connection.getresponse()
        text = answer.read().decode("utf-8", "replace")
        for value in answer.headers.get_all("Set-Cookie") or []:
            self.cookies |= {name: morsel.value for name, morsel in SimpleCookie(value).items()}
        return answer.status, answer.headers.get("Location", ""), text

    def csrf_token(self, path: str) -> str:
        status, _, page = self.request("GET", path)
        match = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page)
        if status != 200 or not match:
            raise RuntimeError(f"GET {path} answered {status} without a CSRF token")
        return match.group(1)

    def sign_in(self, username: str, password: str) -> None:
        token = self.csrf_token("/admin/login/")
        form = {"csrfmiddlewaretoken": token, "username": username, "password": password, "next": "/admin/"}
        status, location, _ = self.request("POST", "/admin/login/", form)
        if status != 302 or "sessionid" not in self.cookies:
            raise RuntimeError(f"signing in answered {status} (to {location!r})")

    def start_coverage(self, story_id: int) -> None:
        """The desk's "Start live coverage" button."""
        token = self.csrf_token(f"/admin/live/{story_id}/")
        status, location, text = self.request("POST", f"/admin/live/{story_id}/start/", {"csrfmiddlewaretoken": token})
        if status != 303:
            raise RuntimeError(f"starting live coverage answered {status} (to {location!r}): {text[:300]}")

    def post_entry(self, story_id: int, title: str, body: str) -> float:
        """Posts through the live form as the browser would; returns when the POST was answered (monotonic)."""
        path = f"/admin/live/{story_id}/"
        token = self.csrf_token(path)  # the form the editor is looking at (where the last post's 303 led)
        status, location, text = self.request("POST", path, {"csrfmiddlewaretoken": token, "title": title, "body": body})
        answered = time.monotonic()
        if status != 303:
            raise RuntimeError(f"posting answered {status} (to {location!r}): {text[:300]}")
        return answered


async def post_entries(editor: Editor, story_id: int, clock: Clock, run_id: str, posted: dict[str, float], tally: Tally) -> None:
    due, number = clock.posting_start, 1
    while due < clock.posting_stop:
        await asyncio.sleep(max(0.0, due - time.monotonic()))
        title = f"Bench entry {number} ({run_id})"
        body = f"Entry {number} of the live benchmark.\n\nA second paragraph, as reporters write them."
        try:
            posted[title] = await asyncio.to_thread(editor.post_entry, story_id, title, body)
        except (OSError, RuntimeError) as error:
            tally.errors[f"post failed: {error}"] += 1
        due, number = due + POST_EVERY, number + 1


# --- the run ----------------------------------------------------------------------------------------------


@dataclass
class Clock:
    start: float
    posting_start: float
    posting_stop: float
    readers_stop: float

    @classmethod
    def for_run(cls, duration: float, interval: float) -> Clock:
        start = time.monotonic() + 1
        return cls(start, start + interval, start + interval + duration, start + 2 * interval + duration + 2)


async def run(stack, story, args: argparse.Namespace) -> tuple[Tally, dict[str, float], float]:
    context = ssl.create_default_context()
    context.check_hostname, context.verify_mode = False, ssl.CERT_NONE  # the stack's certificate is made on the spot
    editor = Editor(stack.port)
    await asyncio.to_thread(editor.sign_in, EDITOR, stack.editor_password)
    await asyncio.to_thread(editor.start_coverage, story.id)
    tally, posted, run_id = Tally(), {}, secrets.token_hex(4)
    clock = Clock.for_run(args.duration, args.interval)
    path = story.path + "live.json"
    readers = [read_live(n, stack.port, path, clock, args.interval, tally, context) for n in range(args.readers)]
    await asyncio.gather(post_entries(editor, story.id, clock, run_id, posted, tally), *readers)
    return tally, posted, clock.readers_stop - clock.posting_start


def report(tally: Tally, posted: dict[str, float], window: float, args: argparse.Namespace) -> bool:
    polls = sum(tally.polls.values())
    fast = sum(n for (cache, status), n in tally.polls.items() if status == 304 or cache in FAST)
    app = sum(n for (cache, _), n in tally.polls.items() if cache != "NGINX")
    rendered = sum(n for (cache, status), n in tally.polls.items() if cache not in FAST)
    print(
        f"\n{args.readers:,} readers polling every {args.interval:g} s, an entry every {POST_EVERY:g} s for {args.duration:g} s"
    )
    print(f"polls measured: {polls:,} over {window:.0f} s (+{tally.warm_up_polls:,} first polls before the first entry)")
    for (cache, status), n in sorted(tally.polls.items()):
        print(f"  {cache:>6} {status}: {n:>7,}  {n / max(polls, 1):7.2%}")
    if tally.lateness:
        late = sorted(tally.lateness)
        print(
            f"polls sent late by this process (its own load): median {late[len(late) // 2] * 1000:.0f} ms, max {late[-1]:.2f} s"
        )
    if tally.full_bytes:
        print(
            f"body of a 200 (as sent, Brotli or gzip): mean {statistics.mean(tally.full_bytes):,.0f} B, max {max(tally.full_bytes):,} B"
        )
    print(f"answered 304 or from a cache (nginx or the app's fast path): {fast / max(polls, 1):.2%}")
    print(f"app requests caused by polling: {app / window:.2f}/s ({app:,}; of them rendered by Django: {rendered:,})")

    first, last, unseen = [], [], []
    for title, at in posted.items():
        sights = tally.seen.get(title, [])
        if not sights:
            unseen.append(title)
            continue
        first.append(min(sights) - at)
        last.append(max(sights) - at)
    if unseen:
        tally.errors["entries no reader saw"] += len(unseen)
    print(f"entries posted: {len(posted)}")
    if first:
        print(f"post answered -> first reader shows it: median {statistics.median(first):.2f} s, max {max(first):.2f} s")
        print(f"post answered -> last reader shows it:  median {statistics.median(last):.2f} s, max {max(last):.2f} s")
    errors = sum(tally.errors.values())
    print(f"errors: {errors}" + "".join(f"\n  {n:>6} {what}" for what, n in tally.errors.most_common()))
    target = args.interval + TARGET_MARGIN
    within = bool(first) and max(last) <= target
    print(f"targets: every reader shows each entry within {target:g} s: {'met' if within else 'MISSED'}; ", end="")
    print(f"errors 0: {'met' if not errors else 'MISSED'}")
    return within and not errors


def start_stack_environment() -> None:
    # tests.deployed imports the test suite's conftest, which needs Django set up; the stack's own processes get
    # a scrubbed production environment of their own, so this scratch configuration stays in this process.
    scratch_home = tempfile.mkdtemp(prefix="masthead-live-bench-")
    atexit.register(shutil.rmtree, scratch_home, True)
    os.environ.update(MASTHEAD_HOME=scratch_home, MASTHEAD_DEMO="1")
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "masthead.config.settings")
    import django

    django.setup()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--readers", type=int, default=1000)
    parser.add_argument("--duration", type=float, default=120, help="seconds the editor posts for")
    parser.add_argument("--interval", type=float, default=10, help="seconds between one reader's polls")
    args = parser.parse_args()
    start_stack_environment()
    from tests.deployed.editing import newest_story
    from tests.deployed.stack import deployed_stack

    with deployed_stack() as stack:
        story = newest_story(stack.get)
        print(f"live story {story.id}: {stack.url(story.path)}", file=sys.stderr)
        tally, posted, window = asyncio.run(run(stack, story, args))
    return 0 if report(tally, posted, window, args) else 1


if __name__ == "__main__":
    sys.exit(main())

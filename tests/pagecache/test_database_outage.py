"""A real database outage: PostgreSQL stopped under the running app, then started again.

The other outage tests fake it (an injected ``OperationalError``, a failing
upstream). Here the app runs as in production — Granian, the page cache in
front of Django, the demo edition — on a private PostgreSQL cluster this test
starts for itself (the shared server the rest of the suite uses is never
touched), and that cluster is stopped and started under it:

* a cached article keeps answering 200, fresh and then stale;
* pages that are not cached answer 503 at once, with ``Retry-After`` and a
  readable page, and the 503 is never stored;
* nothing answers 500 and no request hangs;
* when the database is back every page answers 200 again without restarting
  the app, and the stale article is refreshed in the background;
* a database restart between two requests costs no reader an error
  (persistent connections are health-checked before use).

It runs only when the suite runs on PostgreSQL and skips on SQLite.
"""

from __future__ import annotations

import http.client
import json
import os
import re
import shlex
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from django.conf import settings
from django.utils.html import escape

from tests.conftest import require

pytestmark = pytest.mark.postgres

ROOT = Path(__file__).resolve().parents[2]
PYTHON = sys.executable
DEBIAN_POSTGRES = Path("/usr/lib/postgresql")  # Debian's layout: <version>/bin/{initdb,pg_ctl}
HOST = "localhost"  # the demo edition's host name
TTL = 5  # seconds a page stays fresh in the cache: short, so the outage outlives it
REQUEST_TIMEOUT = 15  # a request still unanswered after this long counts as hung
RECOVERY_SECONDS = 30
API_PATHS = ("/api/v1/top", "/api/v1/sections", "/api/v1/search?q=x", "/api/v1/articles?section=world")


# --- a private PostgreSQL cluster --------------------------------------------------


def _version_key(name: str) -> tuple[int, ...]:
    return tuple(int(part) for part in re.findall(r"\d+", name))


def postgres_bin_dir() -> Path | None:
    """The newest Debian PostgreSQL with initdb and pg_ctl, else the pair on PATH."""
    if DEBIAN_POSTGRES.is_dir():
        versions = [
            path / "bin"
            for path in DEBIAN_POSTGRES.iterdir()
            if (path / "bin" / "initdb").is_file() and (path / "bin" / "pg_ctl").is_file()
        ]
        if versions:
            return max(versions, key=lambda path: _version_key(path.parent.name))
    initdb, pg_ctl = shutil.which("initdb"), shutil.which("pg_ctl")
    if initdb and pg_ctl and Path(initdb).parent == Path(pg_ctl).parent:
        return Path(initdb).parent
    return None


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class PrivateCluster:
    """A throwaway cluster in a temporary directory, on its own port and socket directory.

    initdb refuses to run as root: when the suite runs as root, the cluster
    belongs to (and its commands run as) the ``postgres`` user.
    """

    def __init__(self, bin_dir: Path, root: Path, user: str | None):
        self.bin_dir = bin_dir
        self.root = root
        self.data = root / "data"
        self.log = root / "postgres.log"
        self.user = user
        self.port = free_port()
        self.url = f"postgres://masthead@127.0.0.1:{self.port}/masthead"

    def run(self, *args: str, timeout: float = 60) -> subprocess.CompletedProcess:
        command = [*args]
        if self.user:
            if shutil.which("runuser"):
                command = ["runuser", "-u", self.user, "--", *args]
            else:
                command = ["su", self.user, "-s", "/bin/sh", "-c", shlex.join(args)]
        result = subprocess.run(command, cwd=self.root, capture_output=True, text=True, timeout=timeout)
        if result.returncode != 0:
            raise RuntimeError(f"{shlex.join(args)} failed ({result.returncode}): {result.stderr.strip()}\n{self.log_tail()}")
        return result

    def log_tail(self, lines: int = 20) -> str:
        try:
            return "\n".join(self.log.read_text(errors="replace").splitlines()[-lines:])
        except OSError:
            return ""

    def create(self) -> None:
        self.run(str(self.bin_dir / "initdb"), "-D", str(self.data), "-U", "masthead", "--auth=trust", "-E", "UTF8", "--no-sync")
        self.start()
        self.run(str(self.bin_dir / "createdb"), "-h", "127.0.0.1", "-p", str(self.port), "-U", "masthead", "masthead")

    def start(self) -> None:
        options = (
            f"-p {self.port} -c listen_addresses=127.0.0.1 -c unix_socket_directories={shlex.quote(str(self.root))} "
            "-c fsync=off -c synchronous_commit=off -c full_page_writes=off"
        )
        self.run(
            str(self.bin_dir / "pg_ctl"), "-D", str(self.data), "-l", str(self.log), "-o", options, "-w", "-t", "30", "start"
        )

    def stop(self, mode: str = "fast") -> None:
        self.run(str(self.bin_dir / "pg_ctl"), "-D", str(self.data), "-m", mode, "-w", "-t", "30", "stop")

    def destroy(self) -> None:
        if (self.data / "postmaster.pid").exists():
            try:
                self.stop("immediate")
            except (RuntimeError, subprocess.TimeoutExpired):
                pid = int((self.data / "postmaster.pid").read_text().split()[0])
                try:
                    os.kill(pid, signal.SIGQUIT)  # the postmaster's own "immediate shutdown"
                except ProcessLookupError:
                    pass
        shutil.rmtree(self.root, ignore_errors=True)


@pytest.fixture
def private_postgres():
    if "postgresql" not in settings.DATABASES["default"]["ENGINE"]:
        pytest.skip("real database outage: runs only when the suite runs on PostgreSQL (set DATABASE_URL=postgres://...)")
    bin_dir = postgres_bin_dir()
    require(bin_dir is not None, "PostgreSQL server binaries (initdb, pg_ctl) for a private cluster")
    user = None
    if os.geteuid() == 0:
        import pwd

        try:
            pwd.getpwnam("postgres")
            user = "postgres"
        except KeyError:
            require(False, "a 'postgres' user to run a private cluster as (initdb refuses root)")
    root = Path(tempfile.mkdtemp(prefix="masthead-outage-pg-"))
    if user:
        shutil.chown(root, user=user)
    cluster = PrivateCluster(bin_dir, root, user)
    try:
        try:
            cluster.create()
        except (RuntimeError, OSError, subprocess.TimeoutExpired) as error:
            require(False, f"a private PostgreSQL cluster ({error})")
        yield cluster
    finally:
        cluster.destroy()


# --- the app, as production runs it -----------------------------------------------


@dataclass
class Answer:
    status: int
    headers: dict[str, str]
    body: bytes


@dataclass
class Story:
    url: str
    title: str

    def shown_in(self, body: bytes) -> bool:
        return escape(self.title).encode() in body


@dataclass
class App:
    process: subprocess.Popen
    port: int
    log: Path
    seen: list[tuple[str, int]] = field(default_factory=list)

    def get(self, path: str, timeout: float = REQUEST_TIMEOUT) -> Answer:
        connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=timeout)
        try:
            connection.request("GET", path, headers={"Host": HOST})
            response = connection.getresponse()
            answer = Answer(response.status, {k.lower(): v for k, v in response.getheaders()}, response.read())
        except TimeoutError:
            pytest.fail(f"GET {path} hung: no answer in {timeout}s\n{self.log_tail()}")
        finally:
            connection.close()
        self.seen.append((path, answer.status))
        return answer

    def log_tail(self, lines: int = 40) -> str:
        return "\n".join(self.log.read_text(errors="replace").splitlines()[-lines:])


def _run(*args: str, env: dict) -> str:
    result = subprocess.run([PYTHON, *args], env=env, cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, f"{' '.join(args)} failed:\n{result.stdout[-2000:]}\n{result.stderr[-4000:]}"
    return result.stdout


@pytest.fixture
def outage_app(private_postgres, tmp_path):
    """The demo edition on the private cluster, served by Granian with the page cache on."""
    require(_importable("granian"), "granian, the app server")
    env = {
        k: v
        for k, v in os.environ.items()
        if k not in ("DATABASE_URL", "DJANGO_SETTINGS_MODULE", "CONN_MAX_AGE", "REDIS_URL", "ALLOWED_HOSTS")
        and not k.startswith("PAGECACHE")
    }
    env.update(
        MASTHEAD_HOME=str(tmp_path / "home"),
        MASTHEAD_DEMO="1",
        DATABASE_URL=private_postgres.url,
        PAGECACHE="1",
        PAGECACHE_TTL=str(TTL),
        PYTHONUNBUFFERED="1",
    )
    _run("-m", "masthead.cli", "demo", "--no-serve", env=env)
    listing = _run(
        "-m",
        "masthead.cli",
        "manage",
        "shell",
        "-c",
        # The English edition's stories: they are read below on its host name (the demo's Urdu edition has its own).
        "from wagtail.models import Site\n"
        "from masthead.news.models import ArticlePage as A\n"
        "home = Site.objects.get(is_default_site=True).root_page\n"
        "for a in A.objects.live().descendant_of(home).order_by('-published_at')[:2]:\n"
        "    print(a.get_url_parts()[2] + '\\t' + a.title)",
        env=env,
    )
    stories = [Story(*line.split("\t", 1)) for line in listing.splitlines() if line.startswith("/") and "\t" in line]
    assert len(stories) == 2, listing

    port = free_port()
    log = tmp_path / "granian.log"
    with open(log, "wb") as out:
        process = subprocess.Popen(
            [
                PYTHON,
                "-m",
                "granian",
                "--interface",
                "wsgi",
                "--host",
                "127.0.0.1",
                "--port",
                str(port),
                "--workers",
                "1",
                "--blocking-threads",
                "2",
                "--no-ws",
                "masthead.config.wsgi:application",
            ],
            env=env,
            cwd=ROOT,
            stdout=out,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
    app = App(process, port, log)
    try:
        _wait_until_serving(app)
        yield app, private_postgres, stories
    finally:
        try:
            os.killpg(process.pid, signal.SIGTERM)
            process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait(timeout=10)
        except ProcessLookupError:
            pass


def _importable(module: str) -> bool:
    import importlib.util

    return importlib.util.find_spec(module) is not None


def _wait_until_serving(app: App, timeout: float = 60) -> None:
    """Search pages are never cached: a 200 means Django answered from the database."""
    deadline = time.monotonic() + timeout
    while True:
        assert app.process.poll() is None, f"the app exited ({app.process.returncode}):\n{app.log_tail()}"
        try:
            if app.get("/search/?q=ready").status == 200:
                return
        except OSError:
            pass
        assert time.monotonic() < deadline, f"the app did not start in {timeout}s:\n{app.log_tail()}"
        time.sleep(0.3)


# --- the outage --------------------------------------------------------------------


def test_stopping_the_database_keeps_cached_pages_up_and_service_comes_back_by_itself(outage_app):
    app, database, (cached, uncached) = outage_app
    pid = app.process.pid

    # One article is read, so it is in the page cache; the other never is.
    first = app.get(cached.url)
    cached_at = time.monotonic()
    assert first.status == 200 and cached.shown_in(first.body), app.log_tail()
    warm = app.get(cached.url)
    assert warm.status == 200 and warm.headers.get("x-cache") == "HIT"

    database.stop("fast")

    during = app.get(cached.url)
    assert during.status == 200 and cached.shown_in(during.body)
    assert during.headers.get("x-cache") in ("HIT", "STALE")
    for path in (uncached.url, "/search/?q=x", uncached.url):
        started = time.monotonic()
        down = app.get(path)
        assert down.status == 503, (path, down.status, down.body[:500])
        assert time.monotonic() - started < 5, f"{path}: the 503 took {time.monotonic() - started:.1f}s"
        assert int(down.headers.get("retry-after", "0")) > 0, down.headers
        assert "no-store" in down.headers.get("cache-control", "")
        assert down.headers.get("content-type", "").startswith("text/html")
        assert b"Back in a moment" in down.body
        assert "x-cache" not in down.headers  # passed through, not stored
    for path in API_PATHS:  # the app API says the same in its own error shape
        down = app.get(path)
        assert down.status == 503, (path, down.status, down.body[:500])
        assert int(down.headers.get("retry-after", "0")) > 0, down.headers
        assert "no-store" in down.headers.get("cache-control", "") and "x-cache" not in down.headers
        assert json.loads(down.body)["error"]["code"] == "unavailable"

    # Past its lifetime the article is served stale; the failed background refresh keeps that copy.
    time.sleep(max(0.0, cached_at + TTL + 0.5 - time.monotonic()))
    for _ in range(3):
        stale = app.get(cached.url)
        assert stale.status == 200 and stale.headers.get("x-cache") == "STALE" and cached.shown_in(stale.body)
        time.sleep(0.3)

    database.start()

    deadline = time.monotonic() + RECOVERY_SECONDS
    while (back := app.get(uncached.url)).status != 200:
        assert back.status == 503, (back.status, back.body[:500])
        assert time.monotonic() < deadline, f"no recovery {RECOVERY_SECONDS}s after the database returned:\n{app.log_tail()}"
        time.sleep(0.25)
    assert uncached.shown_in(back.body)
    assert back.headers.get("x-cache") == "MISS"  # rendered now: no 503 was kept in the cache
    for path in API_PATHS:
        assert app.get(path).status == 200, path
    assert app.process.poll() is None and app.process.pid == pid  # the same app, never restarted
    for n in range(6):  # every worker thread has its database connection back
        assert app.get(f"/search/?q=after{n}").status == 200

    deadline = time.monotonic() + RECOVERY_SECONDS
    while (refreshed := app.get(cached.url)).headers.get("x-cache") != "HIT":
        assert refreshed.status == 200
        assert time.monotonic() < deadline, "the stale article was never refreshed once the database returned"
        time.sleep(0.2)
    assert cached.shown_in(refreshed.body)

    # A restart between two requests: the connections kept open are checked, not trusted.
    database.stop("fast")
    database.start()
    for n in range(6):
        assert app.get(f"/search/?q=restart{n}").status == 200

    errors = [(path, status) for path, status in app.seen if status >= 500 and status != 503]
    assert not errors, errors

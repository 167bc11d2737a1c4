"""Publish-to-live: how long until readers see a change, through nginx and the page cache (run by hand).

    .venv/bin/python bench/publish_to_live.py      # N=10 updates and 10 new stories

Starts Granian (page cache on) and nginx in front of it on a scratch demo,
waits until the app answers through nginx and every polled page is served
by nginx from the page cache, then, from this process, publishes title
updates to a story and files new stories, as an editor would, while polling
every URL that must change (the story, the home page, its section, a tag
page, the RSS feed) through nginx every 10 ms. Prints the time from the
publish call to each URL showing the change: median and max, the max per
URL, and for the slowest publishes which URL was late and what it was
served meanwhile (nginx's file, an app error...).
"""

from __future__ import annotations

import os
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
N = int(os.environ.get("N", "10"))
APP_PORT, NGINX_PORT = 8794, 8795


def fetch(url: str) -> tuple[int, str, bytes]:
    """Status, who answered (X-Cache: NGINX for a file nginx served, HIT/MISS/STALE from the app) and body."""
    request = urllib.request.Request(url, headers={"Host": "localhost"})
    try:
        with urllib.request.urlopen(request, timeout=5) as response:
            return response.status, response.headers.get("X-Cache", "-"), response.read()
    except urllib.error.HTTPError as error:
        return error.code, error.headers.get("X-Cache", "-"), error.read()


@dataclass
class Shown:
    seconds: float = float("inf")
    via: str = "never"  # who served the first response showing the change
    before: Counter = field(default_factory=Counter)  # what was served until then: "NGINX", "MISS", "502"...


def wait_until_shown(urls: dict[str, str], marker: bytes, started: float, timeout: float = 10.0) -> dict[str, Shown]:
    shown = {name: Shown() for name in urls}
    pending = set(urls)
    while pending and time.perf_counter() - started < timeout:
        for name in [name for name in urls if name in pending]:
            status, via, body = fetch(urls[name])
            if status == 200 and marker in body:
                shown[name].seconds, shown[name].via = time.perf_counter() - started, via
                pending.discard(name)
            else:
                shown[name].before[via if status == 200 else str(status)] += 1
        time.sleep(0.01)
    return shown


def wait_until_cached(url: str, timeout: float = 30.0) -> None:
    """The app answers this URL through nginx, and nginx now serves it from the page cache's file."""
    deadline = time.monotonic() + timeout
    while True:
        try:
            status, via, _ = fetch(url)
            if status == 200 and via == "NGINX":
                return
        except OSError:
            pass
        if time.monotonic() > deadline:
            raise RuntimeError(f"{url} is not served from the page cache by nginx")
        time.sleep(0.1)


def main() -> int:
    home = Path(tempfile.mkdtemp(prefix="masthead-p2l-"))
    home.chmod(0o755)  # nginx's workers (www-data, never root) read the page cache under it
    env = {k: v for k, v in os.environ.items() if k not in ("DATABASE_URL", "DJANGO_SETTINGS_MODULE")}
    env.update(MASTHEAD_HOME=str(home), MASTHEAD_DEMO="1")
    subprocess.run(
        [sys.executable, "-m", "masthead.cli", "demo", "--no-serve"], env=env, cwd=ROOT, check=True, capture_output=True
    )
    run_dir = home / "nginx"
    run_dir.mkdir()
    subprocess.run(
        [
            sys.executable,
            "-m",
            "masthead.cli",
            "manage",
            "nginx_config",
            "--full",
            "--listen",
            f"127.0.0.1:{NGINX_PORT}",
            "--upstream",
            f"127.0.0.1:{APP_PORT}",
            "--run-dir",
            str(run_dir),
            "--output",
            str(run_dir / "nginx.conf"),
        ],
        env=env,
        cwd=ROOT,
        check=True,
        capture_output=True,
    )
    app = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "granian",
            "--interface",
            "wsgi",
            "--host",
            "127.0.0.1",
            "--port",
            str(APP_PORT),
            "--workers",
            "2",
            "--blocking-threads",
            "2",
            "--no-ws",
            "masthead.config.wsgi:application",
        ],
        env=env,
        cwd=ROOT,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,
    )
    # The purges and warm renders a publish enqueues are run by the worker `masthead serve` would start beside Granian.
    worker = subprocess.Popen([sys.executable, "-m", "masthead.cli", "worker"], env=env, cwd=ROOT, start_new_session=True)
    nginx = subprocess.Popen(
        ["nginx", "-c", str(run_dir / "nginx.conf"), "-p", str(run_dir), "-g", "daemon off;"],
        stderr=subprocess.DEVNULL,
        start_new_session=True,
    )
    os.environ.update(env, DJANGO_SETTINGS_MODULE="masthead.config.settings")
    import django

    django.setup()
    from masthead.news import services
    from masthead.news.models import ArticlePage

    base = f"http://127.0.0.1:{NGINX_PORT}"
    try:
        story = ArticlePage.objects.filter(agency__name="Interfax").order_by("-published_at").first()
        tag = story.tags.first().slug
        section = "/" + story.section.slug + "/"
        listings = {"home": base + "/", "section": base + section, "tag": base + f"/tags/{tag}/", "feed": base + "/feed/"}
        urls = {"story": base + story.url, **listings}
        # Everything cached before the clock starts. Until Granian listens nginx answers 502, so wait for
        # nginx to serve each page from its file: only then is the app up and the cache full.
        for url in urls.values():
            wait_until_cached(url)

        update_times, new_times = [], []
        # Updates first: new stories would push the updated one off the home page's lists.
        for n in range(N):
            marker = f"Updated headline {n} {time.time_ns()}"
            story.title = marker
            started = time.perf_counter()
            story.save_revision().publish()  # its purge is a task: the worker `masthead serve` started runs it
            update_times.append(wait_until_shown(urls, marker.encode(), started))
        for n in range(N):
            title = f"Breaking demo story {n} {time.time_ns()}"
            started = time.perf_counter()
            services.file_story(
                story.section, services.StoryDraft(title=title, paragraphs=["<p>Demo text.</p>"], tags=[tag]), publish=True
            )
            new_times.append(wait_until_shown(listings, title.encode(), started))
    finally:
        for process in (app, worker, nginx):
            os.killpg(process.pid, signal.SIGTERM)
            process.wait(timeout=20)
        shutil.rmtree(home, ignore_errors=True)

    def ms(seconds: float) -> str:
        return f"{seconds * 1000:.0f} ms"

    def report(label: str, runs: list[dict[str, Shown]]) -> None:
        flat = [shown.seconds for run in runs for shown in run.values()]
        slowest = [max(shown.seconds for shown in run.values()) for run in runs]
        print(
            f"{label:<40} median {statistics.median(flat) * 1000:7.1f} ms   max {max(flat) * 1000:7.1f} ms   "
            f"(slowest URL per publish: median {statistics.median(slowest) * 1000:.1f} ms)"
        )
        names = list(runs[0])
        print(f"{'':<40} max per URL: " + ", ".join(f"{name} {ms(max(run[name].seconds for run in runs))}" for name in names))
        for number, run in sorted(enumerate(runs), key=lambda item: -max(s.seconds for s in item[1].values()))[:3]:
            name, shown = max(run.items(), key=lambda item: item[1].seconds)
            before = ", ".join(f"{count}x {what}" for what, count in shown.before.most_common()) or "nothing"
            print(f"{'':<40} publish #{number}: slowest {name} {ms(shown.seconds)} (shown by {shown.via}; before it: {before})")

    print(f"\nPublish-to-live through nginx, {N} publishes each (time from the publish call to the URL showing the change)")
    report("update: story, home, section, tag, feed", update_times)
    report("new story: home, section, tag, feed", new_times)
    return 0


if __name__ == "__main__":
    sys.exit(main())

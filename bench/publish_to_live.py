"""Publish-to-live: how long until readers see a change, through nginx and the page cache (run by hand).

    .venv/bin/python bench/publish_to_live.py      # N=10 updates and 10 new stories

Starts Granian (page cache on) and nginx in front of it on a scratch demo,
then, from this process, publishes title updates to a story and files new
stories, as an editor would, while polling every URL that must change
(the story, the home page, its section, a tag page, the RSS feed) through
nginx every 10 ms. Prints the time from the publish call returning to each
URL showing the change: median and max.
"""

from __future__ import annotations

import os
import signal
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
N = int(os.environ.get("N", "10"))
APP_PORT, NGINX_PORT = 8794, 8795


def fetch(url: str) -> bytes:
    request = urllib.request.Request(url, headers={"Host": "localhost"})
    try:
        return urllib.request.urlopen(request, timeout=5).read()
    except urllib.error.HTTPError as error:
        return error.read()


def wait_until_shown(urls: list[str], marker: bytes, started: float, timeout: float = 10.0) -> list[float]:
    pending, seen = set(urls), {}
    while pending and time.perf_counter() - started < timeout:
        for url in list(pending):
            if marker in fetch(url):
                seen[url] = time.perf_counter() - started
                pending.discard(url)
        time.sleep(0.01)
    return [seen.get(url, float("inf")) for url in urls]


def main() -> int:
    home = Path(tempfile.mkdtemp(prefix="masthead-p2l-"))
    env = {k: v for k, v in os.environ.items() if k not in ("DATABASE_URL", "DJANGO_SETTINGS_MODULE")}
    env.update(MASTHEAD_HOME=str(home), MASTHEAD_DEMO="1")
    subprocess.run([sys.executable, "-m", "masthead.cli", "demo", "--no-serve"], env=env, cwd=ROOT, check=True, capture_output=True)
    run_dir = home / "nginx"
    run_dir.mkdir()
    subprocess.run([sys.executable, "-m", "masthead.cli", "manage", "nginx_config", "--full", "--listen", f"127.0.0.1:{NGINX_PORT}",
                    "--upstream", f"127.0.0.1:{APP_PORT}", "--run-dir", str(run_dir), "--output", str(run_dir / "nginx.conf")],
                   env=env, cwd=ROOT, check=True, capture_output=True)
    app = subprocess.Popen([sys.executable, "-m", "granian", "--interface", "wsgi", "--host", "127.0.0.1", "--port", str(APP_PORT),
                            "--workers", "2", "--blocking-threads", "2", "--no-ws", "masthead.config.wsgi:application"],
                           env=env, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)
    nginx = subprocess.Popen(["nginx", "-c", str(run_dir / "nginx.conf"), "-p", str(run_dir), "-g", "daemon off;"],
                             stderr=subprocess.DEVNULL, start_new_session=True)
    os.environ.update(env, DJANGO_SETTINGS_MODULE="masthead.config.settings")
    import django

    django.setup()
    from masthead.news import services
    from masthead.news.models import ArticlePage
    from masthead.pagecache import worker

    base = f"http://127.0.0.1:{NGINX_PORT}"
    try:
        deadline = time.monotonic() + 30
        while True:
            try:
                fetch(base + "/")
                break
            except OSError:
                if time.monotonic() > deadline:
                    raise
                time.sleep(0.2)
        story = ArticlePage.objects.filter(agency__name="Interfax").order_by("-published_at").first()
        tag = story.tags.first().slug
        section = "/" + story.section.slug + "/"
        urls = [base + story.url, base + "/", base + section, base + f"/tags/{tag}/"]
        for url in urls:  # everything cached before the clock starts
            fetch(url), fetch(url)

        update_times, new_times = [], []
        # Updates first: new stories would push the updated one off the home page's lists.
        for n in range(N):
            marker = f"Updated headline {n} {time.time_ns()}"
            story.title = marker
            started = time.perf_counter()
            story.save_revision().publish()
            worker.drain()
            update_times.append(wait_until_shown(urls, marker.encode(), started))
        for n in range(N):
            title = f"Breaking demo story {n} {time.time_ns()}"
            started = time.perf_counter()
            services.file_story(story.section, services.StoryDraft(title=title, paragraphs=["<p>Demo text.</p>"], tags=[tag]), publish=True)
            worker.drain()
            new_times.append(wait_until_shown([base + "/", base + section, base + f"/tags/{tag}/"], title.encode(), started))
    finally:
        for process in (app, nginx):
            os.killpg(process.pid, signal.SIGTERM)
            process.wait(timeout=20)

    def report(label: str, runs: list[list[float]]) -> None:
        flat = [t for run in runs for t in run]
        slowest = [max(run) for run in runs]
        print(f"{label:<34} median {statistics.median(flat) * 1000:7.1f} ms   max {max(flat) * 1000:7.1f} ms   "
              f"(slowest URL per publish: median {statistics.median(slowest) * 1000:.1f} ms)")

    print(f"\nPublish-to-live through nginx, {N} publishes each (time from the publish call to the URL showing the change)")
    report("update: story, home, section, tag", update_times)
    report("new story: home, section, tag", new_times)
    return 0


if __name__ == "__main__":
    sys.exit(main())

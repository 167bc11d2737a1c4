"""The app server, the worker and a publishing process, as separate OS processes an operator would run.

Production settings in a fresh home (PostgreSQL when DATABASE_URL names a server: a new database,
dropped afterwards; else SQLite under the home), `masthead serve --no-worker` and `masthead worker`
started, killed and started again independently, and a publisher that files and updates stories in
its own process, each publish in one transaction as the admin's are.
"""

from __future__ import annotations

import http.client
import json
import os
import secrets
import shutil
import signal
import subprocess
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from tests.deployed.processes import Service, free_port, masthead, run, scrubbed_env
from tests.deployed.stack import fresh_database

HOST = "localhost"

SETUP = """
from wagtail.models import Page, Site
from masthead.news import services
for page in Page.objects.filter(depth=2):
    Site.objects.filter(root_page=page).delete()
    page.delete()
site = services.create_edition(name="Pipeline News", hostname="localhost", port=80)
section = services.create_section(site.root_page.specific, title="World", slug="world")
draft = services.StoryDraft(title="Running story, edition 0", paragraphs=["<p>The first lines.</p>"])
print(services.file_story(section, draft, publish=True).pk)
"""

# Alternately updates the running story and files a new one; prints each publish once it has committed.
PUBLISHER = """
import os, random, sys, time
from django.db import transaction
from masthead.news import services
from masthead.news.models import ArticlePage, SectionPage
story_id, first, count = (int(os.environ[name]) for name in ("STORY_ID", "FIRST", "COUNT"))
section = SectionPage.objects.get(slug="world")
for n in range(first, first + count):
    if n % 2:
        with transaction.atomic():
            story = ArticlePage.objects.get(pk=story_id)
            story.title = f"Running story, edition {n}"
            story.save_revision().publish()
    else:
        draft = services.StoryDraft(title=f"New story number {n}", paragraphs=["<p>Filed now.</p>"])
        services.file_story(section, draft, publish=True)
    print(n, flush=True)
    time.sleep(random.uniform(0, 0.15))
"""

STATE = """
import json
from masthead.news.models import ArticlePage
stories = ArticlePage.objects.live().order_by("-published_at", "-pk")
print(json.dumps([{"id": s.pk, "title": s.title, "path": s.url} for s in stories]))
"""


def get(port: int, path: str, timeout: float = 5) -> tuple[int, dict, str]:
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=timeout)
    try:
        connection.request("GET", path, headers={"Host": HOST})
        response = connection.getresponse()
        return response.status, {k.lower(): v for k, v in response.getheaders()}, response.read().decode("utf-8", "replace")
    finally:
        connection.close()


@dataclass
class Newsroom:
    home: Path
    env: dict[str, str]
    port: int
    story_id: int = 0
    app: Service | None = None
    worker: Service | None = None
    logs: list[Path] = field(default_factory=list)

    def manage_shell(self, code: str, timeout: float = 180, **env: str) -> str:
        return run(masthead("manage", "shell", "-c", code), env={**self.env, **env}, cwd=self.home, timeout=timeout).stdout

    def _service(self, name: str, argv: list[str]) -> Service:
        log = self.home / f"{name}-{len(self.logs)}.log"
        self.logs.append(log)
        return Service(name, argv, env=self.env, cwd=self.home, log=log)

    def start_app(self, *, with_worker: bool = False) -> None:
        argv = masthead("serve", "--bind", f"127.0.0.1:{self.port}", "--workers", "1")
        self.app = self._service("serve", argv if with_worker else [*argv, "--no-worker"])
        self.app.wait_until(lambda: get(self.port, "/robots.txt")[0] < 500, timeout=90)

    def start_worker(self) -> None:
        self.worker = self._service("worker", masthead("worker"))

    def kill(self, service: Service | None) -> None:
        """SIGKILL, the whole process group: no handler runs, nothing is flushed."""
        if service is None:
            return
        try:
            os.killpg(service.process.pid, signal.SIGKILL)
        except ProcessLookupError:
            pass
        service.process.wait(timeout=10)

    def kill_process(self, process: subprocess.Popen) -> None:
        try:
            os.killpg(process.pid, signal.SIGKILL)
        except ProcessLookupError:
            pass

    def publisher(self, first: int, count: int) -> subprocess.Popen:
        env = {**self.env, "STORY_ID": str(self.story_id), "FIRST": str(first), "COUNT": str(count)}
        return subprocess.Popen(
            masthead("manage", "shell", "-c", PUBLISHER),
            env=env,
            cwd=self.home,
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            text=True,
            start_new_session=True,
        )

    def live_stories(self) -> list[dict]:
        return json.loads(self.manage_shell(STATE).strip().splitlines()[-1])

    def output(self) -> str:
        return "\n".join(f"--- {log.name}\n{log.read_text(errors='replace')[-3000:]}" for log in self.logs if log.exists())

    def stop(self) -> None:
        for service in (self.worker, self.app):
            if service is not None:
                service.stop()


@contextmanager
def newsroom() -> Iterator[Newsroom]:
    root = Path(tempfile.mkdtemp(prefix="masthead-pipeline-"))
    try:
        with fresh_database() as database_url:
            env = scrubbed_env(
                MASTHEAD_HOME=str(root),
                SECRET_KEY=secrets.token_urlsafe(50),
                HTTPS="0",
                ALLOWED_HOSTS=f"{HOST},127.0.0.1",
            )
            if database_url:
                env["DATABASE_URL"] = database_url
            room = Newsroom(root, env, free_port())
            run(masthead("manage", "migrate", "--no-input", "-v", "0"), env=env, cwd=root, timeout=300)
            room.story_id = int(room.manage_shell(SETUP).strip().splitlines()[-1])
            try:
                yield room
            finally:
                room.stop()
    finally:
        shutil.rmtree(root, ignore_errors=True)

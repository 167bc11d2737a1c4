"""The ``masthead`` command in a demo's home: after ``masthead demo`` the README's commands work with nothing exported.

Every command runs the real console script in a subprocess, from a fresh
folder, with none of the settings a developer might have exported (no
SECRET_KEY, DATABASE_URL, MASTHEAD_HOME, DJANGO_SETTINGS_MODULE): as a
reader of the README would, right after ``make demo``.
"""

from __future__ import annotations

import os
import re
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import require
from tests.ingest.conftest import SEED_NAME, shared_root

ROOT = Path(__file__).resolve().parents[1]
SCRIPT = Path(sys.executable).parent / "masthead"
SCRUBBED = (
    "SECRET_KEY",
    "DATABASE_URL",
    "MASTHEAD_HOME",
    "DJANGO_SETTINGS_MODULE",
    "MASTHEAD_DEMO",
    "ALLOWED_HOSTS",
    "HTTPS",
    "DEBUG",
)
SEED_HEADLINE = "Russia ready for talks with Ukraine in Belarus"
MISSING_KEY = "SECRET_KEY is not set"


def scrubbed_env(**extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in SCRUBBED and not k.startswith("PAGECACHE")}
    # This checkout's package, whichever one the console script was installed from.
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(ROOT), os.environ.get("PYTHONPATH")]))
    env.update(extra)
    return env


def masthead(cwd: Path, *args: str, timeout: float = 300, **extra_env: str) -> subprocess.CompletedProcess:
    require(SCRIPT.is_file(), f"the masthead console script at {SCRIPT} (pip install -e .)")
    env = scrubbed_env(**extra_env)
    return subprocess.run([str(SCRIPT), *args], cwd=cwd, env=env, capture_output=True, text=True, timeout=timeout)


def ok(result: subprocess.CompletedProcess) -> str:
    assert result.returncode == 0, f"exit {result.returncode}\n{result.stdout[-2000:]}\n{result.stderr[-4000:]}"
    return result.stdout


def one_line_refusal(result: subprocess.CompletedProcess, command: str) -> str:
    """Exit 2 and a single line on stderr naming the command and the problem: no traceback."""
    assert result.returncode == 2, f"exit {result.returncode}\n{result.stderr[-3000:]}"
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith(f"masthead {command}: ") and "Traceback" not in result.stderr
    return lines[0]


@pytest.fixture(scope="module")
def demo_folder(tmp_path_factory) -> Path:
    """A folder where `masthead demo --no-serve` has run, as `make demo` runs it: home is ./var."""
    folder = tmp_path_factory.mktemp("after-make-demo")
    ok(masthead(folder, "demo", "--no-serve"))
    assert (folder / "var" / "masthead.sqlite3").is_file()
    return folder


@pytest.fixture
def seed_path() -> Path:
    path = shared_root().parent / "seed" / SEED_NAME
    require(path.is_file(), f"the seed page is not at {path} (set MASTHEAD_SHARED_DATA to ../shared/data)")
    return path


def test_the_demo_marks_its_home(demo_folder):
    from masthead.config.env import read_demo_env

    assert read_demo_env(demo_folder / "var") == {"MASTHEAD_DEMO": "1"}


def test_the_readme_ingest_command_publishes_the_seed_into_the_demo_database(demo_folder, seed_path):
    output = ok(masthead(demo_folder, "ingest", str(seed_path), "--publish"))
    assert "1 published" in output

    # In that home's own SQLite file, read without Django ...
    with sqlite3.connect(demo_folder / "var" / "masthead.sqlite3") as db:
        query = "SELECT url_path FROM wagtailcore_page WHERE title LIKE ? AND live"
        rows = db.execute(query, (SEED_HEADLINE + "%",)).fetchall()
    assert len(rows) == 1, rows
    # ... and through the command, which finds the same story there.
    shell = (
        "from masthead.news.models import ArticlePage as A; "
        "print('stories:', A.objects.live().filter(title__startswith=%r).count())"
    )
    assert "stories: 1" in ok(masthead(demo_folder, "manage", "shell", "-c", shell % SEED_HEADLINE))


def test_manage_and_poll_work_in_the_demo_home(demo_folder):
    assert "no issues" in ok(masthead(demo_folder, "manage", "check"))
    ok(masthead(demo_folder, "poll"))


def test_a_secret_key_in_the_environment_means_the_demo_home_is_not_used(demo_folder):
    shell = "import os; print('demo:', os.environ.get('MASTHEAD_DEMO'))"
    output = ok(masthead(demo_folder, "manage", "shell", "-c", shell, SECRET_KEY="k" * 60, ALLOWED_HOSTS="news.example.org"))
    assert "demo: None" in output


def test_serve_never_becomes_a_demo(demo_folder):
    line = one_line_refusal(masthead(demo_folder, "serve", "--bind", "127.0.0.1:1", timeout=60), "serve")
    assert MISSING_KEY in line and "masthead demo" in line


def test_serve_without_a_secret_key_fails_in_one_clear_line(tmp_path):
    line = one_line_refusal(masthead(tmp_path, "serve", "--bind", "127.0.0.1:1", timeout=60), "serve")
    assert MISSING_KEY in line


def test_a_home_without_a_demo_is_not_taken_for_one(tmp_path, seed_path):
    line = one_line_refusal(masthead(tmp_path, "ingest", str(seed_path), "--dry-run", timeout=60), "ingest")
    assert MISSING_KEY in line
    assert not (tmp_path / "var" / "demo-secret-key.txt").exists()


def test_a_second_start_prints_both_editions_on_the_same_port(demo_folder):
    """The Urdu edition's address beside the English one: a host of its own (*.localhost is loopback), the same server."""
    output = ok(masthead(demo_folder, "demo", "--no-serve", "--port", "8123"))
    assert "already present" in output
    assert re.search(r"^\s+Masthead demo:\s+http://127\.0\.0\.1:8123/$", output, re.MULTILINE), output
    assert re.search(r"^\s+Urdu edition:\s+http://ur\.localhost:8123/$", output, re.MULTILINE), output

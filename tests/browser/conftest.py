"""The demo, served for real: `masthead demo` in a scratch home, driven by headless Chromium.

These tests exercise the README's `make demo` path end to end: migrate,
load demo content (twice, to prove it is safe), collect static files and
serve with DEBUG off through Granian.
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

from tests.conftest import require

CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
RESULTS = Path(__file__).resolve().parents[2] / "test-results"
PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1280, "height": 900}
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _demo_env(home: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in ("DATABASE_URL", "DJANGO_SETTINGS_MODULE", "SECRET_KEY", "REDIS_URL")}
    env["MASTHEAD_HOME"] = str(home)
    return env


DEMO: dict[str, object] = {}


@pytest.fixture(scope="session")
def demo_server(tmp_path_factory):
    home = tmp_path_factory.mktemp("demo-home")
    DEMO["home"] = home
    env = _demo_env(home)
    prepare = [sys.executable, "-m", "masthead.cli", "demo", "--no-serve"]
    first = subprocess.run(prepare, env=env, capture_output=True, text=True, timeout=600)
    assert first.returncode == 0, first.stdout + first.stderr
    assert "Demo content loaded" in first.stdout
    second = subprocess.run(prepare, env=env, capture_output=True, text=True, timeout=600)
    assert second.returncode == 0, second.stdout + second.stderr
    assert "already present" in second.stdout
    assert "password:" in second.stdout

    port = _free_port()
    log = open(home / "server.log", "w")
    server = subprocess.Popen(
        [sys.executable, "-m", "masthead.cli", "demo", "--port", str(port)], env=env, stdout=log, stderr=subprocess.STDOUT
    )
    base = f"http://127.0.0.1:{port}"
    DEMO["port"] = port
    deadline = time.monotonic() + 120
    while True:
        try:
            urllib.request.urlopen(base + "/", timeout=5)
            break
        except OSError:
            if server.poll() is not None or time.monotonic() > deadline:
                server.kill()
                pytest.fail("demo server did not start:\n" + (home / "server.log").read_text())
            time.sleep(0.5)
    yield base
    server.terminate()
    try:
        server.wait(timeout=20)
    except subprocess.TimeoutExpired:
        server.kill()
    log.close()


_PLAYWRIGHT: list = []  # [instance, users]: the session's one Playwright, started by the first fixture that needs it


@pytest.fixture(scope="session")
def playwright():
    """Playwright's sync API allows one instance per thread, so every directory's browser fixtures share it
    (tests/deployed imports these fixtures); the last of them to finish stops it."""
    require(
        Path(CHROMIUM).exists(), f"Chromium not found at {CHROMIUM}: install Debian's `chromium` package to run browser tests"
    )
    if not _PLAYWRIGHT:
        from playwright.sync_api import sync_playwright

        _PLAYWRIGHT[:] = [sync_playwright().start(), 0]
    _PLAYWRIGHT[1] += 1
    yield _PLAYWRIGHT[0]
    _PLAYWRIGHT[1] -= 1
    if not _PLAYWRIGHT[1]:
        _PLAYWRIGHT.pop(0).stop()
        _PLAYWRIGHT.clear()


@pytest.fixture(scope="session")
def browser(playwright):
    browser = playwright.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
    yield browser
    browser.close()


@pytest.fixture(params=[PHONE, DESKTOP], ids=["phone", "desktop"])
def viewport(request):
    return request.param


@pytest.fixture
def page(browser, viewport):
    context = browser.new_context(viewport=viewport)
    page = context.new_page()
    yield page
    context.close()


def screenshot(page, name: str) -> Path:
    RESULTS.mkdir(exist_ok=True)
    width = page.viewport_size["width"]
    path = RESULTS / f"{name}-{width}.png"
    page.screenshot(path=str(path), full_page=True)
    return path


def node_tool(*parts: str) -> Path:
    return Path(__file__).resolve().parents[2].joinpath("node_modules", *parts)


def java() -> str | None:
    return shutil.which("java")

"""The production cache stack for real: nginx serving the page cache in front of the demo.

An editor signs in and browses with a unique marker in their name; no
anonymous response through nginx may then contain it, a CSRF token or the
editor's user bar, and anonymous pages must come from the cache.
"""

from __future__ import annotations

import http.cookiejar
import re
import shutil
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
import uuid

import pytest

from tests.browser.conftest import DEMO, _demo_env, _free_port
from tests.conftest import require
from tests.nginx_workers import open_to_nginx_workers

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def nginx(demo_server):
    binary = shutil.which("nginx") or "/usr/sbin/nginx"
    require(
        shutil.os.path.exists(binary), "nginx is missing: install Debian's `nginx` package to test the production cache stack"
    )
    home = open_to_nginx_workers(DEMO["home"])  # nginx workers (not root) read the cache under it
    run_dir = home / "nginx"
    run_dir.mkdir(exist_ok=True)
    port = _free_port()
    subprocess.run(
        [
            sys.executable,
            "-m",
            "masthead.cli",
            "manage",
            "nginx_config",
            "--full",
            "--listen",
            f"127.0.0.1:{port}",
            "--upstream",
            f"127.0.0.1:{DEMO['port']}",
            "--run-dir",
            str(run_dir),
            "--output",
            str(run_dir / "nginx.conf"),
        ],
        env={**_demo_env(home), "MASTHEAD_DEMO": "1"},
        check=True,
        capture_output=True,
    )
    process = subprocess.Popen(
        [binary, "-c", str(run_dir / "nginx.conf"), "-p", str(run_dir), "-g", "daemon off;"], stderr=subprocess.PIPE
    )
    base = f"http://127.0.0.1:{port}"
    for _ in range(100):
        try:
            urllib.request.urlopen(base + "/", timeout=2)
            break
        except OSError:
            time.sleep(0.1)
    yield base
    process.terminate()
    process.wait(timeout=10)


def _open(opener, url, data=None):
    try:
        response = opener.open(url, data=data, timeout=10)
        return response.status, response.headers, response.read()
    except urllib.error.HTTPError as error:
        return error.code, error.headers, error.read()


def test_editor_pages_never_reach_anonymous_readers_through_nginx(nginx, demo_server):
    home = DEMO["home"]
    marker = f"marker{uuid.uuid4().hex}"
    password = uuid.uuid4().hex
    subprocess.run(
        [
            sys.executable,
            "-m",
            "masthead.cli",
            "manage",
            "shell",
            "-c",
            f"from django.contrib.auth import get_user_model; get_user_model().objects.create_superuser('{marker}', '{marker}@example.org', '{password}', first_name='{marker}')",
        ],
        env={**_demo_env(home), "MASTHEAD_DEMO": "1"},
        check=True,
        capture_output=True,
    )
    article = re.search(rb'class="card__title"><a href="([^"]+)"', urllib.request.urlopen(nginx + "/").read()).group(1).decode()

    jar = http.cookiejar.CookieJar()
    editor = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar))
    _, _, login_page = _open(editor, nginx + "/admin/login/")
    token = re.search(rb'name="csrfmiddlewaretoken" value="([^"]+)"', login_page).group(1).decode()
    form = urllib.parse.urlencode(
        {"username": marker, "password": password, "csrfmiddlewaretoken": token, "next": "/admin/"}
    ).encode()
    status, _, dashboard = _open(editor, nginx + "/admin/login/", form)
    assert status == 200 and marker.encode() in dashboard, "the editor could not sign in"
    assert any(cookie.name == "sessionid" for cookie in jar)

    for path in ["/", article, article + "?lite=1", "/admin/", "/admin/pages/"]:
        status, headers, _ = _open(editor, nginx + path)
        assert status == 200, path
        assert headers.get("X-Cache") != "NGINX" and "public" not in headers.get("Cache-Control", ""), path

    anonymous = urllib.request.build_opener()
    for path in ["/", article, article + "?lite=1", "/search/?q=river"]:
        for _ in range(2):
            status, headers, body = _open(anonymous, nginx + path)
            assert status == 200, path
            assert marker.encode() not in body, path
            assert b"csrfmiddlewaretoken" not in body and b"wagtail-userbar" not in body, path
            assert "Set-Cookie" not in headers, path
        if not path.startswith("/search/"):
            assert headers.get("X-Cache") in ("NGINX", "HIT"), (path, headers.get("X-Cache"))

    cached = [p for p in (home / "pagecache").rglob("index*") if not p.name.endswith(".meta")]
    assert cached, "nothing was cached"
    assert not any(marker.encode() in p.read_bytes() for p in cached)

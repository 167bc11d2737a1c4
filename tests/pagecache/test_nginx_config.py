"""`nginx_config` writes a config real nginx accepts, whose headers are the app's, with unprivileged workers and TLS.

The config was once rendered as HTML: the content-security policy came out as
``&#x27;self&#x27;``, browsers rejected it and blocked the stylesheet, the
script and every picture of every page nginx served.
"""

from __future__ import annotations

import grp
import http.client
import http.server
import io
import os
import pwd
import re
import shutil
import socket
import ssl
import subprocess
import threading
import time

import pytest
from django.core.management import CommandError, call_command

from masthead.pagecache.store import CacheKey, FileStore
from tests.conftest import require
from tests.nginx_workers import free_port, launch_nginx, open_to_nginx_workers

NGINX = shutil.which("nginx") or "/usr/sbin/nginx"
OPENSSL = shutil.which("openssl") or "/usr/bin/openssl"
HOST = "localhost"
HTML = [("Content-Type", "text/html; charset=utf-8")]


def generate(*args: str) -> str:
    out, err = io.StringIO(), io.StringIO()
    call_command("nginx_config", *args, stdout=out, stderr=err)
    return out.getvalue()


def app_policy(client, make_story) -> str:
    """The Content-Security-Policy header Django sends with a reader's article page."""
    response = client.get(make_story().url)
    assert response.status_code == 200
    return response["Content-Security-Policy"]


@pytest.fixture
def certificate(tmp_path):
    require(os.path.exists(OPENSSL), "openssl is missing: install Debian's `openssl` package")
    cert, key = tmp_path / "cert.pem", tmp_path / "key.pem"
    subprocess.run(
        [
            OPENSSL,
            "req",
            "-x509",
            "-newkey",
            "rsa:2048",
            "-nodes",
            "-days",
            "1",
            "-subj",
            "/CN=localhost",
            "-addext",
            "subjectAltName=DNS:localhost,IP:127.0.0.1",
            "-keyout",
            str(key),
            "-out",
            str(cert),
        ],
        check=True,
        capture_output=True,
    )
    return cert, key


class Upstream:
    """Stands in for `masthead serve`: answers every request and keeps the headers nginx sent."""

    def __init__(self):
        seen = self.seen = []

        class Handler(http.server.BaseHTTPRequestHandler):
            def do_GET(self):
                seen.append(dict(self.headers))
                self.send_response(200)
                self.send_header("Content-Length", "8")
                self.end_headers()
                self.wfile.write(b"upstream")

            def log_message(self, *args):
                pass

        self.server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.address = f"127.0.0.1:{self.server.server_address[1]}"
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def close(self):
        self.server.shutdown()
        self.server.server_close()


@pytest.fixture
def nginx(tmp_path, settings):
    """Starts nginx on a config `nginx_config --full` wrote (with TLS when given a certificate)."""
    require(os.path.exists(NGINX), "nginx is missing: install Debian's `nginx` package to test the production cache stack")
    open_to_nginx_workers(tmp_path)
    settings.PAGECACHE_ROOT = tmp_path / "pagecache"
    upstream, processes = Upstream(), []

    def start(*tls: str):
        run_dir = tmp_path / "nginx"
        run_dir.mkdir()
        port = free_port()
        generate(
            "--full",
            "--listen",
            f"127.0.0.1:{port}",
            "--upstream",
            upstream.address,
            "--run-dir",
            str(run_dir),
            "--output",
            str(run_dir / "nginx.conf"),
            "--server-name",
            HOST,
            *tls,
        )
        checked = subprocess.run(
            [NGINX, "-t", "-c", str(run_dir / "nginx.conf"), "-p", str(run_dir)], capture_output=True, text=True
        )
        assert checked.returncode == 0, checked.stderr
        processes.append(launch_nginx(NGINX, run_dir, port))
        return FileStore(settings.PAGECACHE_ROOT), port, upstream

    yield start
    for process in processes:
        process.terminate()
        process.wait(timeout=10)
    upstream.close()


def _get(port: int, path: str, tls_context: ssl.SSLContext | None = None, **headers) -> http.client.HTTPResponse:
    if tls_context:
        connection = http.client.HTTPSConnection("127.0.0.1", port, timeout=5, context=tls_context)
    else:
        connection = http.client.HTTPConnection("127.0.0.1", port, timeout=5)
    connection.request("GET", path, headers={"Host": HOST, **headers})
    response = connection.getresponse()
    response.read()
    connection.close()
    return response


# --- the text of the config ------------------------------------------------------


def test_the_policy_is_written_as_the_app_sends_it(client, make_story):
    config = generate()
    assert "&#" not in config and "&quot;" not in config and "&amp;" not in config
    written = re.search(r'add_header Content-Security-Policy "((?:[^"\\]|\\.)*)" always;', config).group(1)
    assert written.replace('\\"', '"') == app_policy(client, make_story)
    assert "'self'" in written


def test_workers_never_run_as_root():
    config = generate("--full")
    assert not re.search(r"^\s*user\s+root\b", config, re.M)
    user = next(name for name in ("www-data", "nobody") if _exists(name))
    group = grp.getgrgid(pwd.getpwnam(user).pw_gid).gr_name
    assert re.search(rf"^user {re.escape(user)} {re.escape(group)};$", config, re.M)
    with pytest.raises(CommandError, match="root"):
        generate("--full", "--user", "root")


def test_a_chosen_worker_user_runs_with_its_own_group():
    # Debian's nobody belongs to nogroup: nginx's default (a group named as the user) would not start.
    require(_exists("nobody"), "no `nobody` account on this machine")
    group = grp.getgrgid(pwd.getpwnam("nobody").pw_gid).gr_name
    assert f"user nobody {group};" in generate("--full", "--user", "nobody")


def test_https_needs_both_the_certificate_and_its_key(certificate):
    cert, _ = certificate
    with pytest.raises(CommandError, match="--tls-key"):
        generate("--tls-cert", str(cert))


def test_https_pages_carry_the_apps_hsts_header(settings, client, make_story, certificate):
    cert, key = certificate
    settings.SECURE_HSTS_SECONDS, settings.SECURE_HSTS_INCLUDE_SUBDOMAINS, settings.SECURE_HSTS_PRELOAD = 31536000, True, True
    sent = client.get(make_story().url, secure=True)["Strict-Transport-Security"]
    config = generate("--tls-cert", str(cert), "--tls-key", str(key))
    assert f'add_header Strict-Transport-Security "{sent}" always;' in config
    assert "Strict-Transport-Security" not in generate()  # never over plain HTTP


def test_warns_when_workers_cannot_reach_the_cache(tmp_path, settings):
    require(_exists("www-data") and os.geteuid() != pwd.getpwnam("www-data").pw_uid, "needs a www-data account to test as")
    private = open_to_nginx_workers(tmp_path) / "private"
    private.mkdir(mode=0o700)
    settings.PAGECACHE_ROOT = private / "pagecache"
    err = io.StringIO()
    call_command("nginx_config", "--full", "--user", "www-data", stdout=io.StringIO(), stderr=err)
    assert f"cannot enter {private}" in err.getvalue()
    private.chmod(0o711)
    err = io.StringIO()
    call_command("nginx_config", "--full", "--user", "www-data", stdout=io.StringIO(), stderr=err)
    assert str(private) not in err.getvalue()


# --- real nginx ----------------------------------------------------------------------


@pytest.mark.parametrize("https", [False, True], ids=["http", "https"])
def test_nginx_serves_cached_pages_with_the_apps_policy(nginx, certificate, client, make_story, https):
    cert, key = certificate
    store, port, upstream = nginx(*(["--tls-cert", str(cert), "--tls-key", str(key)] if https else []))
    context = ssl.create_default_context(cafile=str(cert)) if https else None
    store.write(CacheKey(HOST, "/world/", ""), b"<h1>World</h1>", HTML, time.time() + 60, [])

    response = _get(port, "/world/", context)
    assert (response.status, response.getheader("X-Cache")) == (200, "NGINX")
    assert response.getheader("Content-Security-Policy") == app_policy(client, make_story)

    # Through to the app: the client's address for the login throttle, and the scheme it used.
    _get(port, "/admin/", context, **{"X-Forwarded-For": "203.0.113.9"})
    forwarded = upstream.seen[-1]
    assert forwarded["X-Forwarded-Proto"] == ("https" if https else "http")
    assert forwarded["X-Real-IP"] == "127.0.0.1"
    assert forwarded["X-Forwarded-For"] == "203.0.113.9, 127.0.0.1"


def test_nginx_speaks_http2_over_tls(nginx, certificate):
    cert, key = certificate
    _, port, _ = nginx("--tls-cert", str(cert), "--tls-key", str(key))
    context = ssl.create_default_context(cafile=str(cert))
    context.set_alpn_protocols(["h2", "http/1.1"])
    with (
        socket.create_connection(("127.0.0.1", port), timeout=5) as raw,
        context.wrap_socket(raw, server_hostname="localhost") as tls,
    ):
        assert tls.selected_alpn_protocol() == "h2"
        assert tls.version() in ("TLSv1.2", "TLSv1.3")


def _exists(name: str) -> bool:
    try:
        pwd.getpwnam(name)
    except KeyError:
        return False
    return True

"""The production set-up on loopback, built the way the README tells an operator to build it.

nginx terminates TLS with a certificate made here and serves the page cache
itself; `masthead serve` (Granian) runs behind it with production settings
from a scrubbed environment: a random SECRET_KEY, DEBUG unset, HTTPS and
BEHIND_PROXY on. The database is a fresh one: PostgreSQL when DATABASE_URL
names a server (a new database, dropped afterwards), else SQLite under the
home. Content is the demo's, loaded without `masthead demo` (which would
switch on demo settings).
"""

from __future__ import annotations

import http.client
import os
import secrets
import shutil
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

from tests.conftest import require
from tests.deployed import client
from tests.deployed.processes import Service, free_port, masthead, run, scrubbed_env, world_readable_dir

# The demo edition's Site is `localhost`; the other two are aliases an operator lists in ALLOWED_HOSTS.
HOSTS = ("localhost", "127.0.0.1", "news.localhost")
# The demo's second edition (Urdu) has its own Site and host name; it is not an alias of the first.
EDITION_HOSTS = ("ur.localhost",)
NGINX = shutil.which("nginx") or "/usr/sbin/nginx"
EDITOR = "editor"
LOAD_DEMO = "from masthead.demo.load import load_demo; print(load_demo().summary)"


@dataclass
class Stack:
    home: Path
    env: dict[str, str]
    app_port: int
    port: int  # nginx, TLS
    editor_password: str

    @property
    def base(self) -> str:
        return f"https://localhost:{self.port}"

    def url(self, path: str = "/", host: str = "localhost") -> str:
        return f"https://{host}:{self.port}{path}"

    def get(self, path: str, host: str = "localhost", **options) -> client.Response:
        return client.request(self.port, path, host=host, **options)

    def manage(self, *args: str, **env: str):
        return run(masthead("manage", *args), env={**self.env, **env}, cwd=self.home)


@contextmanager
def deployed_stack() -> Iterator[Stack]:
    require(os.path.exists(NGINX), "nginx is missing: install Debian's `nginx` package to test the product as deployed")
    require(shutil.which("openssl") is not None, "openssl is missing: install Debian's `openssl` package")
    root = world_readable_dir("masthead-deployed-")
    (root / "home").mkdir(mode=0o755)
    (root / "nginx").mkdir(mode=0o755)
    try:
        with fresh_database() as database_url, _serving(root, database_url) as stack:
            yield stack
    finally:
        shutil.rmtree(root, ignore_errors=True)


@contextmanager
def fresh_database() -> Iterator[str | None]:
    """A database URL for a new, empty database; None means the product's default (SQLite under the home)."""
    url = os.environ.get("DATABASE_URL", "")
    if not url.startswith(("postgres://", "postgresql://")):
        yield None
        return
    import psycopg
    from psycopg import sql

    name = f"masthead_deployed_{secrets.token_hex(6)}"
    parts = urlsplit(url)
    maintenance = urlunsplit(parts._replace(path="/postgres"))
    with psycopg.connect(maintenance, autocommit=True, connect_timeout=10) as connection:
        connection.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))
    try:
        yield urlunsplit(parts._replace(path=f"/{name}"))
    finally:
        with psycopg.connect(maintenance, autocommit=True, connect_timeout=10) as connection:
            connection.execute(sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(name)))


def production_env(home: Path, database_url: str | None, port: int) -> dict[str, str]:
    env = scrubbed_env(
        MASTHEAD_HOME=str(home),
        SECRET_KEY=secrets.token_urlsafe(50),
        HTTPS="1",
        BEHIND_PROXY="1",
        ALLOWED_HOSTS=",".join(HOSTS + EDITION_HOSTS),
        CSRF_TRUSTED_ORIGINS=",".join(f"https://{host}:{port}" for host in HOSTS + EDITION_HOSTS),
    )
    if database_url:
        env["DATABASE_URL"] = database_url
    return env


@contextmanager
def _serving(root: Path, database_url: str | None) -> Iterator[Stack]:
    home, run_dir = root / "home", root / "nginx"
    app_port, port = free_port(), free_port()
    stack = Stack(home, production_env(home, database_url, port), app_port, port, secrets.token_urlsafe(16))
    stack.manage("migrate", "--no-input", "-v", "0")
    with ThreadPoolExecutor(1) as aside:  # nginx's config and certificate need no database: made while the demo loads
        proxy_config = aside.submit(_proxy_config, stack, run_dir)
        stack.manage("shell", "-c", LOAD_DEMO)
        proxy_config.result()
    # Loading filed every story: its purges and index updates wait in the queue. An operator runs them before
    # opening the doors, as here; else the worker beside the server spends its first minute purging what the
    # tests have just read into the cache.
    run(masthead("worker", "--batch"), env=stack.env, cwd=home)

    services: list[Service] = []
    try:
        app = Service(
            "masthead serve",
            masthead("serve", "--bind", f"127.0.0.1:{app_port}"),
            env=stack.env,
            cwd=home,
            log=root / "serve.log",
        )
        services.append(app)
        proxy = Service(
            "nginx",
            [NGINX, "-c", str(run_dir / "nginx.conf"), "-p", str(run_dir), "-g", "daemon off;"],
            env=stack.env,
            cwd=run_dir,
            log=root / "nginx.log",
        )
        services.append(proxy)
        stack.manage(
            "createsuperuser",
            "--no-input",
            "--username",
            EDITOR,
            "--email",
            "editor@example.org",
            DJANGO_SUPERUSER_PASSWORD=stack.editor_password,
        )
        app.wait_until(lambda: _answers_http(app_port), timeout=60)
        proxy.wait_until(lambda: stack.get("/robots.txt").status < 500, timeout=20)
        yield stack
    finally:
        for service in reversed(services):
            service.stop()


def _proxy_config(stack: Stack, run_dir: Path) -> None:
    cert, key = client.make_certificate(run_dir)
    stack.manage(
        "nginx_config",
        "--full",
        "--listen",
        f"127.0.0.1:{stack.port}",
        "--upstream",
        f"127.0.0.1:{stack.app_port}",
        "--run-dir",
        str(run_dir),
        "--output",
        str(run_dir / "nginx.conf"),
        "--tls-cert",
        str(cert),
        "--tls-key",
        str(key),
    )


def _answers_http(port: int) -> bool:
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=5)
    try:
        connection.request("GET", "/robots.txt", headers={"Host": "localhost", "X-Forwarded-Proto": "https"})
        return connection.getresponse().status < 500
    finally:
        connection.close()

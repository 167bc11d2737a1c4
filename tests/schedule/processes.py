"""Separate OS processes on the test's database, for the clock's exactly-once tests."""

from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import sys
from collections.abc import Iterator
from contextlib import closing, contextmanager
from pathlib import Path

from django.db import connection

ROOT = Path(__file__).resolve().parents[2]


@contextmanager
def shared_database(tmp_path: Path) -> Iterator[str]:
    """A ``DATABASE_URL`` other processes can open, with what the test has written so far.

    PostgreSQL: the test database itself (the test must be ``transaction=True``, so its rows are committed).
    SQLite: the suite's database lives in memory, so it is copied to a file (SQLite's backup API) which this
    process then uses too, until the block ends — in WAL mode with IMMEDIATE transactions, as in production.
    """
    settings = connection.settings_dict
    if connection.vendor != "sqlite":
        host = settings["HOST"] or "localhost"
        port = settings["PORT"] or 5432
        yield f"postgres://{settings['USER']}:{settings['PASSWORD']}@{host}:{port}/{settings['NAME']}"
        return
    path = tmp_path / "shared.sqlite3"
    connection.ensure_connection()
    with closing(sqlite3.connect(path)) as disk:
        connection.connection.backup(disk)
    in_memory, kept = settings["NAME"], connection.connection
    # The in-memory database lives while a connection holds it: keep this one aside, open the file instead.
    settings["NAME"], connection.connection = str(path), None
    try:
        yield f"sqlite:///{path}"
    finally:
        connection.close()
        settings["NAME"], connection.connection = in_memory, kept


def start(database_url: str, *args: str) -> subprocess.Popen:
    settings_module = os.environ.get("DJANGO_SETTINGS_MODULE", "masthead.config.settings_test")  # as the suite runs
    env = dict(os.environ, DATABASE_URL=database_url, DJANGO_SETTINGS_MODULE=settings_module)
    return subprocess.Popen(
        [sys.executable, *args],
        cwd=ROOT,
        env=env,
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def tickers(database_url: str, count: int, timeout: float = 600) -> list[dict]:
    """``count`` processes that tick the clock together (tests/schedule/ticker.py); what each one did."""
    procs = [start(database_url, "-m", "tests.schedule.ticker", str(timeout)) for _ in range(count)]
    try:
        for proc in procs:
            line = proc.stdout.readline()
            assert line.strip() == "ready", proc.stderr.read()
        for proc in procs:  # all at once
            proc.stdin.write("go\n")
            proc.stdin.flush()
        results = []
        for proc in procs:
            out, err = proc.communicate(timeout=timeout + 60)
            assert proc.returncode == 0, err
            results.append(json.loads(out.strip().splitlines()[-1]))
        return results
    finally:
        for proc in procs:
            if proc.poll() is None:
                proc.kill()


def has_worker_command() -> bool:
    from masthead import cli

    return hasattr(cli, "cmd_worker")


@contextmanager
def workers(database_url: str, count: int, logs: Path) -> Iterator[list[subprocess.Popen]]:
    """``count`` ``masthead worker`` processes (queue, clock and all), stopped with SIGTERM as a deploy does.

    Their output goes to files under ``logs`` (worker-N.log): a pipe nobody reads would fill and stop them.
    """
    settings_module = os.environ.get("DJANGO_SETTINGS_MODULE", "masthead.config.settings_test")
    env = dict(os.environ, DATABASE_URL=database_url, DJANGO_SETTINGS_MODULE=settings_module)
    procs = []
    for n in range(count):
        with open(logs / f"worker-{n}.log", "w") as log:
            command = [sys.executable, "-m", "masthead.cli", "worker"]
            procs.append(subprocess.Popen(command, cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT))
    try:
        yield procs
    finally:
        for proc in procs:
            if proc.poll() is None:
                proc.send_signal(signal.SIGTERM)
        for proc in procs:
            try:
                proc.wait(timeout=60)
            except subprocess.TimeoutExpired:
                proc.kill()
                proc.wait()

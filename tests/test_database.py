"""The database the suite runs on, and the embedded default's SQLite tuning."""

import os
import subprocess
import sys

import pytest
from django.db import connection


@pytest.mark.django_db
def test_suite_runs_on_the_database_ci_asked_for():
    expected = os.environ.get("MASTHEAD_EXPECT_DATABASE")
    if not expected:
        pytest.skip("MASTHEAD_EXPECT_DATABASE not set (CI sets it for the PostgreSQL run)")
    assert connection.vendor == expected


def test_embedded_sqlite_runs_in_wal_mode_with_immediate_transactions(tmp_path):
    env = {k: v for k, v in os.environ.items() if k not in ("DATABASE_URL", "DJANGO_SETTINGS_MODULE")}
    env.update(MASTHEAD_DEMO="1", MASTHEAD_HOME=str(tmp_path))
    script = (
        "from django.db import connection; c = connection.cursor(); "
        "print(c.execute('PRAGMA journal_mode').fetchone()[0], c.execute('PRAGMA busy_timeout').fetchone()[0], "
        "connection.transaction_mode)"
    )
    result = subprocess.run(
        [sys.executable, "-m", "masthead.cli", "manage", "shell", "-c", script],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip().splitlines()[-1].split() == ["wal", "20000", "IMMEDIATE"]
    assert (tmp_path / "masthead.sqlite3").exists()


@pytest.mark.django_db
def test_postgresql_page_queries_run_without_parallel_workers():
    if connection.vendor != "postgresql":
        pytest.skip("PostgreSQL only: the suite runs on SQLite")
    with connection.cursor() as cursor:
        cursor.execute("SHOW max_parallel_workers_per_gather")
        assert cursor.fetchone()[0] == "0"

"""Running the product's own commands as an operator would: scrubbed environments, process groups, bounded waits."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
# Only what any shell has; nothing of the developer's or CI's own configuration leaks in.
KEPT_VARIABLES = ("PATH", "HOME", "LANG", "LC_ALL", "TZ", "TMPDIR", "USER", "LOGNAME")


def scrubbed_env(**variables: str) -> dict[str, str]:
    """A clean environment. PYTHONPATH is the checkout the tests come from, so its package is the one run."""
    env = {name: os.environ[name] for name in KEPT_VARIABLES if name in os.environ}
    env["PYTHONPATH"] = str(REPO)
    env["PYTHONUNBUFFERED"] = "1"
    env.update(variables)
    return env


def masthead(*args: str) -> list[str]:
    return [sys.executable, "-m", "masthead.cli", *args]


def run(argv: list[str], *, env: dict[str, str], cwd: Path, timeout: float = 120) -> subprocess.CompletedProcess:
    try:
        done = subprocess.run(argv, env=env, cwd=cwd, capture_output=True, text=True, timeout=timeout)
    except subprocess.TimeoutExpired as error:
        pytest.fail(f"{' '.join(argv[2:])} took over {timeout:.0f} s:\n{error.stdout}\n{error.stderr}")
    if done.returncode != 0:
        pytest.fail(f"{' '.join(argv[2:])} exited {done.returncode}:\n{done.stdout[-3000:]}\n{done.stderr[-3000:]}")
    return done


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def world_readable_dir(prefix: str) -> Path:
    """A scratch directory nginx's unprivileged workers can read (pytest's tmp_path is 0700)."""
    path = Path(tempfile.mkdtemp(prefix=prefix)).resolve()
    path.chmod(0o755)
    for parent in path.parents:
        if not parent.stat().st_mode & 0o001:
            pytest.fail(f"{parent} is not world-searchable, so nginx workers could not read {path}; set TMPDIR elsewhere")
    return path


class Service:
    """A long-running process in its own session, so stopping it stops every worker it forked."""

    def __init__(self, name: str, argv: list[str], *, env: dict[str, str], cwd: Path, log: Path):
        self.name = name
        self.log = log
        self._file = open(log, "wb")
        self.process = subprocess.Popen(
            argv, env=env, cwd=cwd, stdout=self._file, stderr=subprocess.STDOUT, start_new_session=True
        )

    def output(self) -> str:
        self._file.flush()
        return self.log.read_text(errors="replace")[-4000:]

    def wait_until(self, ready: Callable[[], bool], timeout: float) -> None:
        deadline = time.monotonic() + timeout
        while True:
            try:
                if ready():
                    return
            except OSError:
                pass
            if self.process.poll() is not None:
                pytest.fail(f"{self.name} exited with {self.process.returncode}:\n{self.output()}")
            if time.monotonic() > deadline:
                pytest.fail(f"{self.name} was not ready after {timeout:.0f} s:\n{self.output()}")
            time.sleep(0.2)

    def stop(self) -> None:
        try:
            os.killpg(self.process.pid, signal.SIGTERM)
            self.process.wait(timeout=10)
        except ProcessLookupError:
            pass
        except subprocess.TimeoutExpired:
            os.killpg(self.process.pid, signal.SIGKILL)
            self.process.wait(timeout=10)
        finally:
            self._file.close()

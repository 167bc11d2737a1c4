"""nginx's workers run as an unprivileged user (www-data), never as the user who runs the tests.

pytest's scratch directories are private (0700), so a test that points nginx at
one must open it to others, as a deployment opens its cache and static folders.
"""

from __future__ import annotations

import socket
import stat
import subprocess
import tempfile
import time
from pathlib import Path


def open_to_nginx_workers(path: Path) -> Path:
    """Let others enter (not list) ``path`` and the scratch directories above it, up to the temp root."""
    top = Path(tempfile.gettempdir()).resolve()
    path = path.resolve()
    for directory in [path, *path.parents]:
        if directory == top or top not in directory.parents:
            break
        mode = directory.stat().st_mode
        if not mode & stat.S_IXOTH:
            directory.chmod(stat.S_IMODE(mode) | stat.S_IXOTH)
    return path


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def launch_nginx(binary: str, run_dir: Path, port: int) -> subprocess.Popen:
    """nginx in the foreground on ``run_dir/nginx.conf``, in a session of its own; returns once ``port`` accepts."""
    process = subprocess.Popen(
        [binary, "-c", str(run_dir / "nginx.conf"), "-p", str(run_dir), "-g", "daemon off;"],
        stderr=subprocess.DEVNULL,
        start_new_session=True,
    )
    for _ in range(100):
        try:
            socket.create_connection(("127.0.0.1", port), timeout=1).close()
            break
        except OSError:
            time.sleep(0.05)
    return process

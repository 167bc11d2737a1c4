"""nginx's workers run as an unprivileged user (www-data), never as the user who runs the tests.

pytest's scratch directories are private (0700), so a test that points nginx at
one must open it to others, as a deployment opens its cache and static folders.
"""

from __future__ import annotations

import stat
import tempfile
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

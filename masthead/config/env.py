"""Reading configuration from the environment, declared once."""

from __future__ import annotations

import os
import secrets
from pathlib import Path

TRUE_VALUES = {"1", "true", "yes", "on"}
FALSE_VALUES = {"0", "false", "no", "off", ""}


def env_bool(name: str, default: bool) -> bool:
    raw = os.environ.get(name)
    if raw is None:
        return default
    value = raw.strip().lower()
    if value in TRUE_VALUES:
        return True
    if value in FALSE_VALUES:
        return False
    raise ValueError(f"{name}={raw!r} is not a boolean; use one of 1/0, true/false, yes/no, on/off")


def env_list(name: str, default: list[str]) -> list[str]:
    raw = os.environ.get(name)
    if raw is None:
        return default
    return [item.strip() for item in raw.split(",") if item.strip()]


def masthead_home() -> Path:
    """Where the database, media, static files and demo secrets live (``MASTHEAD_HOME``, default ``./var``)."""
    home = Path(os.environ.get("MASTHEAD_HOME") or Path.cwd() / "var").resolve()
    home.mkdir(parents=True, exist_ok=True)
    return home


def demo_secret_key(home: Path) -> str:
    path = home / "demo-secret-key.txt"
    if not path.exists():
        path.write_text(secrets.token_urlsafe(50))
        path.chmod(0o600)
    return path.read_text().strip()

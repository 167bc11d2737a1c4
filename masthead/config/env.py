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


def home_path() -> Path:
    """``MASTHEAD_HOME``, default ``./var``, without creating it."""
    return Path(os.environ.get("MASTHEAD_HOME") or Path.cwd() / "var").resolve()


def masthead_home() -> Path:
    """Where the database, media, static files and demo secrets live (``MASTHEAD_HOME``, default ``./var``)."""
    home = home_path()
    home.mkdir(parents=True, exist_ok=True)
    return home


def demo_secret_key(home: Path) -> str:
    path = home / "demo-secret-key.txt"
    if not path.exists():
        path.write_text(secrets.token_urlsafe(50))
        path.chmod(0o600)
    return path.read_text().strip()


# --- A demo's home ---------------------------------------------------------------
# `masthead demo` writes this file into its home so that the commands run there
# afterwards (`masthead ingest`, `poll`, `manage` …) act on the demo with nothing
# exported. Only the command line reads it, never the settings module: a server
# started without SECRET_KEY must still fail, not quietly become a demo.

DEMO_ENV_FILE = "demo.env"
DEMO_ENV = {"MASTHEAD_DEMO": "1"}


def demo_env_path(home: Path) -> Path:
    return home / DEMO_ENV_FILE


def mark_demo_home(home: Path) -> Path:
    path = demo_env_path(home)
    lines = [
        "# Written by `masthead demo`: this home holds a demo. The masthead command reads these",
        "# settings here when SECRET_KEY is not set (never for `masthead serve`); the environment wins.",
        *(f"{name}={value}" for name, value in DEMO_ENV.items()),
    ]
    path.write_text("\n".join(lines) + "\n")
    return path


def read_demo_env(home: Path) -> dict[str, str] | None:
    """The settings a demo home was made with, or None when ``home`` holds no demo."""
    try:
        text = demo_env_path(home).read_text()
    except (FileNotFoundError, NotADirectoryError):
        return None
    values = {}
    for line in text.splitlines():
        name, sep, value = line.strip().partition("=")
        if sep and not name.startswith("#"):
            values[name.strip()] = value.strip()
    return values


def use_demo_home() -> Path | None:
    """Take a demo home's settings when no SECRET_KEY is set; variables already set win. The home, if used."""
    if os.environ.get("SECRET_KEY"):
        return None
    home = home_path()
    values = read_demo_env(home)
    if values is None:
        return None
    for name, value in values.items():
        os.environ.setdefault(name, value)
    return home

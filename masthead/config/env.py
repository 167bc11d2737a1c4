"""Reading configuration from the environment, declared once."""

from __future__ import annotations

import os
import secrets
from pathlib import Path

TRUE_VALUES = {"1", "true", "yes", "on"}
FALSE_VALUES = {"0", "false", "no", "off", ""}


def env_bool(name: str, default: bool, environ=None) -> bool:
    raw = (os.environ if environ is None else environ).get(name)
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


# --- E-mail ----------------------------------------------------------------------
# EMAIL_URL says it in one line (smtp://user:password@host:587, smtps://…:465, console:, file:///path);
# else the usual EMAIL_HOST, EMAIL_PORT, EMAIL_HOST_USER, EMAIL_HOST_PASSWORD, EMAIL_USE_TLS / EMAIL_USE_SSL.

EMAIL_SCHEMES = {
    "smtp": "django.core.mail.backends.smtp.EmailBackend",
    "smtps": "django.core.mail.backends.smtp.EmailBackend",
    "submission": "django.core.mail.backends.smtp.EmailBackend",
    "console": "django.core.mail.backends.console.EmailBackend",
    "file": "django.core.mail.backends.filebased.EmailBackend",
    "memory": "django.core.mail.backends.locmem.EmailBackend",
    "dummy": "django.core.mail.backends.dummy.EmailBackend",
}


def email_settings(environ=None, *, demo_dir: Path | None = None) -> dict:
    """Django's EMAIL_* settings from the environment; ``demo_dir``: where the demo writes mail as files."""
    from urllib.parse import unquote, urlsplit

    environ = os.environ if environ is None else environ
    url = environ.get("EMAIL_URL", "").strip()
    if url:
        parts = urlsplit(url)
        scheme = parts.scheme.lower()
        if scheme not in EMAIL_SCHEMES:
            raise ValueError(f"EMAIL_URL: unknown scheme {scheme!r}; use one of {', '.join(sorted(EMAIL_SCHEMES))}")
        values: dict = {"EMAIL_BACKEND": EMAIL_SCHEMES[scheme]}
        if scheme == "file":
            values["EMAIL_FILE_PATH"] = unquote(parts.path) or str(demo_dir or home_path() / "mail")
        elif scheme in ("smtp", "smtps", "submission"):
            try:
                port = parts.port
            except ValueError:
                raise ValueError(f"EMAIL_URL: {parts.netloc!r} has no valid port") from None
            ssl = scheme == "smtps"
            default_port = 465 if ssl else 587 if scheme == "submission" else 25
            port = port or default_port
            values.update(
                EMAIL_HOST=parts.hostname or "localhost",
                EMAIL_PORT=port,
                EMAIL_HOST_USER=unquote(parts.username or ""),
                EMAIL_HOST_PASSWORD=unquote(parts.password or ""),
                EMAIL_USE_SSL=ssl,
                # STARTTLS on the submission port unless the URL says otherwise (?tls=0)
                EMAIL_USE_TLS=(not ssl) and _query_flag(parts.query, "tls", port == 587),
            )
    elif environ.get("EMAIL_HOST") or demo_dir is None:
        values = {
            "EMAIL_BACKEND": EMAIL_SCHEMES["smtp"],
            "EMAIL_HOST": environ.get("EMAIL_HOST", "localhost"),
            "EMAIL_PORT": int(environ.get("EMAIL_PORT") or 25),
            "EMAIL_HOST_USER": environ.get("EMAIL_HOST_USER", ""),
            "EMAIL_HOST_PASSWORD": environ.get("EMAIL_HOST_PASSWORD", ""),
            "EMAIL_USE_TLS": env_bool("EMAIL_USE_TLS", False, environ),
            "EMAIL_USE_SSL": env_bool("EMAIL_USE_SSL", False, environ),
        }
    else:
        # The demo has no mail server: it writes each message to a file under its home.
        values = {"EMAIL_BACKEND": EMAIL_SCHEMES["file"], "EMAIL_FILE_PATH": str(demo_dir)}
    if values.get("EMAIL_USE_TLS") and values.get("EMAIL_USE_SSL"):
        raise ValueError("EMAIL_USE_TLS and EMAIL_USE_SSL cannot both be on")
    values["EMAIL_TIMEOUT"] = int(environ.get("EMAIL_TIMEOUT") or 10)
    sender = environ.get("DEFAULT_FROM_EMAIL", "").strip()
    if sender:
        values["DEFAULT_FROM_EMAIL"] = values["SERVER_EMAIL"] = sender
    return values


def _query_flag(query: str, name: str, default: bool) -> bool:
    from urllib.parse import parse_qs

    raw = parse_qs(query).get(name)
    if not raw:
        return default
    return raw[-1].strip().lower() in TRUE_VALUES

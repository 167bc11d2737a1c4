"""E-mail settings from the environment: EMAIL_URL, or the usual variables; the demo writes files."""

from __future__ import annotations

from pathlib import Path

import pytest

from masthead.config.env import email_settings

SMTP = "django.core.mail.backends.smtp.EmailBackend"


def test_an_email_url_with_credentials_and_the_submission_port():
    values = email_settings({"EMAIL_URL": "smtp://desk%40example.org:p%40ss@mail.example.org:587"})
    assert values["EMAIL_BACKEND"] == SMTP
    assert (values["EMAIL_HOST"], values["EMAIL_PORT"]) == ("mail.example.org", 587)
    assert (values["EMAIL_HOST_USER"], values["EMAIL_HOST_PASSWORD"]) == ("desk@example.org", "p@ss")
    assert values["EMAIL_USE_TLS"] is True and values["EMAIL_USE_SSL"] is False


def test_smtps_is_implicit_tls_on_465_and_tls_can_be_turned_off():
    values = email_settings({"EMAIL_URL": "smtps://mail.example.org"})
    assert (values["EMAIL_PORT"], values["EMAIL_USE_SSL"], values["EMAIL_USE_TLS"]) == (465, True, False)
    values = email_settings({"EMAIL_URL": "smtp://relay:587?tls=0"})
    assert values["EMAIL_USE_TLS"] is False


def test_file_and_console_urls(tmp_path):
    values = email_settings({"EMAIL_URL": f"file://{tmp_path}/outbox"})
    assert values["EMAIL_BACKEND"].endswith("filebased.EmailBackend") and values["EMAIL_FILE_PATH"] == f"{tmp_path}/outbox"
    assert email_settings({"EMAIL_URL": "console:"})["EMAIL_BACKEND"].endswith("console.EmailBackend")


def test_the_usual_variables():
    values = email_settings(
        {
            "EMAIL_HOST": "smtp.example.org",
            "EMAIL_PORT": "2525",
            "EMAIL_HOST_USER": "u",
            "EMAIL_HOST_PASSWORD": "p",
            "EMAIL_USE_TLS": "yes",
            "DEFAULT_FROM_EMAIL": "Newsroom <newsroom@example.org>",
        }
    )
    assert (values["EMAIL_HOST"], values["EMAIL_PORT"], values["EMAIL_USE_TLS"]) == ("smtp.example.org", 2525, True)
    assert values["DEFAULT_FROM_EMAIL"] == values["SERVER_EMAIL"] == "Newsroom <newsroom@example.org>"


def test_the_demo_writes_mail_to_files_unless_told_otherwise(tmp_path):
    values = email_settings({}, demo_dir=tmp_path / "mail")
    assert values["EMAIL_BACKEND"].endswith("filebased.EmailBackend")
    assert Path(values["EMAIL_FILE_PATH"]) == tmp_path / "mail"
    assert email_settings({"EMAIL_URL": "smtp://relay"}, demo_dir=tmp_path)["EMAIL_BACKEND"] == SMTP


def test_production_without_settings_uses_a_local_mail_server_with_a_timeout():
    values = email_settings({})
    assert (values["EMAIL_BACKEND"], values["EMAIL_HOST"], values["EMAIL_PORT"]) == (SMTP, "localhost", 25)
    assert values["EMAIL_TIMEOUT"] == 10


@pytest.mark.parametrize(
    "environ",
    [
        {"EMAIL_URL": "gopher://x"},
        {"EMAIL_URL": "smtp://host:notaport"},
        {"EMAIL_HOST": "h", "EMAIL_USE_TLS": "1", "EMAIL_USE_SSL": "1"},
    ],
)
def test_mistakes_are_refused(environ):
    with pytest.raises(ValueError):
        email_settings(environ)


def _settings_in(tmp_path, **environ) -> dict:
    import json
    import os
    import subprocess
    import sys

    env = {k: v for k, v in os.environ.items() if not k.startswith("EMAIL") and k not in ("SECRET_KEY", "DJANGO_SETTINGS_MODULE")}
    env.update(MASTHEAD_HOME=str(tmp_path), **environ)
    code = (
        "import json; from masthead.config import settings as s; "
        "print(json.dumps({k: str(getattr(s, k, '')) for k in ('EMAIL_BACKEND', 'EMAIL_FILE_PATH', 'EMAIL_HOST', 'EMAIL_PORT')}))"
    )
    done = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout.strip().splitlines()[-1])


def test_the_demo_settings_write_mail_under_its_home(tmp_path):
    values = _settings_in(tmp_path, MASTHEAD_DEMO="1")
    assert values["EMAIL_BACKEND"].endswith("filebased.EmailBackend")
    assert Path(values["EMAIL_FILE_PATH"]) == tmp_path / "mail"


def test_production_settings_read_email_url(tmp_path):
    values = _settings_in(tmp_path, SECRET_KEY="x", EMAIL_URL="smtp://relay.example.org:2525")
    assert (values["EMAIL_HOST"], values["EMAIL_PORT"]) == ("relay.example.org", "2525")

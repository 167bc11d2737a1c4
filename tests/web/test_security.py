"""Secure defaults: loud failure without a secret, a clean deploy check, throttled admin login."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest
from django.urls import reverse

PRODUCTION_ENV = {
    "SECRET_KEY": "a-production-secret-that-is-long-and-random-enough-0123456789-abcdefghij",
    "ALLOWED_HOSTS": "news.example.org",
    "DJANGO_SETTINGS_MODULE": "masthead.config.settings",
}


def run_masthead(args: list[str], env: dict[str, str], tmp_path) -> subprocess.CompletedProcess:
    clean = {
        k: v
        for k, v in os.environ.items()
        if k not in ("SECRET_KEY", "MASTHEAD_DEMO", "DJANGO_SETTINGS_MODULE", "DEBUG", "HTTPS")
    }
    clean.update(env)
    clean["MASTHEAD_HOME"] = str(tmp_path)
    return subprocess.run([sys.executable, "-m", "masthead.cli", *args], capture_output=True, text=True, env=clean, timeout=120)


def test_missing_secret_key_fails_loudly_outside_the_demo(tmp_path):
    env = {k: v for k, v in PRODUCTION_ENV.items() if k != "SECRET_KEY"}
    result = run_masthead(["manage", "check"], env, tmp_path)
    assert result.returncode != 0
    assert "SECRET_KEY is not set" in result.stderr


def test_demo_makes_and_keeps_its_own_secret(tmp_path):
    env = {"MASTHEAD_DEMO": "1", "DJANGO_SETTINGS_MODULE": "masthead.config.settings"}
    first = run_masthead(["manage", "shell", "-c", "from django.conf import settings; print(settings.SECRET_KEY)"], env, tmp_path)
    second = run_masthead(
        ["manage", "shell", "-c", "from django.conf import settings; print(settings.SECRET_KEY)"], env, tmp_path
    )
    assert first.returncode == 0, first.stderr
    key = first.stdout.strip().splitlines()[-1]
    assert key == second.stdout.strip().splitlines()[-1]
    assert len(key) >= 50 and " " not in key


def test_deploy_check_is_clean_under_production_settings(tmp_path):
    result = run_masthead(["manage", "check", "--deploy", "--fail-level", "WARNING"], PRODUCTION_ENV, tmp_path)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def test_bad_boolean_in_environment_is_a_clear_error(tmp_path):
    result = run_masthead(["manage", "check"], {**PRODUCTION_ENV, "DEBUG": "maybe"}, tmp_path)
    assert result.returncode != 0
    assert "DEBUG='maybe' is not a boolean" in result.stderr


@pytest.mark.django_db
def test_admin_login_is_throttled_after_repeated_failures(client, settings):
    from django.contrib.auth import get_user_model

    get_user_model().objects.create_user("editor", password="correct-horse-battery")
    url = reverse("wagtailadmin_login")
    for _ in range(settings.AXES_FAILURE_LIMIT - 1):
        response = client.post(url, {"username": "editor", "password": "wrong"})
        assert response.status_code == 200  # the form again, with an error
    assert client.post(url, {"username": "editor", "password": "wrong"}).status_code == 429
    locked = client.post(url, {"username": "editor", "password": "correct-horse-battery"})
    assert locked.status_code == 429
    assert b"Too many failed sign-in attempts" in locked.content


@pytest.mark.django_db
def test_admin_login_works_with_the_right_password(client):
    from django.contrib.auth import get_user_model

    get_user_model().objects.create_user("editor", password="correct-horse-battery", is_staff=True)
    response = client.post(reverse("wagtailadmin_login"), {"username": "editor", "password": "correct-horse-battery"})
    assert response.status_code == 302


@pytest.mark.django_db
def test_admin_pages_get_their_own_policy(admin_client):
    policy = admin_client.get("/admin/")["Content-Security-Policy"]
    assert "frame-ancestors 'self'" in policy


@pytest.mark.django_db
def test_admin_forms_need_a_csrf_token(edition):
    from django.test import Client

    response = Client(enforce_csrf_checks=True).post(reverse("wagtailadmin_login"), {"username": "x", "password": "y"})
    assert response.status_code == 403

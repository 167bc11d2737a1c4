"""MASTHEAD_LANGUAGES: the languages editions may publish in, checked at start-up."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from masthead.config.languages import languages_from_env


def test_english_and_urdu_unless_told_otherwise():
    assert languages_from_env({}) == [("en", "English"), ("ur", "Urdu")]


def test_a_third_language_is_one_word_more():
    assert languages_from_env({"MASTHEAD_LANGUAGES": " en, UR ,ar,ur"}) == [("en", "English"), ("ur", "Urdu"), ("ar", "Arabic")]


@pytest.mark.parametrize("value", ["en,urdu", "en,xx", "ur,ar", ""])
def test_a_code_django_does_not_know_or_a_list_without_english_stops_start_up(value):
    with pytest.raises(ValueError, match="MASTHEAD_LANGUAGES"):
        languages_from_env({"MASTHEAD_LANGUAGES": value})


def test_the_settings_read_it(tmp_path):
    env = os.environ | {
        "MASTHEAD_LANGUAGES": "en,ur,ar",
        "SECRET_KEY": "x",
        "MASTHEAD_HOME": str(tmp_path),
        "DJANGO_SETTINGS_MODULE": "masthead.config.settings",
    }
    code = "from django.conf import settings; print(settings.LANGUAGES == settings.WAGTAIL_CONTENT_LANGUAGES, settings.LANGUAGES)"
    out = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True).stdout
    assert out.strip() == "True [('en', 'English'), ('ur', 'Urdu'), ('ar', 'Arabic')]"

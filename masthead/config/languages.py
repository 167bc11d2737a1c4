"""The languages editions may publish in, from ``MASTHEAD_LANGUAGES``: codes Django knows, English always among them."""

from __future__ import annotations

import os

from django.conf.locale import LANG_INFO

DEFAULT_LANGUAGES = "en,ur"
DEFAULT_LANGUAGE = "en"  # LANGUAGE_CODE: the default locale's language, and the interface's fallback


def languages_from_env(environ=None) -> list[tuple[str, str]]:
    """``LANGUAGES`` for Django and Wagtail: ``MASTHEAD_LANGUAGES="en,ur,ar"`` → ``[("en", "English"), …]``.

    A code Django has no locale data for (and so no right-to-left flag, no
    plural rules) stops start-up, as does a list without the default language.
    """
    raw = (os.environ if environ is None else environ).get("MASTHEAD_LANGUAGES", DEFAULT_LANGUAGES)
    codes = list(dict.fromkeys(code.strip().lower() for code in raw.split(",") if code.strip()))
    unknown = [code for code in codes if code not in LANG_INFO or "name" not in LANG_INFO[code]]
    if unknown:
        raise ValueError(f"MASTHEAD_LANGUAGES={raw!r}: {', '.join(unknown)} not a language code Django knows (en, ur, ar, fa…)")
    if DEFAULT_LANGUAGE not in codes:
        raise ValueError(f"MASTHEAD_LANGUAGES={raw!r} must include {DEFAULT_LANGUAGE!r}, the default locale's language")
    return [(code, LANG_INFO[code]["name"]) for code in codes]

"""System checks of the public site: every translation catalogue compiled, or its edition would read in English."""

from __future__ import annotations

from pathlib import Path

from django.conf import settings
from django.core import checks


@checks.register()
def catalogues_compiled(app_configs=None, **kwargs) -> list[checks.CheckMessage]:
    # Django reads only the .mo; a missing or stale one fails silently, so say it at start-up (`manage check`, migrate).
    problems = []
    for folder in settings.LOCALE_PATHS:
        for source in sorted(Path(folder).glob("*/LC_MESSAGES/*.po")):
            compiled = source.with_suffix(".mo")
            if not compiled.exists() or compiled.stat().st_mtime < source.stat().st_mtime:
                problems.append(
                    checks.Warning(
                        f"{compiled} is missing or older than its .po: readers of that language see English.",
                        hint="Run `make locale` (pybabel compile).",
                        id="masthead.W001",
                    )
                )
    return problems

"""The current breaking story of an edition, as every page reads it: no query once a process has it.

Every page of an edition shows the banner, so this is read on every render.
It is kept per process and edition, keyed by the edition memo's stamp
(``web/snapshot.py``): marking, changing or ending a breaking story bumps
that stamp (``breaking/services.py``), and every process reads the row again
on its next render. The end time is checked here on every read, so a banner
never outlives its end even in the second before the clock ends the row.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass
from datetime import datetime

from django.utils import timezone

from masthead.web import snapshot

_lock = threading.Lock()
_memo: dict[int, Banner | None] = {}
_memo_stamp: tuple[int, int] | None = None


@dataclass(frozen=True)
class Banner:
    story: object  # ArticlePage
    headline: str
    path: str  # the story's address on its edition's host
    ends_at: datetime


def banner_for(home_page) -> Banner | None:
    """The edition's breaking banner now, or None. At most one query per process and change."""
    global _memo_stamp
    if home_page is None:
        return None
    stamp = snapshot.stamp()
    if stamp != _memo_stamp:
        with _lock:
            _memo.clear()
            _memo_stamp = stamp
    try:
        banner = _memo[home_page.pk]
    except KeyError:
        banner = _load(home_page)
        with _lock:
            if snapshot.stamp() == stamp:
                _memo[home_page.pk] = banner
    if banner is None or banner.ends_at <= timezone.now():
        return None
    return banner


def story_for(home_page):
    """The current breaking story (an ArticlePage) of the edition whose HomePage is given, or None."""
    banner = banner_for(home_page)
    return banner.story if banner else None


def _load(home_page) -> Banner | None:
    from masthead.breaking.models import BreakingStory

    row = BreakingStory.objects.open().filter(home_id=home_page.pk, story__live=True).select_related("story").first()
    if row is None:
        return None
    story = row.story
    root = home_page.url_path
    path = "/" + story.url_path[len(root) :] if story.url_path.startswith(root) else story.url_path
    return Banner(story=story, headline=row.headline, path=path, ends_at=row.ends_at)

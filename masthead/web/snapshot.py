"""What every page of an edition needs and what rarely changes, read once per process.

The site, its home page, its sections, its settings and whether any page
has a view restriction are looked up on every request by Wagtail and by
our templates: nine queries of every uncached page, for data that changes
when an editor touches a section or a setting, not when a story is
published. They are kept here until that happens.

Processes learn of a change through a stamp file: changing an edition
touches it (``bump``, called by the story-change pipeline,
masthead/pipeline/changes.py), and every request compares its
modification time (one ``stat``) with the one its memo was built at.
"""

from __future__ import annotations

import os
import threading
from dataclasses import dataclass, field
from pathlib import Path

from django.conf import settings
from django.http import HttpRequest

_lock = threading.Lock()
_memo: dict[str, EditionData | None] = {}
_stamp: tuple[int, int] | None = None
_local_generation = 0


@dataclass
class EditionData:
    site: object
    home: object
    settings: object
    sections: dict[str, object] = field(default_factory=dict)
    nav: list = field(default_factory=list)
    language: str = "en"
    # Markup drawn only from the above (the section menu), rendered once per process and edition.
    fragments: dict = field(default_factory=dict)


def _stamp_file() -> Path:
    return Path(settings.EDITION_STAMP_FILE)


def _current_stamp() -> tuple[int, int]:
    try:
        disk = os.stat(_stamp_file()).st_mtime_ns
    except FileNotFoundError:
        disk = 0
    return (_local_generation, disk)


def stamp() -> tuple[int, int]:
    """What memos kept outside this module are keyed by: it changes with every bump() or reset()."""
    return _current_stamp()


def bump(**kwargs) -> None:
    """An edition changed: every process forgets what it memoised (signal receiver, so it takes **kwargs).

    Touched now for this process and again after the commit, so another
    process cannot keep what it read between the change and the commit.
    """
    from django.db import transaction

    reset()
    transaction.on_commit(_touch)


def reset() -> None:
    """Forget everything now, in this process and (through the stamp) in the others."""
    global _local_generation
    _local_generation += 1
    _touch()


def _touch() -> None:
    path = _stamp_file()
    path.parent.mkdir(parents=True, exist_ok=True)
    path.touch()
    os.utime(path)


def for_request(request: HttpRequest) -> EditionData | None:
    global _stamp
    stamp = _current_stamp()
    if stamp != _stamp:
        with _lock:
            _memo.clear()
            _stamp = stamp
    host = request.get_host()
    try:
        return _memo[host]
    except KeyError:
        pass
    data = _load(request)
    with _lock:
        if _current_stamp() == stamp:
            _memo[host] = data
    return data


_restrictions: dict[tuple[int, int], bool] = {}


def view_restrictions_exist() -> bool:
    """Whether any page of the install is private; almost never, and then pages check their own."""
    stamp = _current_stamp()
    if stamp not in _restrictions:
        from wagtail.models import PageViewRestriction

        _restrictions.clear()
        _restrictions[stamp] = PageViewRestriction.objects.exists()
    return _restrictions[stamp]


_locales: dict[tuple[int, int], int] = {}


def locale_count() -> int:
    """How many content languages the install has: one means no story can have a translation."""
    stamp = _current_stamp()
    if stamp not in _locales:
        from wagtail.models import Locale

        _locales.clear()
        _locales[stamp] = Locale.objects.count()
    return _locales[stamp]


_section_ids: dict[tuple[int, int], dict] = {}


def _sections_by_site(site) -> dict:
    stamp = _current_stamp()
    by_site = _section_ids.get(stamp)
    if by_site is None:
        _section_ids.clear()
        by_site = _section_ids[stamp] = {}
    if site.pk not in by_site:
        from wagtail.models import Page

        from masthead.news.models import SectionPage

        root = Page.objects.only("path", "depth").get(pk=site.root_page_id)
        # Read from the (short) section table and matched here: any condition on the
        # tree path would make the database walk every page under the edition.
        sections = list(SectionPage.objects.order_by("path").values_list("pk", "path", "depth"))
        mine = tuple(pk for pk, path, depth in sections if depth == root.depth + 1 and path.startswith(root.path))
        by_site[site.pk] = (mine, len(mine) == len(sections))
    return by_site


def section_ids(site) -> tuple[int, ...]:
    """The primary keys of an edition's sections, live or not: what "this edition's stories" filters on.

    A short literal list lets the database walk the newest stories by date
    and stop at its limit; a subquery over the page tree would be
    evaluated against the whole archive.
    """
    return _sections_by_site(site)[site.pk][0]


def holds_every_section(site) -> bool:
    """Whether this edition's sections are all the sections there are (an install with one edition)."""
    return _sections_by_site(site)[site.pk][1]


def _load(request: HttpRequest) -> EditionData | None:
    from wagtail.models import Site

    from masthead.news.models import SectionPage
    from masthead.web.models import EditionSettings

    site = Site.find_for_request(request)
    if site is None:
        return None
    home = site.root_page.specific
    # From the section table, matched here: see section_ids.
    sections = [
        section
        for section in SectionPage.objects.live().select_related("locale").order_by("path")
        if section.depth == home.depth + 1 and section.path.startswith(home.path)
    ]
    return EditionData(
        site=site,
        home=home,
        settings=EditionSettings.for_site(site),
        sections={section.slug: section for section in sections},
        nav=[section for section in sections if section.show_in_menus],
        language=home.locale.language_code,
    )

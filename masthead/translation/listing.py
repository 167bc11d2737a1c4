"""Which stories have a translation, and what a translation was made from: for the admin's lists and editor."""

from __future__ import annotations

from dataclasses import dataclass

from django.db.models import OuterRef, Subquery
from wagtail.models import Locale, Page

from masthead.web.snapshot import locale_count, stamp


@dataclass(frozen=True)
class Sibling:
    """A translation of a story, as a list shows it: its language code, its page, whether it is live."""

    language_code: str
    page_id: int
    title: str
    live: bool


def attach(stories) -> None:
    """Set ``story.translations`` (a list of Sibling, by language) on each story: one query for them all.

    None while the install has a single language (memoised per process: no query at all).
    """
    stories = [story for story in stories if story is not None]
    for story in stories:
        story.translations = []
    if not stories or locale_count() < 2:
        return
    by_key = {}
    siblings = (
        Page.objects.filter(translation_key__in={story.translation_key for story in stories})
        .exclude(pk__in=[story.pk for story in stories])
        .order_by("locale__language_code", "pk")
        .values_list("translation_key", "locale__language_code", "pk", "draft_title", "live")
    )
    for key, code, pk, title, live in siblings:
        by_key.setdefault(key, []).append(Sibling(code, pk, title, live))
    for story in stories:
        story.translations = [s for s in by_key.get(story.translation_key, []) if s.page_id != story.pk]


def source_of(page: Page) -> Page | None:
    """The page this one was translated from: the first made of its translations (simple_translation keeps
    no record of a source; the original is written before any translation of it). None for an original."""
    return (
        Page.objects.filter(translation_key=page.translation_key, pk__lt=page.pk)
        .select_related("locale")
        .order_by("pk")
        .only("pk", "title", "draft_title", "locale__language_code", "live")
        .first()
    )


_locales: dict[tuple[int, int], list[tuple[int, str]]] = {}


def languages() -> list[tuple[int, str]]:
    """(locale id, language code) of every content language, memoised per process until an edition changes."""
    now = stamp()
    if now not in _locales:
        _locales.clear()
        _locales[now] = list(Locale.objects.order_by("language_code").values_list("pk", "language_code"))
    return _locales[now]


def with_translation_ids(pages):
    """``pages`` with ``translation_in_<locale id>``: the page's translation in each language, in the same query.

    For Wagtail's explorer, whose rows are read in one query that hooks may change but not follow up.
    """
    if locale_count() < 2:
        return pages
    return pages.annotate(
        **{
            f"translation_in_{locale_id}": Subquery(
                Page.objects.filter(translation_key=OuterRef("translation_key"), locale_id=locale_id).values("pk")[:1]
            )
            for locale_id, _ in languages()
        }
    )


def annotated_translations(page) -> list[tuple[str, int]]:
    """(language code, page id) of the translations ``with_translation_ids`` found for ``page``."""
    found = []
    for locale_id, code in languages() if locale_count() >= 2 else ():
        other = getattr(page, f"translation_in_{locale_id}", None)
        if other is not None and other != page.pk:
            found.append((code, other))
    return found

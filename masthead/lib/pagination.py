"""Pagination that never counts the archive and never fails on a bad ``?page=``.

Django's Paginator runs ``COUNT(*)`` over the whole listing on every page
view; at millions of stories that is the slowest query of the page. This
fetches one row more than it shows to know whether a next page exists.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from django.http import Http404, HttpRequest

MAX_PAGE = 100_000


@dataclass(frozen=True)
class Listing:
    items: Sequence[Any]
    number: int
    has_next: bool

    @property
    def has_previous(self) -> bool:
        return self.number > 1

    @property
    def next_number(self) -> int:
        return self.number + 1

    @property
    def previous_number(self) -> int:
        return self.number - 1


def page_number(raw: str | None) -> int:
    """The page asked for; anything that is not a positive whole number means the first page."""
    try:
        number = int((raw or "1").strip())
    except ValueError:
        return 1
    return max(number, 1)


def paginate(
    request: HttpRequest, queryset, per_page: int, fetch: Callable[[Any, int, int], Sequence[Any]] | None = None
) -> Listing:
    """One page of ``queryset``; ``fetch(queryset, offset, limit)`` may find a deep page faster than OFFSET."""
    number = page_number(request.GET.get("page"))
    if number > MAX_PAGE:
        raise Http404("No such page")
    offset = (number - 1) * per_page
    rows = fetch(queryset, offset, per_page + 1) if fetch is not None else list(queryset[offset : offset + per_page + 1])
    if number > 1 and not rows:
        raise Http404("No such page")
    return Listing(items=rows[:per_page], number=number, has_next=len(rows) > per_page)

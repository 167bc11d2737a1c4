"""The desk's lists by name: what each is called, how it is read, and what its time column means.

Dashboard panels and admin listings are both drawn from here, so a list is defined once.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from masthead.desk import lists


@dataclass(frozen=True)
class DeskList:
    slug: str
    title: str
    when_label: str
    empty: str
    read: Callable  # (request, where, edition, offset, limit) -> list[lists.Row]
    alert: bool = False  # shown on the dashboard only when it has rows, as a warning


DESK_LISTS = {
    item.slug: item
    for item in [
        DeskList(
            "overdue",
            "Overdue",
            "Due",
            "Nothing is overdue: the publishing clock is keeping time.",
            lambda request, where, edition, offset, limit: lists.overdue(where, offset, limit),
            alert=True,
        ),
        DeskList(
            "review",
            "Awaiting my review",
            "Waiting since",
            "Nothing is waiting for your review.",
            lambda request, where, edition, offset, limit: lists.awaiting_review(request.user, where, offset, limit),
        ),
        DeskList(
            "drafts",
            "My drafts",
            "Last edited",
            "You have no stories with unpublished changes.",
            lambda request, where, edition, offset, limit: lists.my_drafts(request.user, where, offset, limit),
        ),
        DeskList(
            "scheduled",
            "Scheduled",
            "Goes live",
            "No story is scheduled.",
            lambda request, where, edition, offset, limit: lists.scheduled(where, offset, limit),
        ),
        DeskList(
            "today",
            "Published today",
            "Published",
            "No story has been published today.",
            lambda request, where, edition, offset, limit: lists.published_today(edition, where, offset, limit),
        ),
    ]
}

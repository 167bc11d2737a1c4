"""The desk's lists as admin pages, filterable by edition and section, a page of rows at a time."""

from __future__ import annotations

from urllib.parse import urlencode

from django.http import Http404
from django.template.response import TemplateResponse

from masthead.desk import editions
from masthead.desk.lists import Filter
from masthead.desk.registry import DESK_LISTS
from masthead.lib.pagination import MAX_PAGE, Listing, page_number
from masthead.translation import listing as translations

PER_PAGE = 25


def desk_list(request, slug: str):
    desk_list = DESK_LISTS.get(slug)
    if desk_list is None:
        raise Http404("No such list")
    edition = editions.edition_by_id(request.GET.get("edition", ""))
    sections = _section_choices()
    section_id = _chosen(request.GET.get("section"), {section["pk"] for section in sections})
    where = Filter(section_id=section_id, section_ids=_section_ids(edition) if edition else None)

    number = page_number(request.GET.get("page"))
    if number > MAX_PAGE:
        raise Http404("No such page")
    # The day of "published today" is the chosen edition's, else the default edition's.
    day_edition = edition or editions.default_edition()
    rows = desk_list.read(request, where, day_edition, (number - 1) * PER_PAGE, PER_PAGE + 1)
    if number > 1 and not rows:
        raise Http404("No such page")
    listing = Listing(items=rows[:PER_PAGE], number=number, has_next=len(rows) > PER_PAGE)
    translations.attach(row.story for row in listing.items)
    query = urlencode({key: value for key, value in (("edition", edition and edition.site_id), ("section", section_id)) if value})
    return TemplateResponse(
        request,
        "desk/list.html",
        {
            "desk_list": desk_list,
            "all_lists": list(DESK_LISTS.values()),
            "rows": listing.items,
            "listing": listing,
            "query": query,
            "edition_choices": editions.all_editions(),
            "chosen_edition": edition,
            "section_choices": sections,
            "chosen_section": section_id,
            "day_edition": day_edition,
        },
    )


def _chosen(raw: str | None, allowed: set[int]) -> int | None:
    try:
        value = int(raw or "")
    except ValueError:
        return None
    return value if value in allowed else None


def _section_choices() -> list[dict]:
    """Every section, named with its edition when there are several (a short table: one query)."""
    from masthead.news.models import SectionPage

    all_editions = editions.all_editions()
    choices = []
    for pk, title, path in SectionPage.objects.order_by("path").values_list("pk", "title", "path"):
        edition = editions.edition_for_path(path)
        label = f"{title} ({edition.name})" if edition is not None and len(all_editions) > 1 else title
        choices.append({"pk": pk, "label": label, "path": path})
    return choices


def _section_ids(edition: editions.Edition) -> tuple[int, ...]:
    return tuple(section["pk"] for section in _section_choices() if section["path"].startswith(edition.root_path))

"""Which curated stories a front page shows now: one query per kind of page, whatever the number of slots."""

from __future__ import annotations

from datetime import datetime

from masthead.curation.models import HomeSlot, SectionSlot

# What a story card shows of a story, joined in the slot's own query (as news.querysets.listed does).
STORY_JOINS = ("story", "story__section", "story__agency")


def home_stories(home, now: datetime | None = None) -> list:
    """The home page's curated stories in the editor's order, the first its lead; live and unexpired only."""
    return _stories(HomeSlot.objects.showing(now).filter(page_id=home.pk))


def section_stories(section_ids: list[int], now: datetime | None = None) -> dict[int, list]:
    """Each section's curated stories in the editor's order, for the given sections, in one query."""
    curated: dict[int, list] = {pk: [] for pk in section_ids}
    if not section_ids:
        return curated
    slots = SectionSlot.objects.showing(now).filter(page_id__in=section_ids).select_related(*STORY_JOINS)
    seen: dict[int, set[int]] = {pk: set() for pk in section_ids}
    for slot in slots.order_by("page_id", "sort_order", "pk"):
        if slot.story_id not in seen[slot.page_id]:  # the same story placed twice shows once
            seen[slot.page_id].add(slot.story_id)
            curated[slot.page_id].append(slot.story)
    return curated


def _stories(slots) -> list:
    stories, seen = [], set()
    for slot in slots.select_related(*STORY_JOINS).order_by("sort_order", "pk"):
        if slot.story_id not in seen:
            seen.add(slot.story_id)
            stories.append(slot.story)
    return stories


def cache_tags(stories) -> set[str]:
    """The tags a front page carries for the stories curated on it: a story's withdrawal purges them (pagecache/purge.py)."""
    return {f"curated-{story.pk}" for story in stories}

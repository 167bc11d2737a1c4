"""The demo's curated home page: a lead, top stories in the editors' order, one of them pinned for a few hours."""

from __future__ import annotations

from datetime import datetime, timedelta

from masthead.curation.models import HomeSlot

# Story keys of masthead/demo/content.py, in the order the demo's editors placed them.
TOP_STORIES = ("sorva-treaty-talks", "karachi-heatwave", "rooftop-solar", "kestrels-first-title")
PINNED = "karachi-heatwave"  # pinned while the heat warning lasts, then the page fills itself again
PINNED_FOR = timedelta(hours=6)


def curate_home(home, stories: dict, lead_key: str, now: datetime) -> None:
    """Place the lead and top stories on the home page and publish it, as an editor would (one revision)."""
    keys = [lead_key, *(key for key in TOP_STORIES if key != lead_key and key in stories)]
    home.front_slots = [
        HomeSlot(story=stories[key], sort_order=n, pinned_until=now + PINNED_FOR if key == PINNED else None)
        for n, key in enumerate(keys)
    ]
    home.save_revision().publish()

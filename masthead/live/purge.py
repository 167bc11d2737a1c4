"""What a live entry makes wrong: the story's live parts, never its listings.

An entry changes the story's page (full and lite, every page of it), its
``live.json``, its live feed and its API detail. Listings, section feeds and
sitemaps show the story's headline, standfirst and publication time, which
an entry does not touch: purging them per entry (every 5 s on a busy story)
would empty the home page's cache for nothing.
"""

from __future__ import annotations

from masthead.pagecache.purge import PurgeSet, site_hosts_for

JSON_NAME = "live.json"
FEED_NAME = "live.xml"


def live_paths(story_path: str) -> list[str]:
    return [story_path, f"{story_path}{JSON_NAME}", f"{story_path}{FEED_NAME}"]


def for_entry(story) -> PurgeSet:
    purge = PurgeSet(tags={f"live-{story.pk}"})
    for host, root in site_hosts_for(story):
        path = "/" + story.url_path[len(root) :] if story.url_path.startswith(root) else story.url_path
        purge.add(host, *live_paths(path), f"/api/v1/articles/{story.pk}")
        # The poll endpoint first: a thousand readers ask for it within ten seconds of the purge.
        purge.warm[host] = [f"{path}{JSON_NAME}", path]
    return purge


def for_coverage(story) -> PurgeSet:
    """Started or ended: the badge, script and JSON-LD on the story's page; listings show no live mark."""
    return for_entry(story)

"""The cached pages that list corrections: per edition of a story, ``/corrections/``, its feed and the API's list."""

from __future__ import annotations

from django.urls import reverse

from masthead.pagecache.purge import PurgeSet, site_hosts_for


def listing_paths() -> list[str]:
    return [
        reverse("corrections:list"),
        reverse("corrections:feed"),
        reverse("corrections:feed-atom"),
        reverse("api_v1:corrections"),
    ]


def for_story(story) -> PurgeSet:
    purge = PurgeSet()
    paths = listing_paths()
    for host, _root in site_hosts_for(story):
        purge.add(host, *paths)
    return purge

"""What a change to a front page's curation makes wrong: that page and what shows its slots, not the whole edition."""

from __future__ import annotations

from masthead.pagecache.purge import PurgeSet, site_hosts_for

# The app API's front page shows the home page's curation and each section's (api/endpoints.py, ``/top``).
API_FRONT = "/api/v1/top"
API_SECTIONS = "/api/v1/sections"  # a section's intro


def for_front(page) -> PurgeSet:
    """The page (full and lite, every page of it) and what else shows its slots or fields: no other page of the edition.

    A section's slots lead its block on the home page; its intro is its feeds' description and in the API's sections.
    """
    from masthead.news.models import SectionPage

    purge = PurgeSet()
    for host, root in site_hosts_for(page):
        path = "/" + page.url_path[len(root) :] if page.url_path.startswith(root) else page.url_path
        if isinstance(page, SectionPage):
            paths = [path, f"{path}feed/", f"{path}feed/atom/", "/", API_FRONT, API_SECTIONS]
        else:
            paths = ["/", API_FRONT]
        purge.add(host, *paths)
        purge.warm[host] = [path]
    return purge


EDITION_WIDE_FIELDS = ("title", "slug", "url_path", "show_in_menus", "live")


def edition_wide_before(page) -> dict | None:
    """What every page of the edition shows of this page, as it is live now (read before a publish saves it)."""
    from wagtail.models import Page

    if page.pk is None:
        return None
    return Page.objects.filter(pk=page.pk).values(*EDITION_WIDE_FIELDS).first()


def changes_edition(page, before: dict | None) -> bool:
    """Whether publishing ``page`` changes what other pages show of it (its name in every menu): then the edition goes."""
    if before is None:
        return True
    return any(before[name] != getattr(page, name) for name in EDITION_WIDE_FIELDS)

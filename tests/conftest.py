"""Shared fixtures: an edition with sections, and a factory for published stories."""

from __future__ import annotations

import os
from datetime import timedelta

import pytest
from django.utils import timezone

from masthead.news import services
from masthead.news.models import Agency, AgencyAlias, Author

IN_CI = os.environ.get("CI", "").lower() in ("1", "true", "yes")


def require(condition: bool, message: str) -> None:
    """Skip on a developer's laptop when a tool is missing; fail in CI, where it must be there."""
    if condition:
        return
    if IN_CI:
        pytest.fail(f"required in CI: {message}")
    pytest.skip(message)


@pytest.fixture(autouse=True)
def fresh_edition_snapshot():
    """Each test's database is new: nothing memoised from the last test may survive into it."""
    from django.core.cache import caches
    from wagtail.models import Site

    from masthead.web import snapshot

    snapshot.reset()
    caches["renditions"].clear()  # ids are reused across tests' databases
    Site.clear_site_root_paths_cache()  # so are Sites' and pages' (another test's sites would claim this one's pages)
    yield
    snapshot.reset()


def paragraphs(count: int, prefix: str = "Paragraph") -> list[str]:
    return [f"<p>{prefix} {n}: the council met on Tuesday and agreed the budget.</p>" for n in range(1, count + 1)]


@pytest.fixture
def edition(db):
    from wagtail.models import Page, Site

    for page in Page.objects.filter(depth=2):
        Site.objects.filter(root_page=page).delete()
        page.delete()
    site = services.create_edition(name="MM News", hostname="testserver", port=80)
    home = site.root_page.specific
    sections = {
        slug: services.create_section(home, title=title, slug=slug)
        for slug, title in [("world", "World"), ("pakistan", "Pakistan"), ("business", "Business")]
    }
    return _Edition(site=site, home=home, sections=sections)


class _Edition:
    def __init__(self, site, home, sections):
        self.site = site
        self.home = home
        self.sections = sections


@pytest.fixture
def interfax(db):
    agency = Agency.objects.create(name="Interfax")
    AgencyAlias.objects.create(agency=agency, alias="Ifax")
    return agency


@pytest.fixture
def author(db):
    return Author.objects.create(name="Sana Qureshi", role="Staff reporter")


@pytest.fixture
def make_story(edition):
    counter = {"n": 0}

    def make(section: str = "world", *, publish: bool = True, days_ago: float = 0.0, body: int = 6, **fields):
        counter["n"] += 1
        fields.setdefault("title", f"Story number {counter['n']}")
        fields.setdefault("paragraphs", paragraphs(body))
        draft = services.StoryDraft(**fields)
        when = timezone.now() - timedelta(days=days_ago)
        return services.file_story(edition.sections[section], draft, publish=publish, published_at=when if publish else None)

    return make

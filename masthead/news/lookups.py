"""Finding sections and stories by what other apps know of them: a slug, a headline. Reads only.

The wire desk files copy "in the world section" and resolves ``Read more: <headline>`` lines to our own
stories; those questions are about the news tree, so they are answered here, not in the ingest app.
"""

from __future__ import annotations

from django.conf import settings
from django.db.models import Q
from wagtail.models import Site

from masthead.ingest.boilerplate import normalise_line
from masthead.news.models import ArticlePage, SectionPage
from masthead.news.querysets import site_sections


def _default_site():
    return (
        Site.objects.filter(is_default_site=True).select_related("root_page").first()
        or Site.objects.select_related("root_page").first()
    )


def default_section():
    """Where wire copy goes when nobody says: the section named by INGEST_DEFAULT_SECTION, else the default site's first."""
    site = _default_site()
    sections = site_sections(site).live().order_by("path") if site else SectionPage.objects.live().order_by("path")
    wanted = getattr(settings, "INGEST_DEFAULT_SECTION", "")
    if wanted:
        named = sections.filter(slug=wanted).first()
        if named is not None:
            return named
    return sections.first()


def section_by_slug(slug: str) -> SectionPage:
    """A section by its slug, the default site's first; ValueError listing the choices when there is none."""
    site = Site.objects.filter(is_default_site=True).first()
    candidates = list(site_sections(site).filter(slug=slug)) if site else []
    candidates = candidates or list(SectionPage.objects.filter(slug=slug).order_by("path"))
    if not candidates:
        known = ", ".join(sorted(set(SectionPage.objects.values_list("slug", flat=True)))) or "none"
        raise ValueError(f"no section with the slug {slug!r} (sections: {known})")
    return candidates[0].specific


def normalised_title(title: str) -> str:
    """A headline as two copies of it are compared: case, quotes and whitespace folded, trailing dots dropped."""
    return normalise_line(title).strip(" .")


def find_related(headlines: list[str]) -> ArticlePage | None:
    """The live story a ``Read more: <headline>`` line names, matched on its normalised title (newest first)."""
    for headline in headlines:
        wanted = normalised_title(headline)
        variants = {headline.strip(), headline.strip().replace("’", "'"), headline.strip().replace("'", "’")}
        query = Q()
        for variant in variants:
            query |= Q(title__iexact=variant)
        for article in ArticlePage.objects.live().filter(query).order_by("-published_at")[:5]:
            if normalised_title(article.title) == wanted:
                return article
    return None

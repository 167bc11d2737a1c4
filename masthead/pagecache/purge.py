"""Which cached URLs a change makes wrong, computed from the story itself.

Publishing or unpublishing a story changes: its own page (and lite
version), its section's listing, the home page, its tag, author and agency
listings, every feed those appear in, the sitemaps and the app API's lists —
and every page whose *Read more* shows it (found through the page cache's
tags, since that choice is made at render time).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from django.urls import reverse


@dataclass
class PurgeSet:
    """What to forget, by edition (its Site's host name); the worker reaches every host name it is read under."""

    paths: dict[str, set[str]] = field(default_factory=dict)  # Site host name -> URL paths
    tags: set[str] = field(default_factory=set)
    hosts: set[str] = field(default_factory=set)  # purge everything of these editions
    warm: dict[str, list[str]] = field(default_factory=dict)  # Site host name -> paths to render again at once
    everything: bool = False  # every edition: which edition a host name shows may have changed

    def add(self, host: str, *paths: str) -> None:
        self.paths.setdefault(host, set()).update(paths)

    def merge(self, other: PurgeSet) -> None:
        for host, paths in other.paths.items():
            self.add(host, *paths)
        self.tags |= other.tags
        self.hosts |= other.hosts
        self.everything |= other.everything
        for host, paths in other.warm.items():
            for path in paths:
                if path not in self.warm.setdefault(host, []):
                    self.warm[host].append(path)

    def __bool__(self) -> bool:
        return bool(self.paths or self.tags or self.hosts or self.everything)


# The edition's pages that list every story: feeds, sitemaps and the API's lists.
EDITION_LISTINGS = (
    "feeds:feed",
    "feeds:feed-atom",
    "feeds:sitemap-index",
    "feeds:news-sitemap",
    "feeds:robots",
    "api_v1:articles",
    "api_v1:top",
    "api_v1:breaking",
    "api_v1:sections",
)


def site_hosts_for(page) -> list[tuple[str, str]]:
    """(hostname, root url_path) of every edition the page is served under."""
    from wagtail.models import Site

    hosts = []
    for site in Site.objects.select_related("root_page").only("hostname", "root_page__url_path", "root_page__path"):
        if page.path.startswith(site.root_page.path):
            hosts.append((site.hostname.lower(), site.root_page.url_path))
    return hosts


def for_article(article, old_url_path: str | None = None) -> PurgeSet:
    from masthead.news import scopes
    from masthead.news.models import ArticlePage

    # Pages whose Read more shows it, and front pages an editor placed it on (curation/selection.py).
    purge = PurgeSet(tags={f"article-{article.pk}", f"curated-{article.pk}"})
    article = ArticlePage.objects.select_related("section", "agency").get(pk=article.pk)
    # Its tag, author and agency listings and their feeds, by the URL names they answer to.
    scope_paths = [path for scope in scopes.SCOPES for slug in scope.slugs_of(article) for path in scope.paths(slug)]
    edition_paths = [reverse(name) for name in EDITION_LISTINGS]
    if article.published_at:
        edition_paths.append(
            reverse("feeds:sitemap-month", kwargs={"year": f"{article.published_at:%Y}", "month": f"{article.published_at:%m}"})
        )
    edition_paths.append(reverse("api_v1:article", kwargs={"article_id": article.pk}))
    for host, root in site_hosts_for(article):

        def local(url_path: str, root: str = root) -> str:
            return "/" + url_path[len(root) :] if url_path.startswith(root) else url_path

        article_path = local(article.url_path)
        listings = ["/", *edition_paths]
        if article.section:
            section = local(article.section.url_path)
            year = article_path.rsplit("/", 2)[0] + "/"
            listings += [section, year, f"{section}feed/", f"{section}feed/atom/"]
        listings += scope_paths
        purge.add(host, article_path, *listings)
        if old_url_path and old_url_path != article.url_path:
            # Moved: its old page, and the section and year it was listed under.
            old_year = old_url_path.rsplit("/", 2)[0] + "/"
            old_section = old_url_path.rsplit("/", 3)[0] + "/"
            old_paths = (old_url_path, old_year, old_section, f"{old_section}feed/", f"{old_section}feed/atom/")
            purge.add(host, *(local(path) for path in old_paths))
        # Render the pages a breaking story is read on at once, so the first readers never wait.
        purge.warm[host] = [article_path, "/"] + ([local(article.section.url_path)] if article.section else [])
    return purge


def for_edition_of(page) -> PurgeSet:
    """Sections, home and settings appear on every page of an edition: purge it whole."""
    return PurgeSet(hosts={host for host, _ in site_hosts_for(page)})

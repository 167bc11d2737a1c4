"""The listings of an edition's stories that share one thing: a tag, an author, an agency. Reads only.

A listing scope is what the listing's page, its two feeds, the API's filter
and the purge after a change all mean by "stories by Sana Qureshi": the
thing found by its slug *in the edition's language* (authors and agencies
are translated, and a slug is unique only within a locale), the edition's
live stories that have it, and the URL names its page and feeds answer to.
Written once here, so the page, the feed and the purge cannot drift apart.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.db.models import Case, IntegerField, Value, When
from django.urls import reverse
from wagtail.models import Site

from masthead.news import querysets


def edition_locale_id(site: Site) -> int:
    """The locale of an edition's stories: its home page's (free when the request already holds the home)."""
    return site.root_page.locale_id


@dataclass(frozen=True)
class ListingScope:
    """One kind of listing. Subclasses say which model it is of and how a story has it."""

    kind: str  # "tag", "author", "agency": the API's filter name, and the stem of the URL names
    page_url_name: str
    feed_url_names: tuple[str, str]  # RSS, then Atom

    def find(self, site: Site, slug: str):
        """The thing the edition's listing of ``slug`` is of, or None."""
        raise NotImplementedError

    def stories(self, site: Site, subject):
        """The edition's live stories that have it, newest first, as listings show them."""
        raise NotImplementedError

    def narrow(self, stories, subject):
        """Stories of any listing (an API page, a delta sync) left with those that have it; their order kept."""
        raise NotImplementedError

    def slugs_of(self, article) -> list[str]:
        """The slugs of the listings of this kind a story appears in."""
        raise NotImplementedError

    def url(self, slug: str) -> str:
        return reverse(self.page_url_name, kwargs={"slug": slug})

    def feed_url(self, slug: str) -> str:
        return reverse(self.feed_url_names[0], kwargs={"slug": slug})

    def paths(self, slug: str) -> list[str]:
        """The listing's page and its feeds: what a change to one of its stories makes stale."""
        return [self.url(slug), *(reverse(name, kwargs={"slug": slug}) for name in self.feed_url_names)]


class _TranslatedScope(ListingScope):
    """Authors and agencies: a slug names one per locale, and the edition's own comes first.

    A story translated before its byline was keeps the source's author, so a
    slug with no version in the edition's language falls back to the others
    (oldest first): the link on the story still leads somewhere, and the
    listing still holds only the edition's stories.
    """

    model = None

    def find(self, site: Site, slug: str):
        ours = Case(When(locale_id=edition_locale_id(site), then=Value(0)), default=Value(1), output_field=IntegerField())
        return self.model.objects.filter(slug=slug).order_by(ours, "pk").first()


class TagScope(ListingScope):
    def find(self, site: Site, slug: str):
        from taggit.models import Tag

        return Tag.objects.filter(slug=slug).first()

    def stories(self, site: Site, subject):
        return querysets.stories_tagged(site, subject)

    def narrow(self, stories, subject):
        return stories.filter(tagged_items__tag=subject)

    def slugs_of(self, article) -> list[str]:
        return list(article.tags.values_list("slug", flat=True))


class AuthorScope(_TranslatedScope):
    @property
    def model(self):
        from masthead.news.models import Author

        return Author

    def stories(self, site: Site, subject):
        return querysets.stories_by(site, subject)

    def narrow(self, stories, subject):
        return stories.filter(authors=subject)

    def slugs_of(self, article) -> list[str]:
        return list(article.authors.values_list("slug", flat=True))


class AgencyScope(_TranslatedScope):
    @property
    def model(self):
        from masthead.news.models import Agency

        return Agency

    def stories(self, site: Site, subject):
        return querysets.stories_from(site, subject)

    def narrow(self, stories, subject):
        return stories.filter(agency=subject)

    def slugs_of(self, article) -> list[str]:
        return [article.agency.slug] if article.agency_id else []


TAG = TagScope("tag", "web:tag", ("feeds:tag-feed", "feeds:tag-feed-atom"))
AUTHOR = AuthorScope("author", "web:author", ("feeds:author-feed", "feeds:author-feed-atom"))
AGENCY = AgencyScope("agency", "web:agency", ("feeds:agency-feed", "feeds:agency-feed-atom"))
SCOPES = (TAG, AUTHOR, AGENCY)
BY_KIND = {scope.kind: scope for scope in SCOPES}
BY_PAGE_URL_NAME = {scope.page_url_name: scope for scope in SCOPES}

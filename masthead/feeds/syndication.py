"""RSS 2.0 and Atom 1.0 feeds of the edition, a section, a tag, an author and an agency.

Django's syndication framework writes the XML; this module decides what goes
in it. Each feed is built for one request into plain ``FeedEntry`` values
(feed objects are shared between threads, so nothing is kept on them), in a
fixed number of queries: the stories, their authors, tags and pictures.

Every URL is absolute; each item's ``guid`` is its permalink. Summary or
full text is the edition's choice (``FeedSettings``); full text comes from
the same renderer as the page, with the dateline, and links made absolute.
"""

from __future__ import annotations

import mimetypes
from dataclasses import dataclass, field
from datetime import datetime

from django.contrib.syndication.views import Feed
from django.db.models import Prefetch
from django.http import Http404, HttpRequest
from django.utils import timezone
from django.utils.feedgenerator import Atom1Feed, Rss201rev2Feed
from django.utils.html import escape, format_html
from django.utils.translation import gettext
from wagtail.models import Site

from masthead.feeds.links import absolute, absolutise_html, base_url, site_path
from masthead.feeds.models import FeedSettings
from masthead.news import querysets, scopes
from masthead.news.scopes import ListingScope

FEED_MAX_AGE = 300  # seconds a reader or CDN may keep a feed
RSS_TTL_MINUTES = "15"
FEED_IMAGE_FILTER = querysets.SHARE_FILTERS["16:9"]

DC_NS = "http://purl.org/dc/elements/1.1/"
CONTENT_NS = "http://purl.org/rss/1.0/modules/content/"
MEDIA_NS = "http://search.yahoo.com/mrss/"


@dataclass(frozen=True)
class FeedImage:
    url: str
    width: int
    height: int
    mime_type: str


@dataclass
class FeedEntry:
    title: str
    link: str
    published: datetime
    updated: datetime
    summary: str | None  # HTML (escaped text)
    content: str | None  # HTML, full-text feeds only
    authors: list[tuple[str, str]] = field(default_factory=list)  # (name, absolute URL)
    categories: list[str] = field(default_factory=list)
    image: FeedImage | None = None


@dataclass
class FeedSource:
    title: str
    link: str
    description: str
    copyright: str
    publisher: str
    entries: list[FeedEntry]


@dataclass(frozen=True)
class Scope:
    """What a feed is of: its title, page and stories."""

    title: str
    path: str
    description: str
    stories: object  # a queryset of listed() stories


# --- XML: two namespaces more than Django writes ---------------------------------------------


class NewsRssFeed(Rss201rev2Feed):
    """RSS 2.0 with ``dc:creator`` per author, ``content:encoded`` for full text and Media RSS pictures."""

    def rss_attributes(self):
        return {**super().rss_attributes(), "xmlns:dc": DC_NS, "xmlns:content": CONTENT_NS, "xmlns:media": MEDIA_NS}

    def add_item_elements(self, handler, item):
        super().add_item_elements(handler, item)
        for name, _ in item["authors"]:
            handler.addQuickElement("dc:creator", name)
        if item["content_html"]:
            handler.addQuickElement("content:encoded", item["content_html"])
        if item["image"]:
            handler.addQuickElement("media:content", "", _media_attributes(item["image"]))


class NewsAtomFeed(Atom1Feed):
    """Atom 1.0 with an ``author`` per author, ``content`` for full text and Media RSS pictures."""

    def root_attributes(self):
        return {**super().root_attributes(), "xmlns:media": MEDIA_NS}

    def add_item_elements(self, handler, item):
        super().add_item_elements(handler, item)
        for name, uri in item["authors"]:
            handler.startElement("author", {})
            handler.addQuickElement("name", name)
            if uri:
                handler.addQuickElement("uri", uri)
            handler.endElement("author")
        if item["content_html"]:
            handler.addQuickElement("content", item["content_html"], {"type": "html"})
        if item["image"]:
            handler.addQuickElement("media:content", "", _media_attributes(item["image"]))


def _media_attributes(image: FeedImage) -> dict[str, str]:
    return {"url": image.url, "medium": "image", "type": image.mime_type, "width": str(image.width), "height": str(image.height)}


# --- Building a feed for one request ----------------------------------------------------------


def edition_site(request: HttpRequest) -> Site:
    site = Site.find_for_request(request)
    if site is None:
        raise Http404("No edition is configured for this host")
    return site


def build_source(request: HttpRequest, site: Site, scope: Scope) -> FeedSource:
    feed_settings = FeedSettings.for_request(request)
    stories = list(
        querysets.with_people(scope.stories.prefetch_related(None).prefetch_related(_picture_prefetch()))[
            : feed_settings.item_count
        ]
    )
    name = site.site_name or "Masthead"
    entries = [_entry(request, site, story, full=feed_settings.full_content) for story in stories]
    return FeedSource(
        title=scope.title,
        link=absolute(request, scope.path),
        description=scope.description,
        copyright=f"© {timezone.now().year} {name}",
        publisher=name,
        entries=entries,
    )


def _picture_prefetch() -> Prefetch:
    from masthead.images.models import Picture

    return Prefetch("hero_image", queryset=Picture.objects.prefetch_renditions(FEED_IMAGE_FILTER))


def _entry(request: HttpRequest, site: Site, story, *, full: bool) -> FeedEntry:
    authors = [(author.name, absolute(request, author.get_absolute_url())) for author in story.authors.all()]
    if not authors and story.agency_id:
        authors = [(story.agency.name, absolute(request, story.agency.get_absolute_url()))]
    categories = ([story.section.title] if story.section_id else []) + [tag.name for tag in story.tags.all()]
    summary = story.search_description or story.standfirst
    image = _image(request, story)
    return FeedEntry(
        title=story.title,
        link=absolute(request, site_path(site, story.url_path)),
        published=story.published_at,
        updated=story.last_published_at or story.published_at,
        summary=escape(summary) if summary else None,
        content=_full_text(request, story, image) if full else None,
        authors=authors,
        categories=list(dict.fromkeys(categories)),
        image=image,
    )


def _image(request: HttpRequest, story) -> FeedImage | None:
    if not story.hero_image_id or story.hero_image is None:
        return None
    rendition = story.hero_image.get_rendition(FEED_IMAGE_FILTER)
    mime_type = mimetypes.guess_type(rendition.file.name)[0] or "image/jpeg"
    return FeedImage(url=absolute(request, rendition.url), width=rendition.width, height=rendition.height, mime_type=mime_type)


def _full_text(request: HttpRequest, story, image: FeedImage | None) -> str:
    from masthead.news.rendering import render_body

    parts = []
    if image is not None:
        caption = " ".join(part for part in (story.hero_caption, story.hero_image.credit) if part)
        parts.append(
            format_html(
                '<figure><img src="{}" width="{}" height="{}" alt="{}">{}</figure>',
                image.url,
                image.width,
                image.height,
                story.hero_image.default_alt_text or "",
                format_html("<figcaption>{}</figcaption>", caption) if caption else "",
            )
        )
    parts.extend(render_body(story).parts)
    return absolutise_html("\n".join(parts), base_url(request))


# --- The feeds --------------------------------------------------------------------------------


class StoryFeed(Feed):
    """The latest stories of a scope, as RSS 2.0; subclasses say which scope."""

    feed_type = NewsRssFeed

    def __call__(self, request, *args, **kwargs):
        response = super().__call__(request, *args, **kwargs)
        response["Cache-Control"] = f"public, max-age={FEED_MAX_AGE}"
        return response

    def scope(self, request: HttpRequest, site: Site, **kwargs) -> Scope:
        raise NotImplementedError

    def get_object(self, request, *args, **kwargs) -> FeedSource:
        site = edition_site(request)
        return build_source(request, site, self.scope(request, site, **kwargs))

    # Channel
    def title(self, source: FeedSource) -> str:
        return source.title

    def link(self, source: FeedSource) -> str:
        return source.link

    def description(self, source: FeedSource) -> str:
        return source.description

    def subtitle(self, source: FeedSource) -> str:
        return source.description

    def author_name(self, source: FeedSource) -> str | None:
        # Atom needs an author for entries that name none; RSS has no such element without an email.
        return source.publisher if self.feed_type is NewsAtomFeed else None

    def feed_copyright(self, source: FeedSource) -> str:
        return source.copyright

    def ttl(self, source: FeedSource) -> str | None:
        return RSS_TTL_MINUTES if self.feed_type is NewsRssFeed else None

    def items(self, source: FeedSource) -> list[FeedEntry]:
        return source.entries

    # Items
    def item_title(self, entry: FeedEntry) -> str:
        return entry.title

    def item_link(self, entry: FeedEntry) -> str:
        return entry.link

    def item_guid(self, entry: FeedEntry) -> str:
        return entry.link

    def item_guid_is_permalink(self, entry: FeedEntry) -> bool:
        return True

    def item_description(self, entry: FeedEntry) -> str | None:
        return entry.summary

    def item_pubdate(self, entry: FeedEntry) -> datetime:
        return entry.published

    def item_updateddate(self, entry: FeedEntry) -> datetime:
        return entry.updated

    def item_categories(self, entry: FeedEntry) -> list[str]:
        return entry.categories

    def item_extra_kwargs(self, entry: FeedEntry) -> dict:
        return {"authors": entry.authors, "content_html": entry.content, "image": entry.image}


class EditionFeed(StoryFeed):
    def scope(self, request, site, **kwargs) -> Scope:
        from masthead.web.models import EditionSettings

        name = site.site_name or "Masthead"
        tagline = EditionSettings.for_request(request).tagline
        return Scope(
            title=name,
            path="/",
            description=tagline or gettext("The latest stories from %(name)s") % {"name": name},
            stories=querysets.site_stories(site),
        )


class SectionFeed(StoryFeed):
    def scope(self, request, site, *, section: str) -> Scope:
        page = querysets.site_sections(site).filter(slug=section, live=True).first()
        if page is None:
            raise Http404("No such section in this edition")
        name = site.site_name or "Masthead"
        return Scope(
            title=f"{page.title} | {name}",
            path=site_path(site, page.url_path),
            description=page.intro
            or gettext("The latest %(section)s stories from %(name)s") % {"section": page.title, "name": name},
            stories=querysets.section_stories(page),
        )


class ScopeFeed(StoryFeed):
    """The feed of a tag, author or agency listing (news/scopes.py): the same stories as the listing's page."""

    listing: ListingScope

    def scope(self, request, site, *, slug: str) -> Scope:
        subject = self.listing.find(site, slug)
        if subject is None:
            raise Http404(f"No such {self.listing.kind} in this edition")
        name = site.site_name or "Masthead"
        return Scope(
            title=f"{subject.name} | {name}",
            path=self.listing.url(subject.slug),
            description=self.describe(subject, name),
            stories=self.listing.stories(site, subject),
        )

    def describe(self, subject, name: str) -> str:
        raise NotImplementedError


class TagFeed(ScopeFeed):
    listing = scopes.TAG

    def describe(self, subject, name: str) -> str:
        return gettext("Stories tagged %(tag)s from %(name)s") % {"tag": subject.name, "name": name}


class AuthorFeed(ScopeFeed):
    listing = scopes.AUTHOR

    def describe(self, subject, name: str) -> str:
        return gettext("Stories by %(author)s from %(name)s") % {"author": subject.name, "name": name}


class AgencyFeed(ScopeFeed):
    listing = scopes.AGENCY

    def describe(self, subject, name: str) -> str:
        return gettext("%(agency)s copy from %(name)s") % {"agency": subject.name, "name": name}


class AtomFeed:
    """Mixed in before a StoryFeed: the same feed as Atom 1.0."""

    feed_type = NewsAtomFeed


class EditionAtomFeed(AtomFeed, EditionFeed):
    pass


class SectionAtomFeed(AtomFeed, SectionFeed):
    pass


class TagAtomFeed(AtomFeed, TagFeed):
    pass


class AuthorAtomFeed(AtomFeed, AuthorFeed):
    pass


class AgencyAtomFeed(AtomFeed, AgencyFeed):
    pass

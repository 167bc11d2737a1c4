"""The app API's reads, one endpoint each, per edition (the request's host picks the Wagtail Site).

Only live stories are ever served: the article table holds the published
version of each story, drafts live in revisions the API never reads.
"""

from __future__ import annotations

from datetime import datetime, timedelta
from urllib.parse import unquote, urlsplit

from django.db.models import Case, Q, Value, When
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from ninja import Path, Query, Router
from wagtail.models import Site
from wagtail.models.sites import get_site_for_hostname

from masthead.api import cursors, errors, serialize
from masthead.api.errors import ApiError
from masthead.api.models import ArticleChange
from masthead.api.schemas import ArticleDetail, ArticleList, Breaking, ErrorResponse, SearchResults, SectionList, TopStories
from masthead.api.serialize import Reader, prepare
from masthead.api.timestamps import Rfc3339
from masthead.breaking import current as current_breaking
from masthead.news import querysets, scopes
from masthead.news.models import ArticlePage, HomePage
from masthead.news.tree import under

DEFAULT_LIMIT = 20
MAX_LIMIT = 50
MAX_ID = 2**63 - 1
SLUG_PATTERN = r"^[-\w]+$"
BREAKING_HOURS = 6
BREAKING_LIMIT = 10
MAX_QUERY_LENGTH = 200
MAX_URL_LENGTH = 2_000

router = Router(tags=["articles"])

OPERATION_PREFIX = "masthead_api_endpoints_"  # django-ninja's operationIds: the module, then the function


def _links_from(source: str, *, to_story: bool = True, to_lookup: bool = True) -> dict:
    """OpenAPI links from a response's story (``source``, a JSON pointer) to the story and to the lookup by its URL.

    Apps read them as documentation; schemathesis's stateful phase follows them.
    """
    links = {}
    if to_lookup:
        links["StoryByUrl"] = {
            "operationId": OPERATION_PREFIX + "lookup_article",
            "parameters": {"query.url": f"$response.body#{source}/url"},
            "description": "The same story, found by its web address.",
        }
    if to_story:
        links["Story"] = {
            "operationId": OPERATION_PREFIX + "get_article",
            "parameters": {"path.article_id": f"$response.body#{source}/id"},
            "description": "The story in full.",
        }
    return {"responses": {200: {"links": links}}}


LIST_RESPONSES = {200: ArticleList, 404: ErrorResponse, 422: ErrorResponse, 503: ErrorResponse}


def reader_for(request) -> Reader:
    site = Site.find_for_request(request)
    if site is None:
        raise ApiError(404, "not_found", _("No edition is configured for this host."))
    return Reader(request=request, site=site)


def _slug_param(description: str):
    return Query(None, pattern=SLUG_PATTERN, max_length=255, description=description)


@router.get(
    "/articles",
    response=LIST_RESPONSES,
    url_name="articles",
    openapi_extra=_links_from("/items/0"),
    summary="Latest stories, or what changed since a time",
    description=(
        "Without `updated_since`: live stories, newest first, optionally of one section, tag, author or agency; "
        "page with `next_cursor`.\n\n"
        "With `updated_since` (delta sync): every change in the edition after that time, oldest first — "
        "stories published or updated in `items`, stories unpublished or deleted in `tombstones` — "
        "and `updated_until` to pass next time; page with `next_cursor` (a cursor of one mode is refused by the other). "
        "Filters narrow `items` to the changed stories that match them now; `tombstones` always list every removal "
        "in the edition (an app drops those it holds).\n\n"
        "A `cursor` this listing did not give out is `404 invalid_cursor`: it names no page. "
        "An unknown section, tag, author or agency is `404 not_found`."
    ),
)
def list_articles(
    request,
    section: str | None = _slug_param("A section's slug, e.g. 'world'."),
    tag: str | None = _slug_param("A tag's slug."),
    author: str | None = _slug_param("An author's slug."),
    agency: str | None = _slug_param("An agency's slug, e.g. 'interfax'."),
    cursor: str | None = Query(
        None,
        pattern=cursors.CURSOR_PATTERN,
        max_length=cursors.MAX_CURSOR_LENGTH,
        description="next_cursor of the previous page.",
    ),
    limit: int = Query(DEFAULT_LIMIT, ge=1, le=MAX_LIMIT, description=f"Page size, at most {MAX_LIMIT}."),
    updated_since: Rfc3339 | None = Query(
        None,
        description="RFC 3339 date-time with `Z` or an offset, e.g. `2026-11-28T09:30:00Z` (updated_until of the last sync).",
    ),
):
    reader = reader_for(request)
    matching = _filtered(reader, querysets.site_stories(reader.site), section, tag, author, agency)
    if updated_since is not None:
        return changes_since(reader, updated_since, cursor, limit, matching if (section or tag or author or agency) else None)

    watermark = _watermark(reader.site)  # read before the stories: a change in between is sent again, never missed
    stories = matching
    if cursor:
        after = cursors.decode(cursor, "list")
        stories = stories.filter(Q(published_at__lt=after.moment) | Q(published_at=after.moment, pk__lt=after.key))
    rows = list(stories[: limit + 1])
    page = prepare(rows[:limit])
    next_cursor = cursors.encode(cursors.Cursor("list", page[-1].published_at, page[-1].pk)) if len(rows) > limit else None
    return {
        "items": [serialize.summary(reader, story) for story in page],
        "tombstones": [],
        "next_cursor": next_cursor,
        "updated_until": reader.local(watermark) if watermark else None,
    }


def _filtered(reader: Reader, stories, section, tag, author, agency):
    if section:
        found = querysets.site_sections(reader.site).filter(slug=section, live=True).first()
        stories = stories.filter(section=_found(found, "section"))
    # The same stories as the listing's page and feed (news/scopes.py), within this edition.
    for scope, slug in ((scopes.TAG, tag), (scopes.AUTHOR, author), (scopes.AGENCY, agency)):
        if slug:
            subject = _found(scope.find(reader.site, slug), scope.kind)
            stories = scope.narrow(stories, subject)
    return stories


def changes_since(reader: Reader, since: datetime, cursor: str | None, limit: int, matching=None) -> dict:
    """A page of changes after ``since``; with ``matching`` (a filtered queryset), live stories outside it are left out."""
    changes = ArticleChange.objects.filter(under(reader.site.root_page.path), changed_at__gt=since).order_by(
        "changed_at", "article_id"
    )
    if cursor:
        after = cursors.decode(cursor, "sync")
        changes = changes.filter(Q(changed_at__gt=after.moment) | Q(changed_at=after.moment, article_id__gt=after.key))
    rows = list(changes[: limit + 1])
    page = rows[:limit]
    live_ids = [change.article_id for change in page if change.live]
    stories, live = {}, set()
    if live_ids:
        edition = querysets.site_stories(reader.site).filter(pk__in=live_ids)
        shown = edition if matching is None else matching.filter(pk__in=live_ids)
        stories = {story.pk: story for story in prepare(list(shown))}
        live = set(stories) if matching is None else set(edition.values_list("pk", flat=True))
    items, tombstones = [], []
    for change in page:
        story = stories.get(change.article_id)
        if story is not None:
            items.append(serialize.summary(reader, story))
        elif change.article_id in live:  # live, but outside the filters: not this listing's news
            continue
        else:  # withdrawn, or no longer live in this edition
            tombstones.append(serialize.tombstone(reader, change))
    next_cursor = cursors.encode(cursors.Cursor("sync", page[-1].changed_at, page[-1].article_id)) if len(rows) > limit else None
    return {
        "items": items,
        "tombstones": tombstones,
        "next_cursor": next_cursor,
        "updated_until": reader.local(page[-1].changed_at if page else since),
    }


def _watermark(site: Site) -> datetime | None:
    return (
        ArticleChange.objects.filter(under(site.root_page.path))
        .order_by("-changed_at")
        .values_list("changed_at", flat=True)
        .first()
    )


# One whole sentence per kind of thing, so each language can word it its own way.
NO_SUCH = {
    "section": _("No such section."),
    "tag": _("No such tag."),
    "author": _("No such author."),
    "agency": _("No such agency."),
}


def _found(thing, what: str):
    if thing is None:
        raise ApiError(404, "not_found", NO_SUCH.get(what, errors.NOT_FOUND))
    return thing


@router.get(
    "/articles/lookup",
    response={200: ArticleDetail, 404: ErrorResponse, 422: ErrorResponse, 503: ErrorResponse},
    url_name="article-lookup",
    openapi_extra=_links_from("", to_lookup=False),
    summary="The story at a web address",
    description=(
        "What an app opening a shared link needs: the story whose page is at `url`, with the same body as "
        "`/articles/{article_id}` (its `id` included). `url` is the page's address, absolute (any host name this "
        "edition is read under: the host must not be another edition's) or a path; its query (`?lite=1`) and "
        "fragment are ignored and the trailing slash is optional. Anything else, or a story not live in this "
        "edition, is `404 not_found`."
    ),
)
def lookup_article(
    request,
    url: str = Query(..., min_length=1, max_length=MAX_URL_LENGTH, description="e.g. https://example.com/world/2026/a-story/"),
):
    reader = reader_for(request)
    return _article_response(reader, _story_id_at(reader, url))


def _story_id_at(reader: Reader, url: str) -> int | None:
    if "\x00" in url:  # no page has one, and the database refuses to compare with it
        return None
    parts = urlsplit(url.strip())
    if parts.scheme or parts.netloc:
        try:
            port = parts.port or (443 if parts.scheme == "https" else 80)
            if parts.scheme not in ("http", "https") or not parts.hostname:
                return None
            # Wagtail's own choice of edition for that host name: a name no Site has is the default Site's.
            if get_site_for_hostname(parts.hostname, port) != reader.site:
                return None
        except (ValueError, Site.DoesNotExist):  # a port that is not a number; no Site at all
            return None
    path = unquote(parts.path)
    if not path.startswith("/") or "\x00" in path:
        return None
    url_path = reader.site.root_page.url_path + path.strip("/") + "/"
    return ArticlePage.objects.filter(url_path=url_path, live=True).values_list("pk", flat=True).first()


@router.get(
    "/articles/{article_id}",
    response={200: ArticleDetail, 404: ErrorResponse, 422: ErrorResponse, 503: ErrorResponse},
    url_name="article",
    openapi_extra=_links_from("", to_story=False),
    summary="One story, with its body as blocks and as HTML",
)
def get_article(request, article_id: int = Path(..., ge=1, le=MAX_ID)):
    return _article_response(reader_for(request), article_id)


def _article_response(reader: Reader, article_id: int | None) -> dict:
    story = (
        querysets.for_display(querysets.listed(pictures=False).filter(querysets.in_edition(reader.site), pk=article_id)).first()
        if article_id
        else None
    )
    if story is None:
        raise ApiError(404, "not_found", _("No published story with that id in this edition."))
    prepare([story])
    tags = list(story.tags.all())
    related = querysets.related_story(story, [tag.pk for tag in tags])
    return serialize.detail(reader, story, tags=tags, related=related)


@router.get(
    "/sections",
    response={200: SectionList, 404: ErrorResponse, 503: ErrorResponse},
    url_name="sections",
    summary="The edition's sections, in menu order",
    tags=["sections"],
)
def list_sections(request):
    reader = reader_for(request)
    sections = querysets.site_sections(reader.site).filter(live=True).order_by("path")
    return {"items": [serialize.section(reader, section) for section in sections]}


@router.get(
    "/search",
    response={200: SearchResults, 404: ErrorResponse, 422: ErrorResponse, 503: ErrorResponse},
    url_name="search",
    openapi_extra=_links_from("/items/0"),
    summary="Stories matching words, best first",
)
def search(
    request,
    q: str = Query(..., min_length=1, max_length=MAX_QUERY_LENGTH, description="Words to look for."),
    cursor: str | None = Query(None, pattern=cursors.CURSOR_PATTERN, max_length=cursors.MAX_CURSOR_LENGTH),
    limit: int = Query(DEFAULT_LIMIT, ge=1, le=MAX_LIMIT),
):
    from masthead.search.engine import search_stories
    from masthead.search.views import clean_query, search_terms

    reader = reader_for(request)
    query = clean_query(q)
    terms = search_terms(query)
    offset = cursors.decode(cursor, "search").key if cursor else 0
    if not terms:
        return {"query": query, "items": [], "next_cursor": None}
    results = search_stories(querysets.site_stories(reader.site), terms)
    rows = list(results[offset : offset + limit + 1])
    page = prepare(rows[:limit])
    more = len(rows) > limit and offset + limit <= cursors.MAX_OFFSET
    return {
        "query": query,
        "items": [serialize.summary(reader, story) for story in page],
        "next_cursor": cursors.encode(cursors.Cursor("search", None, offset + limit)) if more else None,
    }


@router.get(
    "/top",
    response={200: TopStories, 404: ErrorResponse, 503: ErrorResponse},
    url_name="top",
    openapi_extra=_links_from("/latest/0"),
    summary="The front page: lead story, the editors' top stories, top stories by section, latest",
)
def top_stories(request):
    reader = reader_for(request)
    home = reader.site.root_page.specific
    if not isinstance(home, HomePage):
        raise ApiError(404, "not_found", _("This edition has no front page."))
    front = querysets.front_page(home, request)
    lead, top, by_section, latest = front["lead"], front["top_stories"], front["top_by_section"], front["latest"]
    prepare([story for story in [lead, *top, *latest, *(s for _, stories in by_section for s in stories)] if story is not None])
    return {
        "lead": serialize.summary(reader, lead) if lead else None,
        "top": [serialize.summary(reader, story) for story in top],
        "sections": [
            {"section": serialize.section_ref(section), "items": [serialize.summary(reader, story) for story in stories]}
            for section, stories in by_section
        ],
        "latest": [serialize.summary(reader, story) for story in latest],
    }


@router.get(
    "/breaking",
    response={200: Breaking, 404: ErrorResponse, 422: ErrorResponse, 503: ErrorResponse},
    url_name="breaking",
    openapi_extra=_links_from("/items/0"),
    summary="The story marked breaking, then the newest stories of the last hours",
)
def breaking(
    request,
    hours: int = Query(BREAKING_HOURS, ge=1, le=48, description="How far back to look."),
    limit: int = Query(BREAKING_LIMIT, ge=1, le=MAX_LIMIT),
):
    reader = reader_for(request)
    # Whole minutes: the same answer (and ETag) for a minute, not a new one per request.
    since = timezone.now().replace(second=0, microsecond=0) - timedelta(hours=hours)
    banner = current_breaking.banner_for(_home_of(request, reader.site))
    stories = querysets.site_stories(reader.site).filter(published_at__gte=since)
    if banner is not None:
        # The marked story first, whenever it was published; read in the same query as the rest.
        pinned = banner.story.pk
        stories = (
            querysets.site_stories(reader.site)
            .filter(Q(published_at__gte=since) | Q(pk=pinned))
            .order_by(Case(When(pk=pinned, then=Value(0)), default=Value(1)), "-published_at", "-pk")
        )
    stories = prepare(list(stories[:limit]))
    items = [serialize.summary(reader, story) for story in stories]
    if banner is not None and stories and stories[0].pk == banner.story.pk:
        items[0].update(breaking=True, breaking_until=reader.local(banner.ends_at))
    return {"since": reader.local(since), "items": items}


def _home_of(request, site):
    """The edition's home page, from the edition memo when the middleware has it (no query)."""
    data = getattr(request, "edition_data", None)
    if data is not None and data.site.pk == site.pk:
        return data.home
    return site.root_page.specific

"""Sitemaps for search engines: an index, one sitemap per month of the archive, and a Google News sitemap.

Decisions, where the protocols leave room:

* **Months are UTC calendar months** (``/sitemaps/2026-05.xml``), so a story's
  sitemap never moves when an edition changes its time zone.
* **The index lists only months that have stories**, found in one query: for
  every month from the oldest story's to now, one subquery reads one entry of
  the ``published_at`` index (the month's newest story) and another one entry
  of the ``(sitemap_month, changed_at)`` index (the newest update of a story
  published that month); the later of the two is the month's ``lastmod``, so
  a crawler refetches a month whose stories were updated since. Its cost grows
  with the archive's age in months, not with the number of stories, and
  nothing scans the archive. Empty months are left out because a ``urlset``
  without ``url`` is invalid.
* **A month sitemap reads one range of the index** and holds at most 50,000
  URLs, the protocol's limit; each story's ``lastmod`` is its last update.
* **The news sitemap** holds the stories first published in the last 48
  hours, newest first, at most 1,000. With nothing that recent it lists the
  front page alone (no ``news:news``), which keeps it valid against the schema
  and tells crawlers the file is alive.
* **Section fronts and the home page** get a small sitemap of their own.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from django.http import Http404, HttpRequest, HttpResponse
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.xmlutils import SimplerXMLGenerator
from django.views.decorators.http import require_safe

from masthead.feeds.links import absolute, site_path
from masthead.feeds.syndication import edition_site
from masthead.news import querysets

SITEMAP_NS = "http://www.sitemaps.org/schemas/sitemap/0.9"
NEWS_NS = "http://www.google.com/schemas/sitemap-news/0.9"
MAX_URLS_PER_SITEMAP = 50_000
NEWS_WINDOW = timedelta(hours=48)
MAX_NEWS_URLS = 1_000
SITEMAP_MAX_AGE = 900  # seconds; the news sitemap is fetched often and changes often
NEWS_SITEMAP_MAX_AGE = 120
CONTENT_TYPE = "application/xml; charset=utf-8"


def w3c(moment: datetime) -> str:
    """A W3C datetime with its offset, whole seconds: what sitemaps and the news extension expect."""
    return moment.astimezone(UTC).isoformat(timespec="seconds")


def month_start(year: int, month: int) -> datetime:
    return datetime(year, month, 1, tzinfo=UTC)


def next_month(moment: datetime) -> datetime:
    return moment.replace(year=moment.year + moment.month // 12, month=moment.month % 12 + 1)


def months_between(first: datetime, last: datetime) -> list[tuple[datetime, datetime]]:
    """Every UTC month from the one holding ``first`` to the one holding ``last``, as ``[start, end)`` pairs."""
    start = month_start(first.astimezone(UTC).year, first.astimezone(UTC).month)
    months = []
    while start <= last:
        end = next_month(start)
        months.append((start, end))
        start = end
    return months


class _Writer:
    """A streaming XML writer into a response: escaped, namespaced, no template."""

    def __init__(self, response: HttpResponse):
        self.xml = SimplerXMLGenerator(response, "utf-8", short_empty_elements=True)
        self.xml.startDocument()

    def start(self, name: str, attrs: dict | None = None) -> None:
        self.xml.startElement(name, attrs or {})

    def end(self, name: str) -> None:
        self.xml.endElement(name)

    def leaf(self, name: str, text: str) -> None:
        self.xml.addQuickElement(name, text)

    def url(self, loc: str, lastmod: datetime | None = None) -> None:
        self.start("url")
        self.leaf("loc", loc)
        if lastmod is not None:
            self.leaf("lastmod", w3c(lastmod))
        self.end("url")


def _response(max_age: int) -> HttpResponse:
    response = HttpResponse(content_type=CONTENT_TYPE)
    response["Cache-Control"] = f"public, max-age={max_age}"
    return response


@require_safe
def sitemap_index(request: HttpRequest) -> HttpResponse:
    site = edition_site(request)
    months = []
    oldest = querysets.first_publication(site)
    if oldest is not None:
        periods = months_between(oldest, timezone.now())
        newest = querysets.latest_change_per_month(site, periods)
        months = [(start, latest) for (start, _), latest in zip(periods, newest, strict=True) if latest is not None]

    response = _response(SITEMAP_MAX_AGE)
    out = _Writer(response)
    out.start("sitemapindex", {"xmlns": SITEMAP_NS})
    out.start("sitemap")
    out.leaf("loc", absolute(request, "/sitemaps/sections.xml"))
    out.end("sitemap")
    for start, latest in reversed(months):
        out.start("sitemap")
        out.leaf("loc", absolute(request, f"/sitemaps/{start:%Y-%m}.xml"))
        out.leaf("lastmod", w3c(latest))
        out.end("sitemap")
    out.end("sitemapindex")
    return response


@require_safe
def sections_sitemap(request: HttpRequest) -> HttpResponse:
    """The front page and the section fronts: the pages that change all day."""
    site = edition_site(request)
    sections = querysets.site_sections(site).filter(live=True).order_by("path").only("url_path")
    response = _response(SITEMAP_MAX_AGE)
    out = _Writer(response)
    out.start("urlset", {"xmlns": SITEMAP_NS})
    out.url(absolute(request, "/"))
    for section in sections:
        out.url(absolute(request, site_path(site, section.url_path)))
    out.end("urlset")
    return response


@require_safe
def month_sitemap(request: HttpRequest, year: str, month: str) -> HttpResponse:
    site = edition_site(request)
    start = month_start(int(year), int(month))
    if start > timezone.now():
        raise Http404("That month has not happened yet")
    stories = (
        querysets.site_stories_between(site, start, next_month(start))
        .order_by("-published_at", "-pk")
        .values_list("url_path", "published_at", "last_published_at")[:MAX_URLS_PER_SITEMAP]
    )
    rows = list(stories)
    if not rows:
        raise Http404("No stories that month")
    response = _response(SITEMAP_MAX_AGE)
    out = _Writer(response)
    out.start("urlset", {"xmlns": SITEMAP_NS})
    for url_path, published_at, last_published_at in rows:
        out.url(absolute(request, site_path(site, url_path)), last_published_at or published_at)
    out.end("urlset")
    return response


@require_safe
def news_sitemap(request: HttpRequest) -> HttpResponse:
    site = edition_site(request)
    now = timezone.now()
    rows = list(
        querysets.site_stories_between(site, now - NEWS_WINDOW, now + timedelta(seconds=1))
        .order_by("-published_at", "-pk")
        .values_list("url_path", "title", "published_at")[:MAX_NEWS_URLS]
    )
    name = site.site_name or "Masthead"
    language = news_language(get_language())  # the edition's, made active for the request

    response = _response(NEWS_SITEMAP_MAX_AGE)
    out = _Writer(response)
    out.start("urlset", {"xmlns": SITEMAP_NS, "xmlns:news": NEWS_NS})
    if not rows:
        out.url(absolute(request, "/"))
    for url_path, title, published_at in rows:
        out.start("url")
        out.leaf("loc", absolute(request, site_path(site, url_path)))
        out.start("news:news")
        out.start("news:publication")
        out.leaf("news:name", name)
        out.leaf("news:language", language)
        out.end("news:publication")
        out.leaf("news:publication_date", w3c(published_at))
        out.leaf("news:title", title)
        out.end("news:news")
        out.end("url")
    out.end("urlset")
    return response


def news_language(code: str) -> str:
    """Google News wants an ISO 639 code, or zh-cn / zh-tw: ``en-gb`` becomes ``en``."""
    code = code.lower()
    if code in ("zh-cn", "zh-tw"):
        return code
    if code.startswith("zh-hans"):
        return "zh-cn"
    if code.startswith("zh-hant"):
        return "zh-tw"
    return code.split("-")[0]


@require_safe
def robots_txt(request: HttpRequest) -> HttpResponse:
    """Where the sitemaps are; the admin, search results and the app API are not for crawlers."""
    lines = [
        "User-agent: *",
        "Disallow: /admin/",
        "Disallow: /search/",
        "Disallow: /api/",
        "",
        f"Sitemap: {absolute(request, '/sitemap.xml')}",
        f"Sitemap: {absolute(request, '/news-sitemap.xml')}",
        "",
    ]
    response = HttpResponse("\n".join(lines), content_type="text/plain; charset=utf-8")
    response["Cache-Control"] = f"public, max-age={SITEMAP_MAX_AGE}"
    return response

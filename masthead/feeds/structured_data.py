"""What an article page, and a listing, tells search engines and social networks about itself.

schema.org ``NewsArticle`` and ``BreadcrumbList`` in JSON-LD, Open Graph and
Twitter card meta, the canonical URL and ``hreflang`` alternates, all drawn
from the article record and the page context (which already holds its
authors and tags). Pictures come from Wagtail's rendition cache (see
``images/rendition_cache.py``), so the page costs a fixed number of queries
more: the translations, the edition's logo when it has one, and its default
share picture for a story without one. Listings (home, sections, years,
tags, authors, agencies) say what they are as a ``CollectionPage`` whose
``ItemList`` is the stories shown, from the rows already fetched: no query.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field

from django.http import HttpRequest
from django.http.request import split_domain_port
from django.utils.html import format_html, format_html_join
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import get_language
from wagtail.models import Site

from masthead.corrections.reading import for_story as story_record
from masthead.feeds.links import absolute, site_path
from masthead.images.share import share_filters
from masthead.live.structured_data import live_blog_posting

LOGO_FILTER = "max-600x60"
# Lets Google show the large picture in Discover and results; crawlers read it on every reader page.
ROBOTS = ("name", "robots", "max-image-preview:large")
SEARCH_PATH = "search/?q={search_term_string}"  # after the home URL: build_absolute_uri would escape the braces
FALLBACK_LOGO = ("/icons/icon-512.png", 512, 512)  # the installable app's icon, drawn locally

# JSON inside <script> must not be able to close the element or open a comment.
_SCRIPT_SAFE = str.maketrans({"<": "\\u003c", ">": "\\u003e", "&": "\\u0026", "\u2028": "\\u2028", "\u2029": "\\u2029"})


def json_for_script(data) -> SafeString:
    """JSON that is safe inside ``<script type="application/ld+json">``, whatever the headline says."""
    return mark_safe(json.dumps(data, ensure_ascii=False, separators=(",", ":")).translate(_SCRIPT_SAFE))


@dataclass
class Picture:
    url: str
    width: int
    height: int


@dataclass
class ArticleMetadata:
    canonical: str
    description: str
    alternates: list[tuple[str, str]] = field(default_factory=list)  # (hreflang, absolute URL)
    meta: list[tuple[str, str, str]] = field(default_factory=list)  # (attribute, key, content)
    json_ld: list[SafeString] = field(default_factory=list)


def metadata_html(metadata: ArticleMetadata) -> SafeString:
    """The metadata as ``<head>`` elements, one per line (the page's hottest markup, so built without a template)."""
    return (
        format_html('<link rel="canonical" href="{}">\n', metadata.canonical)
        + format_html_join("", '<link rel="alternate" hreflang="{}" href="{}">\n', metadata.alternates)
        + format_html_join("", '<meta {}="{}" content="{}">\n', metadata.meta)
        + format_html_join("", '<script type="application/ld+json">{}</script>\n', ((data,) for data in metadata.json_ld))
    )


def article_metadata(request: HttpRequest, edition, page, authors, tags) -> ArticleMetadata:
    site = edition.site
    canonical = absolute(request, site_path(site, page.url_path))
    home = absolute(request, "/")
    description = page.search_description or page.standfirst or edition.settings.tagline or ""
    language = page.locale.language_code
    published = page.first_published_at
    record = story_record(page, request)  # notes and the last change readers saw (corrections/reading.py)
    modified = record.modified_at or published
    shared = _shared_picture(page, edition)
    pictures = _share_pictures(request, shared)
    alt = shared.default_alt_text if shared else ""  # as the page's <img> says it

    people = [
        {
            "@type": "Person",
            "name": author.name,
            "url": absolute(request, author.get_absolute_url()),
            **({"jobTitle": author.role} if author.role else {}),
        }
        for author in authors
    ]
    if not people and page.agency_id:
        people = [{"@type": "Organization", "name": page.agency.name, "url": absolute(request, page.agency.get_absolute_url())}]

    logo_url, logo_width, logo_height = _logo(request, edition)
    article = {
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "@id": f"{canonical}#article",
        "mainEntityOfPage": {"@type": "WebPage", "@id": canonical},
        "url": canonical,
        "headline": page.title,
        "inLanguage": language,
        "isAccessibleForFree": True,
        "publisher": {
            "@type": "NewsMediaOrganization",
            "name": edition.name,
            "url": home,
            "logo": {"@type": "ImageObject", "url": logo_url, "width": logo_width, "height": logo_height},
        },
    }
    if description:
        article["description"] = description
    if published:
        article["datePublished"] = _moment(edition, published)
    if modified:
        article["dateModified"] = _moment(edition, modified)
    if people:
        article["author"] = people
    if pictures:
        article["image"] = [
            {"@type": "ImageObject", "url": p.url, "width": p.width, "height": p.height} for p in pictures.values()
        ]
    if page.section_id:
        article["articleSection"] = page.section.title
    if tags:
        article["keywords"] = [tag.name for tag in tags]
    if page.dateline:
        article["dateline"] = page.dateline
        article["locationCreated"] = {"@type": "Place", "name": page.dateline}
    if record.notes:
        article["correction"] = [
            {
                "@type": "CorrectionComment",
                "text": f"{note.get_kind_display()}: {note.text}",
                **({"datePublished": _moment(edition, note.shown_at)} if note.shown_at else {}),
                "url": f"{canonical}#story-notes",
            }
            for note in record.notes
        ]
    if page.agency_id:
        article["sourceOrganization"] = {"@type": "NewsMediaOrganization", "name": page.agency.name}
    live_blog_posting(request, page, article, lambda moment: _moment(edition, moment))  # a live story (live/)

    crumbs = [(edition.name, home)]
    if page.section_id:
        crumbs.append((page.section.title, absolute(request, site_path(site, page.section.url_path))))
    crumbs.append((page.title, canonical))
    breadcrumbs = {
        "@context": "https://schema.org",
        "@type": "BreadcrumbList",
        "itemListElement": [
            {"@type": "ListItem", "position": n, "name": name, "item": url} for n, (name, url) in enumerate(crumbs, start=1)
        ],
    }

    wide = pictures.get("16:9")
    meta = [
        ROBOTS,
        ("property", "og:type", "article"),
        ("property", "og:site_name", edition.name),
        ("property", "og:title", page.title),
        ("property", "og:url", canonical),
    ]
    if description:
        meta.append(("property", "og:description", description))
    if wide:
        meta += [
            ("property", "og:image", wide.url),
            ("property", "og:image:width", str(wide.width)),
            ("property", "og:image:height", str(wide.height)),
        ]
        if alt:
            meta.append(("property", "og:image:alt", alt))
    if published:
        meta.append(("property", "article:published_time", _moment(edition, published)))
    if modified:
        meta.append(("property", "article:modified_time", _moment(edition, modified)))
    if page.section_id:
        meta.append(("property", "article:section", page.section.title))
    meta += [("property", "article:author", person["url"]) for person in people if person["@type"] == "Person"]
    meta += [("property", "article:tag", tag.name) for tag in tags]
    meta += [
        ("name", "twitter:card", "summary_large_image" if wide else "summary"),
        ("name", "twitter:title", page.title),
    ]
    if description:
        meta.append(("name", "twitter:description", description))
    if wide:
        meta.append(("name", "twitter:image", wide.url))
        if alt:
            meta.append(("name", "twitter:image:alt", alt))

    return ArticleMetadata(
        canonical=canonical,
        description=description,
        alternates=_alternates(request, page, site),
        meta=meta,
        json_ld=[json_for_script(article), json_for_script(breadcrumbs)],
    )


def listing_metadata(
    request: HttpRequest,
    edition,
    *,
    title: str,
    description: str,
    stories,
    page_number: int = 1,
    is_front: bool = False,
    page=None,
) -> ArticleMetadata:
    """A home, section, yearly, tag, author or agency listing: canonical, Open Graph, Twitter, ``CollectionPage`` JSON-LD.

    Page N of a listing is its own canonical page (its stories are on no
    other), page 1 is the bare path: a bad ``?page=`` shows page 1 and says so.
    The stories listed are the ``ItemList``, by URL and position on the page;
    the front page also declares the edition's ``WebSite`` and its search.
    A home or section ``page`` translated in another edition links to its
    versions there (page 1 only: page N of two editions lists other stories).
    """
    site = edition.site
    home = absolute(request, "/")
    canonical = absolute(request, request.path + (f"?page={page_number}" if page_number > 1 else ""))
    items = [
        {"@type": "ListItem", "position": n, "url": absolute(request, site_path(site, story.url_path))}
        for n, story in enumerate(stories, start=1)
    ]
    collection = {
        "@context": "https://schema.org",
        "@type": "CollectionPage",
        "@id": canonical,
        "url": canonical,
        "name": title,
        "inLanguage": get_language(),
        "isPartOf": {"@type": "WebSite", "@id": f"{home}#website", "name": edition.name, "url": home},
        "mainEntity": {"@type": "ItemList", "numberOfItems": len(items), "itemListElement": items},
    }
    if description:
        collection["description"] = description
    json_ld = [json_for_script(collection)]
    if is_front:
        website = {
            "@context": "https://schema.org",
            "@type": "WebSite",
            "@id": f"{home}#website",
            "name": edition.name,
            "url": home,
            "potentialAction": {
                "@type": "SearchAction",
                "target": {"@type": "EntryPoint", "urlTemplate": home + SEARCH_PATH},
                "query-input": "required name=search_term_string",
            },
        }
        json_ld.insert(0, json_for_script(website))

    meta = [
        ROBOTS,
        ("property", "og:type", "website"),
        ("property", "og:site_name", edition.name),
        ("property", "og:title", title),
        ("property", "og:url", canonical),
    ]
    if description:
        meta.append(("property", "og:description", description))
    meta += [("name", "twitter:card", "summary"), ("name", "twitter:title", title)]
    if description:
        meta.append(("name", "twitter:description", description))
    alternates = _alternates(request, page, site) if page is not None and page_number == 1 else []
    return ArticleMetadata(canonical=canonical, description=description, alternates=alternates, meta=meta, json_ld=json_ld)


def _moment(edition, moment) -> str:
    """An ISO 8601 time with the edition's UTC offset (``2026-05-28T11:00:00+05:00``)."""
    return edition.local(moment).isoformat(timespec="seconds")


def _shared_picture(page, edition):
    """The story's picture, or the edition's default share picture for a story without one (a query then)."""
    if page.hero_image_id and page.hero_image is not None:
        return page.hero_image
    settings = edition.settings
    return settings.share_picture if settings.share_picture_id else None


def _share_pictures(request: HttpRequest, picture) -> dict[str, Picture]:
    if picture is None:
        return {}
    filters = share_filters(picture)
    renditions = picture.get_renditions(*filters.values())
    return {
        ratio: Picture(url=absolute(request, renditions[spec].url), width=renditions[spec].width, height=renditions[spec].height)
        for ratio, spec in filters.items()
    }


def _logo(request: HttpRequest, edition) -> tuple[str, int, int]:
    logo = edition.settings.logo if edition.settings.logo_id else None
    if logo is None:
        path, width, height = FALLBACK_LOGO
        return absolute(request, path), width, height
    rendition = logo.get_rendition(LOGO_FILTER)
    return absolute(request, rendition.url), rendition.width, rendition.height


def _alternates(request: HttpRequest, page, site) -> list[tuple[str, str]]:
    """``hreflang`` links for a page with translations: every live version served by an edition, this one included,
    and ``x-default``.

    Each version's URL is on the edition whose home is its ancestor in the
    tree (an Urdu edition on its own host), not where Wagtail's language
    routing would put it. ``x-default`` is the default edition's version, or
    else the one in the site's main language, or else the original.
    """
    from django.conf import settings
    from django.utils.translation import get_supported_language_variant

    from masthead.web.snapshot import locale_count

    if locale_count() < 2:  # no second language anywhere: skip the query on every story
        return []
    translations = sorted(page.get_translations(inclusive=True).live().select_related("locale"), key=lambda t: t.pk)
    if len(translations) < 2:
        return []
    home_length = len(site.root_page.path)
    homes = {t.path[:home_length] for t in translations}
    editions = {s.root_page.path: s for s in Site.objects.filter(root_page__path__in=homes).select_related("root_page")}
    served = [(t, editions[t.path[:home_length]]) for t in translations if t.path[:home_length] in editions]
    if len(served) < 2:
        return []
    alternates = [
        (t.locale.language_code, edition_url(request, edition, site_path(edition, t.url_path))) for t, edition in served
    ]
    main_language = get_supported_language_variant(settings.LANGUAGE_CODE)
    default = next((n for n, (_, edition) in enumerate(served) if edition.is_default_site), None)
    if default is None:
        default = next((n for n, (t, _) in enumerate(served) if t.locale.language_code == main_language), 0)
    return [*alternates, ("x-default", alternates[default][1])]


def edition_url(request: HttpRequest, edition, path: str) -> str:
    """An absolute URL on an edition's own host, built the way ``absolute`` builds this edition's.

    The scheme is the request's (behind a TLS proxy, every edition is), and
    so is the port when the Site names none of its own: the editions are
    served by the same server, so the demo on port 8000 links to
    ``http://ur.localhost:8000/…``.
    """
    if edition.pk == getattr(Site.find_for_request(request), "pk", None):
        return absolute(request, path)
    port = edition.port if edition.port not in (80, 443) else split_domain_port(request.get_host())[1]
    return f"{request.scheme}://{edition.hostname}{f':{port}' if port else ''}{path}"

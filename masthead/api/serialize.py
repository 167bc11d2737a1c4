"""From the article record to the API's shapes, with absolute URLs and the edition's clock.

Callers hand in stories fetched with what these read already selected or
prefetched (``prepare``), so serialising a page of stories costs no query
per story.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from functools import cached_property
from zoneinfo import ZoneInfo

from django.http import HttpRequest
from django.urls import reverse
from wagtail.models import Site

from masthead.corrections.reading import for_story as story_record
from masthead.feeds.links import absolute, absolutise_html, base_url, site_path
from masthead.images.share import share_filters
from masthead.live import api as live_api
from masthead.news import querysets
from masthead.news.querysets import THUMBNAIL_FILTER


@dataclass
class Reader:
    """Who is asking: the request (scheme and host) and its edition (site and time zone)."""

    request: HttpRequest
    site: Site

    @cached_property
    def zone(self) -> ZoneInfo:
        from masthead.web.models import EditionSettings

        return ZoneInfo(EditionSettings.for_request(self.request).time_zone)

    def local(self, moment: datetime) -> datetime:
        return moment.astimezone(self.zone)

    def url(self, path: str) -> str:
        return absolute(self.request, path)

    def page_url(self, url_path: str) -> str:
        return self.url(site_path(self.site, url_path))

    def api_url(self, name: str, **kwargs) -> str:
        return self.url(reverse(f"api_v1:{name}", kwargs=kwargs))


def prepare(stories: list) -> list:
    """Authors and thumbnails of stories gathered from any listing, in at most three queries."""
    from django.db.models import prefetch_related_objects

    prefetch_related_objects(stories, "authors")
    querysets.with_pictures([story for story in stories if story.hero_image_id], THUMBNAIL_FILTER)
    return stories


def section_ref(section) -> dict | None:
    if section is None:
        return None
    return {"id": section.pk, "slug": section.slug, "title": section.title}


def section(reader: Reader, page) -> dict:
    path = site_path(reader.site, page.url_path)
    return {
        **section_ref(page),
        "intro": page.intro,
        "url": reader.url(path),
        "feed_url": reader.url(f"{path}feed/"),
        "articles_url": reader.url(f"{reverse('api_v1:articles')}?section={page.slug}"),
    }


def _image(reader: Reader, rendition) -> dict:
    return {"url": reader.url(rendition.url), "width": rendition.width, "height": rendition.height}


def summary(reader: Reader, story) -> dict:
    agency = story.agency if story.agency_id else None
    thumbnail = None
    if story.hero_image_id and story.hero_image is not None:
        thumbnail = _image(reader, story.hero_image.get_rendition(THUMBNAIL_FILTER))
    return {
        "id": story.pk,
        "title": story.title,
        "standfirst": story.standfirst,
        "dateline": story.dateline,
        "url": reader.page_url(story.url_path),
        "api_url": reader.api_url("article", article_id=story.pk),
        "section": section_ref(story.section if story.section_id else None),
        "agency": {
            "name": agency.name,
            "short_name": agency.short_name,
            "slug": agency.slug,
            "url": reader.url(agency.get_absolute_url()),
        }
        if agency
        else None,
        "authors": [
            {"name": a.name, "slug": a.slug, "role": a.role, "url": reader.url(a.get_absolute_url())} for a in story.authors.all()
        ],
        "published_at": reader.local(story.published_at),
        "updated_at": reader.local(story.last_published_at or story.published_at),
        "thumbnail": thumbnail,
    }


def detail(reader: Reader, story, *, tags: list, related) -> dict:
    from masthead.news.rendering import render_body

    rendered = render_body(story)  # also prefetches the body's pictures for the blocks below
    base = base_url(reader.request)
    picture = None
    if story.hero_image_id and story.hero_image is not None:
        filters = share_filters(story.hero_image)  # as large as the original allows, as on the page
        renditions = story.hero_image.get_renditions(*filters.values())
        crops = {
            name: _image(reader, renditions[filters[ratio]])
            for name, ratio in (("wide", "16:9"), ("classic", "4:3"), ("square", "1:1"))
        }
        picture = {
            "alt": story.hero_image.default_alt_text or "",
            "caption": story.hero_caption,
            "credit": story.hero_image.credit,
            "crops": crops,
        }
    record = story_record(story)  # one query: notes and the last change readers saw
    return {
        **summary(reader, story),
        "language": story.locale.language_code,
        "picture": picture,
        "tags": [{"name": tag.name, "slug": tag.slug} for tag in tags],
        "body": blocks(reader, story, base),
        "body_html": absolutise_html("\n".join(rendered.parts), base),
        "related": {
            "id": related.pk,
            "title": related.title,
            "url": reader.page_url(related.url_path),
            "api_url": reader.api_url("article", article_id=related.pk),
        }
        if related
        else None,
        "notes": [note_json(reader, note, fallback=record.modified_at or story.published_at) for note in record.notes],
        "modified_at": reader.local(record.modified_at or story.published_at),
        **live_api.detail_fields(reader, story),  # a live story's state and newest entries (live/api.py)
    }


def note_json(reader: Reader, note, *, fallback: datetime) -> dict:
    moment = note.shown_at or fallback  # a note not yet dated by the pipeline: the story's own last change
    return {"kind": note.kind, "label": note.get_kind_display(), "text": note.text, "published_at": reader.local(moment)}


def blocks(reader: Reader, story, base: str) -> list[dict]:
    """The body's blocks, typed: what a native app lays out itself."""
    from wagtail.rich_text import expand_db_html

    from masthead.news.rendering import BODY_IMAGE_FILTERS, CHUNK_MARKER

    stream = list(story.body)
    # All rich text in one pass of Wagtail's link expansion, as the page does.
    sources = [block.value.source for block in stream if block.block_type == "paragraph"]
    expanded = iter(expand_db_html(CHUNK_MARKER.join(sources)).split(CHUNK_MARKER) if sources else [])
    out = []
    for block in stream:
        kind, value = block.block_type, block.value
        if kind == "paragraph":
            out.append({"type": "paragraph", "html": absolutise_html(next(expanded), base)})
        elif kind == "image":
            picture = value["image"]
            out.append(
                {
                    "type": "image",
                    "image": _image(reader, picture.get_rendition(BODY_IMAGE_FILTERS[0])) if picture else None,
                    "alt": value["alt"] or value["caption"] or (picture.default_alt_text if picture else ""),
                    "caption": value["caption"],
                    "credit": picture.credit if picture else "",
                }
            )
        elif kind == "quote":
            out.append({"type": "quote", "text": value["text"], "attribution": value["attribution"]})
        elif kind == "embed":
            out.append({"type": "embed", "url": getattr(value, "url", "") or ""})
    return out


def tombstone(reader: Reader, change) -> dict:
    return {
        "id": change.article_id,
        "url": reader.page_url(change.url_path),
        "removed_at": reader.local(change.changed_at),
        "reason": "deleted" if change.reason == "deleted" else "unpublished",
    }

"""Turns an article body into the HTML the page shows, in a fixed number of queries.

Two things readers see come from here: the dateline leading the first
paragraph (``MOSCOW: A Russian delegation…``) and the slot for the one inline
``Read more`` link, after the second or third paragraph.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from django.db.models import prefetch_related_objects
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe
from wagtail.rich_text import expand_db_html

CHUNK_MARKER = "<!--masthead-chunk-->"
PARAGRAPH_END = re.compile(r"(?<=</p>)\s*")
OPENING_P = re.compile(r"^\s*<p(\s[^>]*)?>")
BODY_IMAGE_FILTERS = ("width-800",)  # the API's body pictures; the page's are images.responsive.BODY_FILTERS, which hold it


@dataclass(frozen=True)
class RenderedBody:
    parts: list[SafeString]
    read_more_after: int  # index into parts after which the Read more link goes; -1: none


def read_more_position(paragraph_count: int) -> int:
    """After which paragraph (1-based) the Read more link goes: the third in a long story, the second in a short one."""
    if paragraph_count >= 5:
        return 3
    if paragraph_count >= 3:
        return 2
    return paragraph_count


def _expanded_paragraphs(blocks) -> list[str]:
    # All rich text of the body goes through Wagtail's link expansion at once,
    # so links to pages and documents cost one query per link type, not per paragraph.
    sources = [block.value.source for block in blocks if block.block_type == "paragraph"]
    if not sources:
        return []
    return expand_db_html(CHUNK_MARKER.join(sources)).split(CHUNK_MARKER)


def _prefetch_body_images(blocks) -> None:
    from masthead.images.models import PictureRendition
    from masthead.images.responsive import BODY_FILTERS

    images = [block.value["image"] for block in blocks if block.block_type == "image" and block.value["image"] is not None]
    if images:
        from django.db.models import Prefetch

        prefetch_related_objects(
            images,
            Prefetch(
                "renditions", queryset=PictureRendition.objects.filter(filter_spec__in=(*BODY_IMAGE_FILTERS, *BODY_FILTERS))
            ),
        )


def _with_dateline(html: str, dateline: str) -> str:
    label = f'<span class="dateline">{escape(dateline.upper())}:</span> '
    match = OPENING_P.match(html)
    if match:
        return html[: match.end()] + label + html[match.end() :]
    return f"<p>{label}</p>{html}"


def render_body(article, lite: bool = False) -> RenderedBody:
    blocks = list(article.body)
    paragraphs = iter(_expanded_paragraphs(blocks))
    if not lite:
        _prefetch_body_images(blocks)

    parts: list[str] = []
    paragraph_indexes: list[int] = []
    for block in blocks:
        if block.block_type == "paragraph":
            for chunk in PARAGRAPH_END.split(next(paragraphs)):
                if chunk.strip():
                    paragraph_indexes.append(len(parts))
                    parts.append(chunk)
        elif block.block_type == "image":
            if not lite:
                parts.append(block.render(context={"lite": lite}))
        elif block.block_type == "embed":
            if lite:
                url = getattr(block.value, "url", "")
                if url:
                    parts.append(f'<p><a href="{escape(url)}">{escape(url)}</a></p>')
            else:
                parts.append(block.render())
        else:
            parts.append(block.render(context={"lite": lite}))

    if article.dateline:
        if paragraph_indexes:
            first = paragraph_indexes[0]
            parts[first] = _with_dateline(parts[first], article.dateline)
        else:
            parts.insert(0, _with_dateline("", article.dateline))
            paragraph_indexes = [0]

    position = read_more_position(len(paragraph_indexes))
    read_more_after = paragraph_indexes[position - 1] if position else -1
    return RenderedBody(parts=[mark_safe(part) for part in parts], read_more_after=read_more_after)

"""Pictures at the width the layout draws them, in the smallest format the reader's browser reads.

Every picture on the site sits in one of a few *slots* (the home page's lead,
a card, a listing's thumbnail, a story's hero, a picture in a story's body).
A slot names the crop, the widths offered and the ``sizes`` the stylesheet
implies (``web/static/web/masthead.css``: ``main`` is 72rem wide with 1rem
padding, a story 42rem; cards go side by side from 48rem). The browser picks
a width from ``srcset`` and a format from the ``<source>`` types: WebP, and
the original format (JPEG) for the rest.

Widths the original cannot give are not offered: Wagtail never upscales, so
they would be the same file under a larger, untrue ``w`` descriptor.

All renditions of a picture are read at once with ``get_renditions``, from
the prefetched renditions or Wagtail's rendition cache (see
``rendition_cache.py``), so more widths and formats cost no query per picture.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.utils.html import format_html, format_html_join
from django.utils.safestring import SafeString

# WebP only: every current browser reads it, and it encodes in tens of milliseconds. AVIF saves a further
# fifth or so but took about a second per picture to encode here, paid by the first reader of every new
# story (and a page waiting on a dozen of them outlasts the page cache's render lock).
MODERN_FORMATS: tuple[str, ...] = ("webp",)
MIME_TYPES = {"avif": "image/avif", "webp": "image/webp"}

STORY_SIZES = "(min-width: 44rem) 42rem, calc(100vw - 2rem)"  # a story is 42rem, inside 1rem of padding


@dataclass(frozen=True)
class Slot:
    """Where a picture sits: its crop, the widths offered and how wide the stylesheet draws it."""

    widths: tuple[int, ...]
    sizes: str
    ratio: tuple[int, int] | None = (16, 9)  # None: the picture's own shape

    def spec(self, width: int, image_format: str = "") -> str:
        if self.ratio:
            across, down = self.ratio
            base = f"fill-{width}x{round(width * down / across)}"
        else:
            base = f"width-{width}"
        return f"{base}|format-{image_format}" if image_format else base

    def specs(self) -> tuple[str, ...]:
        """Every filter spec the slot can ask for, to prefetch."""
        return tuple(self.spec(width, image_format) for width in self.widths for image_format in ("", *MODERN_FORMATS))

    def widths_for(self, picture) -> tuple[int, ...]:
        """The offered widths the original can give without upscaling; at least the smallest."""
        widest = picture.width
        if self.ratio:
            across, down = self.ratio
            widest = min(widest, picture.height * across // down)
        fitting = tuple(width for width in self.widths if width <= widest)
        return fitting or self.widths[:1]


# The lead and listing cards are drawn 358 px wide on a 390 px phone: 720 px is that at 2x (most phones), where 800
# would be a fifth more.
SLOTS = {
    # Home page lead: full width on a phone; the card's 3fr of 3fr+2fr (gap .5rem) from 48rem.
    "lead": Slot(
        (400, 640, 720, 800, 1200), "(min-width: 72rem) 667px, (min-width: 48rem) calc(60vw - 24px), calc(100vw - 2rem)"
    ),
    # Top stories and a section's first story on the home page: an 8rem thumbnail on a phone (256 px at 2x, 400 at
    # 3x); half of the 2fr column of .front from 48rem.
    "front": Slot((256, 400, 640, 720, 800), "(min-width: 72rem) 347px, (min-width: 48rem) calc(33.3vw - 37px), 8rem"),
    # Section, tag, archive and search listings: a 15rem column from 48rem.
    "list": Slot((400, 640, 720, 800), "(min-width: 48rem) 15rem, calc(100vw - 2rem)"),
    "hero": Slot((400, 640, 800, 1200), STORY_SIZES),
    "body": Slot((400, 640, 800, 1200), STORY_SIZES, ratio=None),
}

# What listings and the home page prefetch: every card slot's renditions, in one query.
CARD_FILTERS: tuple[str, ...] = tuple(dict.fromkeys(SLOTS["lead"].specs() + SLOTS["front"].specs() + SLOTS["list"].specs()))
BODY_FILTERS: tuple[str, ...] = SLOTS["body"].specs()


def picture_html(picture, slot_name: str, alt: str = "", **attributes) -> SafeString:
    """``<picture>`` with a ``<source>`` per modern format and an ``<img srcset sizes>`` in the original format."""
    slot = SLOTS[slot_name]
    widths = slot.widths_for(picture)
    renditions = picture.get_renditions(*(slot.spec(width, f) for width in widths for f in ("", *MODERN_FORMATS)))

    def srcset(image_format: str) -> str:
        candidates = {}
        for width in widths:
            rendition = renditions[slot.spec(width, image_format)]
            candidates.setdefault(rendition.width, rendition.url)  # one candidate per real width
        return ", ".join(f"{url} {width}w" for width, url in candidates.items())

    fallback = renditions[slot.spec(widths[0])]
    sources = format_html_join(
        "",
        '<source type="{}" srcset="{}" sizes="{}">',
        ((MIME_TYPES[f], srcset(f), slot.sizes) for f in MODERN_FORMATS),
    )
    extra = format_html_join("", ' {}="{}"', sorted(attributes.items()))
    return format_html(
        '<picture>{}<img src="{}" srcset="{}" sizes="{}" width="{}" height="{}" alt="{}"{}></picture>',
        sources,
        fallback.url,
        srcset(""),
        slot.sizes,
        fallback.width,
        fallback.height,
        alt,
        extra,
    )

"""Picture items (ninjs ``type: picture``, NewsML-G2 ``ninat:picture``): the rendition to take, its caption and credit. Pure.

The desk shows a picture item with its caption and credit and can add it to
the picture library (``ingest/pictures.py``); the parsers only say where the
picture is and who to credit. The credit is written as picture desks print
it: the photographer and the agency, "Spencer Platt/Getty Images".
"""

from __future__ import annotations

import re

# Rendition names, best first: the agency's full picture before its web and preview sizes.
PREFERRED_RENDITIONS = ("original", "supplied", "main", "baseimage", "highres", "viewimage", "web", "preview", "thumbnail")


def _rank(name: str) -> int:
    name = name.lower().rsplit(":", 1)[-1].replace("_", "").replace("-", "")
    return PREFERRED_RENDITIONS.index(name) if name in PREFERRED_RENDITIONS else len(PREFERRED_RENDITIONS)


def _number(value) -> int | None:
    try:
        number = int(value)
    except (TypeError, ValueError):
        return None
    return number if number > 0 else None


def best_rendition(renditions: list[dict]) -> dict:
    """The rendition to take into the library: an image with an address, the agency's preferred name first, then the largest."""
    usable = [
        r
        for r in renditions
        if isinstance(r.get("href"), str) and r["href"].strip() and str(r.get("mime") or "image/").startswith("image/")
    ]
    if not usable:
        return {}
    return min(
        usable, key=lambda r: (_rank(r.get("name", "")), -((_number(r.get("width")) or 0) * (_number(r.get("height")) or 0)))
    )


def credit_line(*, photographer: str = "", agency: str = "") -> str:
    """ "Photographer/Agency", either alone when the other is missing or already part of it."""
    photographer, agency = " ".join(photographer.split()), " ".join(agency.split())
    if not photographer or photographer.lower() in agency.lower():
        return agency[:255]
    if not agency or agency.lower() in photographer.lower():
        return photographer[:255]
    return f"{photographer}/{agency}"[:255]


def picture(rendition: dict, *, caption: str, credit: str) -> dict:
    """The ``ParsedItem.picture`` dict: href, caption, credit, mime, width, height."""
    return {
        "href": rendition.get("href", "").strip()[:2000],
        "caption": " ".join(caption.split()),
        "credit": credit,
        "mime": str(rendition.get("mime") or "")[:100],
        "width": _number(rendition.get("width")),
        "height": _number(rendition.get("height")),
    }


def first_sentence(caption: str, *, limit: int = 120) -> str:
    """A picture's caption's first sentence, as its headline on the desk: whole words, at most ``limit`` characters."""
    text = " ".join(caption.split())
    sentence = re.split(r"(?<=[.!?])\s", text, maxsplit=1)[0]
    if len(sentence) <= limit:
        return sentence
    return sentence[:limit].rsplit(" ", 1)[0].rstrip(",;:") + "…"

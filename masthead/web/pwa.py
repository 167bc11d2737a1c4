"""The installable web app: manifest, icons, service worker and offline page.

Everything is per edition (a Wagtail Site): the manifest takes the site's
name and language, the icons its initials, drawn locally with Pillow and
kept in memory. The service worker (``templates/web/pwa/sw.js``) is served
from the root so its scope is the whole site; it keeps the app shell, the
last ``OFFLINE_STORIES`` stories read and the pictures already downloaded
(``OFFLINE_PICTURES`` at most), and answers other navigations with the
offline page when the network is gone. The lite version carries no
script and registers nothing.
"""

from __future__ import annotations

import hashlib
import io
import json
import re
from functools import lru_cache
from pathlib import Path

from django.conf import settings
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.templatetags.static import static
from django.utils.translation import get_language, get_language_info, gettext
from django.views.decorators.http import require_safe
from wagtail.models import Site

BRAND_COLOUR = "#9b1c1c"  # --brand in masthead.css
BACKGROUND_COLOUR = "#ffffff"  # --paper in masthead.css
ICON_SIZES = (192, 512)
APPLE_TOUCH_ICON_SIZE = 180
# The tab's icon: a browser draws it at 16-48 device pixels, and fetches it with every first page (the 192 px
# icon was 2.9 KB of a 39 KB home page); the manifest's large icons are fetched only to install the app.
TAB_ICON_SIZE = 48
FAVICON_SIZES = (16, 32, 48)
OFFLINE_STORIES = 20
OFFLINE_PICTURES = 60  # about three per story kept
OFFLINE_PATH = "/offline/"
MANIFEST_PATH = "/manifest.webmanifest"
SHORT_NAME_LENGTH = 12
ICON_MAX_AGE = 86_400
MANIFEST_MAX_AGE = 3_600
# Story URLs: /<section>/<year>/<slug>/ (see news.models.pages).
STORY_PATH_PATTERN = r"^/[^/]+/\d{4}/[^/]+/$"
FONT_CANDIDATES = ("DejaVuSans-Bold.ttf", "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf")


def _site(request: HttpRequest) -> Site:
    site = Site.find_for_request(request)
    if site is None:
        raise Http404("No edition is configured for this host")
    return site


def short_name(name: str) -> str:
    """A home-screen label: the name if it fits, else as many whole words as fit, else the first word cut."""
    if len(name) <= SHORT_NAME_LENGTH:
        return name
    words, label = name.split(), ""
    for word in words:
        candidate = f"{label} {word}".strip()
        if len(candidate) > SHORT_NAME_LENGTH:
            break
        label = candidate
    return label or name[:SHORT_NAME_LENGTH]


def initials(name: str) -> str:
    """What the icon shows: an acronym-like first word (``MM News`` → ``MM``), else two initials."""
    words = [word for word in re.split(r"\s+", name.strip()) if word]
    if not words:
        return "M"
    if words[0].isupper() and len(words[0]) <= 3:
        return words[0]
    return "".join(word[0] for word in words[:2]).upper()


@require_safe
def manifest(request: HttpRequest) -> HttpResponse:
    from masthead.web.models import EditionSettings

    site = _site(request)
    name = site.site_name or "Masthead"
    language = get_language()  # the edition's, made active for the request
    try:
        bidi = get_language_info(language)["bidi"]
    except KeyError:
        bidi = False
    icons = [
        {
            "src": f"/icons/{purpose}-{size}.png",
            "sizes": f"{size}x{size}",
            "type": "image/png",
            "purpose": "maskable" if purpose == "maskable" else "any",
        }
        for purpose in ("icon", "maskable")
        for size in ICON_SIZES
    ]
    data = {
        "id": "/",
        "name": name,
        "short_name": short_name(name),
        "description": EditionSettings.for_request(request).tagline
        or gettext("The latest stories from %(name)s") % {"name": name},
        "lang": language,
        "dir": "rtl" if bidi else "ltr",
        "start_url": "/",
        "scope": "/",
        "display": "standalone",
        "background_color": BACKGROUND_COLOUR,
        "theme_color": BRAND_COLOUR,
        "categories": ["news"],
        "icons": icons,
    }
    response = HttpResponse(json.dumps(data, ensure_ascii=False, indent=1), content_type="application/manifest+json")
    response["Cache-Control"] = f"public, max-age={MANIFEST_MAX_AGE}"
    return response


@require_safe
def icon(request: HttpRequest, purpose: str, size: int | str) -> HttpResponse:
    size = int(size)
    if size not in (*ICON_SIZES, APPLE_TOUCH_ICON_SIZE, TAB_ICON_SIZE):
        raise Http404("No icon of that size")
    site = _site(request)
    response = HttpResponse(
        draw_icon(initials(site.site_name or "Masthead"), size, maskable=purpose == "maskable"), content_type="image/png"
    )
    response["Cache-Control"] = f"public, max-age={ICON_MAX_AGE}"
    return response


@require_safe
def apple_touch_icon(request: HttpRequest) -> HttpResponse:
    return icon(request, "maskable", APPLE_TOUCH_ICON_SIZE)


@require_safe
def favicon(request: HttpRequest) -> HttpResponse:
    """``/favicon.ico``, which browsers, feed readers and crawlers ask for whatever the page declares: never a 404."""
    response = HttpResponse(favicon_ico(initials(_site(request).site_name or "Masthead")), content_type="image/x-icon")
    response["Cache-Control"] = f"public, max-age={ICON_MAX_AGE}"
    return response


@lru_cache(maxsize=32)
def favicon_ico(text: str) -> bytes:
    from PIL import Image

    out = io.BytesIO()
    Image.open(io.BytesIO(draw_icon(text, FAVICON_SIZES[-1], maskable=False))).save(
        out, format="ICO", sizes=[(size, size) for size in FAVICON_SIZES]
    )
    return out.getvalue()


@lru_cache(maxsize=32)
def draw_icon(text: str, size: int, *, maskable: bool) -> bytes:
    """The edition's initials in white on the brand colour, as PNG.

    A maskable icon fills its square (the platform cuts its own shape) and
    keeps the letters inside the central safe zone; the plain icon is a
    rounded tile on a transparent ground.
    """
    from PIL import Image, ImageDraw

    image = Image.new("RGBA", (size, size), (0, 0, 0, 0))
    draw = ImageDraw.Draw(image)
    if maskable:
        draw.rectangle((0, 0, size, size), fill=BRAND_COLOUR)
        box = size * 0.5  # inside the 80% safe circle
    else:
        draw.rounded_rectangle((0, 0, size - 1, size - 1), radius=size // 6, fill=BRAND_COLOUR)
        box = size * 0.66
    font = _font_fitting(draw, text, box)
    left, top, right, bottom = draw.textbbox((0, 0), text, font=font)
    # The letters over a thin rule, like the masthead's, centred together.
    gap, rule = size * 0.05, max(2, size // 64)
    y = (size - ((bottom - top) + gap + rule)) / 2
    draw.text(((size - (right - left)) / 2 - left, y - top), text, font=font, fill="#ffffff")
    rule_y = y + (bottom - top) + gap
    draw.rectangle(((size - box) / 2, rule_y, (size + box) / 2, rule_y + rule), fill="#ffffff")
    out = io.BytesIO()
    image.save(out, format="PNG", optimize=True)
    return out.getvalue()


def _font_fitting(draw, text: str, box: float):
    size = int(box)
    while size > 8:
        font = _font(size)
        left, top, right, bottom = draw.textbbox((0, 0), text, font=font)
        if right - left <= box and bottom - top <= box * 0.8:
            return font
        size = int(size * 0.9)
    return _font(8)


def _font(size: int):
    from PIL import ImageFont

    for candidate in FONT_CANDIDATES:
        try:
            return ImageFont.truetype(candidate, size)
        except OSError:
            continue
    try:
        return ImageFont.load_default(size=size)
    except TypeError:  # Pillow built without FreeType
        return ImageFont.load_default()


def shell_urls() -> list[str]:
    """What the service worker keeps at install: enough to show the offline page and saved stories styled."""
    return [
        OFFLINE_PATH,
        static("web/masthead.css"),
        static("web/app.js"),
        MANIFEST_PATH,
        *(f"/icons/icon-{size}.png" for size in ICON_SIZES),
    ]


@lru_cache(maxsize=1)
def _worker_source() -> str:
    return (Path(__file__).parent / "templates" / "web" / "pwa" / "sw.js").read_text()


@require_safe
def service_worker(request: HttpRequest) -> HttpResponse:
    from masthead.feeds.structured_data import json_for_script

    shell = shell_urls()
    source = _worker_source()
    # A new shell (hashed static names) or new worker code makes new bytes, which is how browsers learn to update.
    version = hashlib.sha256(("\n".join(shell) + source).encode()).hexdigest()[:12]
    config = {
        "version": version,
        "shell": shell,
        "offline": OFFLINE_PATH,
        "maxStories": OFFLINE_STORIES,
        "storyPattern": STORY_PATH_PATTERN,
        "pictures": settings.MEDIA_URL,
        "maxPictures": OFFLINE_PICTURES,
    }
    body = f"const CONFIG = {json_for_script(config)};\n{source}"
    response = HttpResponse(body, content_type="application/javascript; charset=utf-8")
    response["Cache-Control"] = "no-cache"
    return response


@require_safe
def offline(request: HttpRequest) -> HttpResponse:
    response = render(request, "web/pwa/offline.html")
    response["Cache-Control"] = "no-cache"
    return response

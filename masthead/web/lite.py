"""The lite version: text only, no images, scripts or stylesheet requests, for slow connections.

Lite pages live at the same URLs with ``?lite=1``, a marker every cache keys
on without ``Vary`` tricks. Their only styling is one inline ``<style>``,
allowed by the Content-Security-Policy through its hash, and their icon is
declared inline (``data:,``) so the browser does not ask for ``/favicon.ico``:
no second request is made on a 2G connection. Every link is a target of at
least 24×24 px.
"""

from __future__ import annotations

import base64
import hashlib
from urllib.parse import urlencode

LITE_PARAM = "lite"

LITE_STYLE = (
    "body{font:1rem/1.5 Georgia,serif;max-width:40rem;margin:0 auto;padding:.5rem;color:#111;background:#fff}"
    "a{color:#0645ad}h1{font-size:1.4rem;line-height:1.25}h2,h3{font-size:1.05rem;margin:.2rem 0}"
    "header,footer,nav,.kicker,.byline,.story__times,.card__meta,.read-more,.tags{font-family:sans-serif;font-size:.9rem}"
    ".dateline{font-weight:bold}.story__times span,.story__times time{display:block}"
    ".card__meta,.story__times{color:#555}.kicker{margin:0}"
    "ul.cards{list-style:none;padding:0}.card{margin:0 0 .8rem}.card p{margin:.2rem 0}"
    ".tags{list-style:none;padding:0}.tags li{display:inline-block;margin-inline-end:.6rem}"
    ".banner{border:1px solid #a60;padding:.3rem .5rem}"
    ".breaking{background:#9b1c1c;color:#fff;padding:0 .5rem}.breaking a{color:#fff;font-weight:bold}"
    # Every link is a target of at least 24×24 px (WCAG 2.5.8); links inside running text keep
    # flowing with it and grow by padding instead.
    "a{display:inline-block;min-width:24px;min-height:24px;line-height:24px}"
    "p>a,li>a{padding:.1rem 0}nav a{margin-inline-end:.5rem}.story__body p a{display:inline;padding:.3rem 0}"
)

# Per language, only where it differs: Urdu in the system's Arabic font, whose marks reach far above and below the
# letters (no web font on lite pages). Every lite byte counts on 2G, so English pages do not carry these rules.
LITE_STYLES = {"ur": LITE_STYLE + "body{line-height:1.8}h1{line-height:1.5}"}


def lite_style(language: str) -> str:
    return LITE_STYLES.get(language, LITE_STYLE)


def _csp_hash(style: str) -> str:
    return f"'sha256-{base64.b64encode(hashlib.sha256(style.encode()).digest()).decode()}'"


LITE_STYLE_CSP_SOURCE = " ".join(_csp_hash(style) for style in (LITE_STYLE, *LITE_STYLES.values()))


def is_lite(query: dict) -> bool:
    return query.get(LITE_PARAM, "") not in ("", "0")


def lite_url(path: str) -> str:
    return f"{path}?{urlencode({LITE_PARAM: 1})}"

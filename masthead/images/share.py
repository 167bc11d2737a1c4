"""The crops search engines and social cards ask for, as large as the original allows.

Google asks for 16:9, 4:3 and 1:1 pictures of a ``NewsArticle``, 1200 px wide
for large previews. Wagtail never upscales, so a crop the original cannot give
at 1200 comes out smaller; asking for the size it can give keeps the URL (and
the width and height we declare) true: a 1600×900 original has a 900×900
square, named ``fill-900x900``, not a ``fill-1200x1200`` that is 900 px.
"""

from __future__ import annotations

SHARE_WIDTH = 1200
SHARE_RATIOS = {"16:9": (16, 9), "4:3": (4, 3), "1:1": (1, 1)}


def share_filters(picture) -> dict[str, str]:
    """Filter spec per ratio (``{"16:9": "fill-1200x675", ...}``), never wider or taller than the original."""
    filters = {}
    for name, (across, down) in SHARE_RATIOS.items():
        width = max(1, min(SHARE_WIDTH, picture.width, picture.height * across // down))
        filters[name] = f"fill-{width}x{max(1, round(width * down / across))}"
    return filters

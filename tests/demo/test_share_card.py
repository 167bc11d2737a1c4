"""The demo edition's default share picture: large enough for every crop, its text inside all of them.

Pure Python, no database: run with ``pytest tests/demo -q -p no:django``.
"""

from __future__ import annotations

import io

from PIL import Image

from masthead.demo.content import SITE_NAME, TAGLINE
from masthead.demo.pictures import draw_share_card


def test_share_card_gives_1200_px_crops_and_keeps_its_text_inside_them():
    data = draw_share_card(SITE_NAME, TAGLINE)
    assert data == draw_share_card(SITE_NAME, TAGLINE)  # the same bytes every run
    image = Image.open(io.BytesIO(data))
    assert image.format == "JPEG" and image.size == (1600, 1200)  # 16:9 at 1200×675, 4:3 and 1:1 at 1200, none upscaled
    grey = image.convert("L")
    light = [(x, y) for y in range(0, 1200, 4) for x in range(0, 1600, 4) if grey.getpixel((x, y)) > 200]
    assert light, "the edition's name is drawn"
    xs, ys = [x for x, _ in light], [y for _, y in light]
    # Inside the 1:1 crop (x 200–1400) and the 16:9 crop (y 150–1050), which all crops keep.
    assert 200 <= min(xs) and max(xs) <= 1400 and 150 <= min(ys) and max(ys) <= 1050

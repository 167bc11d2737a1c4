"""Abstract editorial illustrations for the demo stories, drawn with Pillow.

Nothing is downloaded: every picture is built from gradients and simple
shapes chosen by a *motif* (what the picture shows) and a *palette* (its
colours), with a short label and a "DEMO" mark in the corners. The same
spec always gives the same bytes, because all randomness comes from a
``random.Random`` seeded with a hash of the spec.
"""

from __future__ import annotations

import hashlib
import io
import math
import random
from collections.abc import Callable
from functools import lru_cache

from PIL import Image, ImageDraw, ImageFilter, ImageFont

from masthead.demo.content import PictureSpec

__all__ = ["MOTIFS", "PALETTES", "draw"]

RGB = tuple[int, int, int]


def _hex(value: str) -> RGB:
    value = value.lstrip("#")
    return (int(value[0:2], 16), int(value[2:4], 16), int(value[4:6], 16))


def _mix(a: RGB, b: RGB, t: float) -> RGB:
    t = max(0.0, min(1.0, t))
    return (
        round(a[0] + (b[0] - a[0]) * t),
        round(a[1] + (b[1] - a[1]) * t),
        round(a[2] + (b[2] - a[2]) * t),
    )


# Each palette: sky top, sky bottom, four accent colours (far to near), a
# dark ink and a light highlight.
_PALETTE_HEX: dict[str, tuple[str, str, tuple[str, str, str, str], str, str]] = {
    "dawn": ("#f6c89f", "#fbe9d0", ("#e8a27c", "#d7735a", "#a9514a", "#5b3a4a"), "#2e2236", "#fff6e4"),
    "dusk": ("#2b2d5c", "#e38b6d", ("#8e5f86", "#5e4478", "#3b2f5e", "#1f1b3a"), "#141228", "#ffd9a0"),
    "monsoon": ("#51677a", "#b9c7cf", ("#7d97a6", "#4f6d7f", "#33505f", "#1d3340"), "#0f1f28", "#e9f1f4"),
    "desert": ("#f3d9a4", "#fff1d2", ("#e2b36b", "#c98d47", "#a0652f", "#6b4123"), "#3a2414", "#fff8e8"),
    "forest": ("#cfe3c4", "#f1f6e6", ("#8fbf7f", "#5e9a5a", "#3d7245", "#234a30"), "#12281a", "#f9fff2"),
    "ocean": ("#0f4c75", "#7fc8d8", ("#3282b8", "#1f6f9a", "#16587d", "#0b3553"), "#06213a", "#e6f7fb"),
    "slate": ("#3d4451", "#8c95a3", ("#6b7585", "#525b6a", "#3a4150", "#242a35"), "#151922", "#f2c14e"),
    "saffron": ("#f7a541", "#ffe2a8", ("#f08a24", "#d8661c", "#a8431f", "#6a2a1c"), "#2f140d", "#fff4dc"),
    "ink": ("#10162b", "#2f3d66", ("#45578a", "#34446f", "#243154", "#161f38"), "#070a14", "#f4e9c8"),
    "rose": ("#f4c6cf", "#fdeef0", ("#e59aab", "#c8708a", "#9b4f6d", "#5e3148"), "#2b1422", "#fff7f8"),
    "jade": ("#0d5c58", "#8fd1c0", ("#2fa08e", "#1e8275", "#14645c", "#0b403c"), "#052523", "#f3fff9"),
}

PALETTES: tuple[str, ...] = tuple(_PALETTE_HEX)


class _Palette:
    def __init__(self, name: str) -> None:
        top, bottom, accents, ink, light = _PALETTE_HEX[name]
        self.top = _hex(top)
        self.bottom = _hex(bottom)
        self.accents = tuple(_hex(c) for c in accents)
        self.ink = _hex(ink)
        self.light = _hex(light)

    def accent(self, i: int) -> RGB:
        return self.accents[i % len(self.accents)]


# --------------------------------------------------------------------------
# Building blocks


def _gradient(size: tuple[int, int], top: RGB, bottom: RGB) -> Image.Image:
    mask = Image.linear_gradient("L").resize(size)
    return Image.composite(Image.new("RGB", size, bottom), Image.new("RGB", size, top), mask)


def _glow(img: Image.Image, centre: tuple[float, float], radius: float, colour: RGB, strength: int = 200) -> None:
    """A soft round glow, blurred at 1/8 scale so it stays cheap."""
    w, h = img.size
    k = 8
    small = Image.new("L", (max(1, w // k), max(1, h // k)), 0)
    cx, cy, r = centre[0] / k, centre[1] / k, radius / k
    ImageDraw.Draw(small).ellipse((cx - r, cy - r, cx + r, cy + r), fill=strength)
    small = small.filter(ImageFilter.GaussianBlur(max(1.0, r * 0.6)))
    mask = small.resize((w, h), Image.Resampling.BILINEAR)
    img.paste(Image.new("RGB", (w, h), colour), (0, 0), mask)


def _ridge(
    rng: random.Random, w: int, base: float, amplitude: float, waves: float, jagged: float = 0.0
) -> list[tuple[float, float]]:
    phase = rng.uniform(0, math.tau)
    phase2 = rng.uniform(0, math.tau)
    points = []
    steps = 48
    for i in range(steps + 1):
        x = w * i / steps
        y = base + amplitude * math.sin(phase + waves * math.tau * i / steps)
        y += amplitude * 0.35 * math.sin(phase2 + 2.7 * waves * math.tau * i / steps)
        if jagged:
            y += rng.uniform(-jagged, jagged)
        points.append((x, y))
    return points


def _fill_below(d: ImageDraw.ImageDraw, points: list[tuple[float, float]], h: int, colour: RGB) -> None:
    d.polygon([*points, (points[-1][0], h), (points[0][0], h)], fill=colour)


# --------------------------------------------------------------------------
# Motifs: each draws onto an RGB image already filled with the sky gradient.


def _skyline(img: Image.Image, d: ImageDraw.ImageDraw, p: _Palette, rng: random.Random) -> None:
    w, h = img.size
    _glow(img, (w * rng.uniform(0.55, 0.85), h * 0.35), h * 0.22, p.light, 170)
    d = ImageDraw.Draw(img)
    for layer, (floor, tallest) in enumerate(((0.78, 0.55), (0.86, 0.45), (0.95, 0.35))):
        colour = p.accent(layer + 1)
        x = -rng.uniform(0, w * 0.05)
        while x < w:
            bw = rng.uniform(w * 0.04, w * 0.1)
            top = h * rng.uniform(tallest, floor - 0.08)
            d.rectangle((x, top, x + bw, h), fill=colour)
            if rng.random() < 0.3:
                d.polygon([(x, top), (x + bw / 2, top - h * 0.05), (x + bw, top)], fill=colour)
            if layer == 2:
                win = _mix(colour, p.light, 0.75)
                step_y = h * 0.035
                y = top + step_y * 0.6
                while y < h - step_y:
                    for col in range(int(bw // (w * 0.018))):
                        if rng.random() < 0.45:
                            wx = x + w * 0.008 + col * w * 0.018
                            d.rectangle((wx, y, wx + w * 0.008, y + step_y * 0.45), fill=win)
                    y += step_y
            x += bw + rng.uniform(0, w * 0.012)


def _harbour(img: Image.Image, d: ImageDraw.ImageDraw, p: _Palette, rng: random.Random) -> None:
    w, h = img.size
    _glow(img, (w * 0.2, h * 0.3), h * 0.18, p.light, 160)
    d = ImageDraw.Draw(img)
    quay = h * 0.62
    # cranes
    for i in range(3):
        cx = w * (0.45 + i * 0.17) + rng.uniform(-w * 0.02, w * 0.02)
        top = h * rng.uniform(0.15, 0.25)
        c = p.accent(3)
        lw = max(3, w // 220)
        d.line((cx, quay, cx, top), fill=c, width=lw * 2)
        d.line((cx - w * 0.08, top + h * 0.03, cx + w * 0.11, top + h * 0.03), fill=c, width=lw * 2)
        d.line((cx, top - h * 0.04, cx - w * 0.08, top + h * 0.03), fill=c, width=lw)
        d.line((cx, top - h * 0.04, cx + w * 0.11, top + h * 0.03), fill=c, width=lw)
        hook_x = cx + w * rng.uniform(0.02, 0.09)
        d.line((hook_x, top + h * 0.03, hook_x, top + h * 0.18), fill=c, width=max(1, lw // 2))
    # containers stacked on the quay
    cw, ch = w * 0.05, h * 0.045
    for row in range(4):
        for col in range(rng.randint(4, 9)):
            x = w * 0.4 + col * cw * 1.02
            y = quay - (row + 1) * ch * 1.05
            if x + cw > w or rng.random() < 0.2:
                continue
            d.rectangle((x, y, x + cw, y + ch), fill=p.accent(rng.randint(0, 3)))
            d.line((x + cw * 0.5, y + 2, x + cw * 0.5, y + ch - 2), fill=p.ink, width=1)
    d.rectangle((0, quay, w, quay + h * 0.02), fill=p.ink)
    # water with ripples
    water_top = quay + h * 0.02
    d.rectangle((0, water_top, w, h), fill=_mix(p.accent(2), p.ink, 0.3))
    for _ in range(60):
        y = rng.uniform(water_top + 6, h)
        x = rng.uniform(0, w)
        ln = rng.uniform(w * 0.02, w * 0.08)
        d.line((x, y, x + ln, y), fill=_mix(p.accent(0), p.light, 0.5), width=max(2, h // 300))
    # a ship
    sx = w * rng.uniform(0.05, 0.2)
    sy = water_top + h * 0.09
    d.polygon([(sx, sy), (sx + w * 0.3, sy), (sx + w * 0.27, sy + h * 0.08), (sx + w * 0.02, sy + h * 0.08)], fill=p.ink)
    d.rectangle((sx + w * 0.2, sy - h * 0.07, sx + w * 0.26, sy), fill=p.light)
    for i in range(5):
        d.rectangle((sx + w * (0.03 + i * 0.033), sy - h * 0.04, sx + w * (0.06 + i * 0.033), sy), fill=p.accent(i))


def _field(img: Image.Image, d: ImageDraw.ImageDraw, p: _Palette, rng: random.Random) -> None:
    w, h = img.size
    _glow(img, (w * rng.uniform(0.6, 0.8), h * 0.28), h * 0.12, p.light, 230)
    d = ImageDraw.Draw(img)
    for i in range(4):
        base = h * (0.48 + i * 0.12)
        pts = _ridge(rng, w, base, h * (0.03 + i * 0.01), rng.uniform(0.6, 1.4))
        _fill_below(d, pts, h, p.accent(i))
        if i == 1:
            _trees(d, p, rng, pts, h)
        if i >= 2:
            line_colour = _mix(p.accent(i), p.ink, 0.25)
            for j in range(1, 9):
                y0 = base + j * h * 0.025 * (i - 1)
                d.line([(x, y + (y0 - base)) for x, y in pts], fill=line_colour, width=max(2, h // 250))


def _trees(d: ImageDraw.ImageDraw, p: _Palette, rng: random.Random, ridge: list[tuple[float, float]], h: int) -> None:
    """A few round trees standing on a ridge line."""
    for _ in range(rng.randint(3, 6)):
        tx, ground = ridge[rng.randrange(2, len(ridge) - 2)]
        r = h * rng.uniform(0.025, 0.045)
        ty = ground - r * 1.5
        d.rectangle((tx - r * 0.12, ty, tx + r * 0.12, ground + r * 0.2), fill=p.ink)
        d.ellipse((tx - r, ty - r * 1.2, tx + r, ty + r * 0.5), fill=_mix(p.accent(3), p.ink, 0.3))


def _chart(img: Image.Image, d: ImageDraw.ImageDraw, p: _Palette, rng: random.Random) -> None:
    w, h = img.size
    left, right, top, bottom = w * 0.08, w * 0.92, h * 0.14, h * 0.84
    grid = _mix(p.top, p.ink, 0.25)
    for i in range(6):
        y = top + (bottom - top) * i / 5
        d.line((left, y, right, y), fill=grid, width=max(1, h // 450))
    n = 12
    slot = (right - left) / n
    level = rng.uniform(0.3, 0.5)
    points = []
    for i in range(n):
        level = max(0.1, min(0.95, level + rng.uniform(-0.12, 0.16)))
        x0 = left + i * slot + slot * 0.18
        y0 = bottom - (bottom - top) * level
        d.rectangle((x0, y0, x0 + slot * 0.64, bottom), fill=p.accent(1 + (i % 2)))
        points.append((x0 + slot * 0.32, y0 - h * 0.06))
    d.line(points, fill=p.ink, width=max(4, h // 150), joint="curve")
    r = h * 0.012
    for x, y in points:
        d.ellipse((x - r, y - r, x + r, y + r), fill=p.light, outline=p.ink, width=max(2, h // 300))
    d.line((left, bottom, right, bottom), fill=p.ink, width=max(3, h // 200))


def _stadium(img: Image.Image, d: ImageDraw.ImageDraw, p: _Palette, rng: random.Random) -> None:
    w, h = img.size
    cx, cy = w * 0.5, h * 0.72
    for i, scale in enumerate((1.25, 1.05, 0.85)):
        rx, ry = w * 0.55 * scale, h * 0.32 * scale
        d.ellipse((cx - rx, cy - ry, cx + rx, cy + ry), fill=p.accent(3 - i))
    # stands as rows of dots
    for row in range(6):
        rx, ry = w * (0.6 - row * 0.03), h * (0.36 - row * 0.018)
        for k in range(70):
            a = math.pi + math.pi * k / 69
            x, y = cx + rx * math.cos(a), cy + ry * math.sin(a)
            s = h * 0.006
            d.ellipse((x - s, y - s, x + s, y + s), fill=p.accent(rng.randint(0, 3)) if rng.random() < 0.6 else p.light)
    rx, ry = w * 0.38, h * 0.2
    green = _mix(p.accent(0), (70, 150, 80), 0.55)
    d.ellipse((cx - rx, cy - ry, cx + rx, cy + ry), fill=green)
    d.rectangle((cx - w * 0.02, cy - h * 0.1, cx + w * 0.02, cy + h * 0.1), fill=_mix(green, p.light, 0.55))
    # floodlights
    for fx in (w * 0.08, w * 0.92):
        d.line((fx, h * 0.25, fx, h), fill=p.ink, width=max(4, w // 200))
        d.rectangle((fx - w * 0.035, h * 0.18, fx + w * 0.035, h * 0.25), fill=p.ink)
        _glow(img, (fx, h * 0.2), h * 0.1, p.light, 200)
        d = ImageDraw.Draw(img)
        for j in range(3):
            for k in range(4):
                x = fx - w * 0.03 + k * w * 0.017
                y = h * 0.185 + j * h * 0.021
                d.rectangle((x, y, x + w * 0.01, y + h * 0.013), fill=p.light)


def _circuit(img: Image.Image, d: ImageDraw.ImageDraw, p: _Palette, rng: random.Random) -> None:
    w, h = img.size
    step = h / 18
    lw = max(3, h // 180)
    chip = (w * 0.38, h * 0.3, w * 0.62, h * 0.7)
    for _ in range(46):
        x = round(rng.uniform(0, w) / step) * step
        y = round(rng.uniform(0, h) / step) * step
        path = [(x, y)]
        for _ in range(rng.randint(2, 5)):
            if rng.random() < 0.5:
                x += rng.choice((-1, 1)) * step * rng.randint(1, 5)
            else:
                y += rng.choice((-1, 1)) * step * rng.randint(1, 4)
            path.append((x, y))
        colour = p.accent(rng.randint(0, 2))
        d.line(path, fill=colour, width=lw, joint="curve")
        r = lw * 1.8
        for px, py in (path[0], path[-1]):
            d.ellipse((px - r, py - r, px + r, py + r), fill=p.light, outline=colour, width=lw)
    x0, y0, x1, y1 = chip
    pin = (x1 - x0) / 10
    for i in range(10):
        px = x0 + pin * (i + 0.5)
        d.line((px, y0 - step, px, y1 + step), fill=p.light, width=lw)
    pin_y = (y1 - y0) / 8
    for i in range(8):
        py = y0 + pin_y * (i + 0.5)
        d.line((x0 - step, py, x1 + step, py), fill=p.light, width=lw)
    d.rounded_rectangle(chip, radius=h * 0.02, fill=p.ink, outline=p.accent(0), width=lw)
    inset = h * 0.05
    d.rounded_rectangle((x0 + inset, y0 + inset, x1 - inset, y1 - inset), radius=h * 0.01, outline=p.accent(1), width=lw)


def _waves(img: Image.Image, d: ImageDraw.ImageDraw, p: _Palette, rng: random.Random) -> None:
    w, h = img.size
    _glow(img, (w * rng.uniform(0.2, 0.8), h * 0.3), h * 0.14, p.light, 220)
    d = ImageDraw.Draw(img)
    for i in range(6):
        base = h * (0.45 + i * 0.09)
        pts = _ridge(rng, w, base, h * 0.035, rng.uniform(1.5, 3.0))
        colour = _mix(p.accent(i % 4), p.ink, i * 0.06)
        _fill_below(d, pts, h, colour)
        d.line(pts, fill=_mix(colour, p.light, 0.45), width=max(2, h // 220))
    # a small boat
    bx, by = w * rng.uniform(0.2, 0.7), h * 0.5
    d.polygon([(bx, by), (bx + w * 0.08, by), (bx + w * 0.065, by + h * 0.03), (bx + w * 0.015, by + h * 0.03)], fill=p.ink)
    d.polygon([(bx + w * 0.04, by - h * 0.12), (bx + w * 0.04, by - h * 0.005), (bx + w * 0.075, by - h * 0.005)], fill=p.light)


def _mountains(img: Image.Image, d: ImageDraw.ImageDraw, p: _Palette, rng: random.Random) -> None:
    w, h = img.size
    _glow(img, (w * rng.uniform(0.15, 0.4), h * 0.22), h * 0.09, p.light, 240)
    d = ImageDraw.Draw(img)
    for layer in range(4):
        base = h * (0.5 + layer * 0.12)
        points = [(0.0, base)]
        x = 0.0
        while x < w:
            x += rng.uniform(w * 0.06, w * 0.16)
            peak = base - h * rng.uniform(0.08, 0.28) * (1.2 - layer * 0.2)
            points.append((x - rng.uniform(w * 0.02, w * 0.05), peak))
            points.append((x, base - h * rng.uniform(0.0, 0.06)))
        colour = p.accent(layer)
        _fill_below(d, points, h, colour)
        if layer == 0:
            snow = _mix(p.light, colour, 0.15)
            for px, py in points[1::2]:
                d.polygon([(px, py), (px - w * 0.02, py + h * 0.045), (px + w * 0.02, py + h * 0.045)], fill=snow)


def _crowd(img: Image.Image, d: ImageDraw.ImageDraw, p: _Palette, rng: random.Random) -> None:
    w, h = img.size
    # banner
    bx0, by0 = w * 0.25, h * 0.12
    d.rectangle((bx0, by0, w * 0.75, by0 + h * 0.14), fill=p.light, outline=p.ink, width=max(3, h // 200))
    for i in range(3):
        y = by0 + h * (0.035 + i * 0.035)
        d.rectangle((bx0 + w * 0.04, y, bx0 + w * rng.uniform(0.25, 0.46), y + h * 0.014), fill=p.accent(2))
    d.line((bx0 + w * 0.02, by0, bx0 + w * 0.02, h * 0.6), fill=p.ink, width=max(4, w // 300))
    d.line((w * 0.73, by0, w * 0.73, h * 0.6), fill=p.ink, width=max(4, w // 300))
    for row in range(5):
        y = h * (0.45 + row * 0.11)
        r = h * (0.035 + row * 0.008)
        x = -rng.uniform(0, r)
        while x < w + r:
            colour = _mix(p.accent(rng.randint(0, 3)), p.ink, 0.1 * row)
            hy = y + rng.uniform(-h * 0.015, h * 0.015)
            d.ellipse((x - r * 1.6, hy + r * 1.1, x + r * 1.6, hy + r * 5), fill=colour)
            d.ellipse((x - r, hy - r, x + r, hy + r), fill=_mix(colour, p.light, 0.35))
            x += r * rng.uniform(2.3, 3.1)


def _books(img: Image.Image, d: ImageDraw.ImageDraw, p: _Palette, rng: random.Random) -> None:
    w, h = img.size
    for shelf_y in (h * 0.45, h * 0.88):
        x = w * 0.06
        while x < w * 0.92:
            bw = w * rng.uniform(0.022, 0.045)
            bh = h * rng.uniform(0.22, 0.34)
            colour = p.accent(rng.randint(0, 3))
            if rng.random() < 0.08 and x > w * 0.2:
                # a leaning book
                d.polygon(
                    [
                        (x, shelf_y),
                        (x + bw, shelf_y),
                        (x + bw + bh * 0.35, shelf_y - bh * 0.94),
                        (x + bh * 0.35, shelf_y - bh * 0.94),
                    ],
                    fill=colour,
                )
                x += bw + bh * 0.35 + w * 0.005
                continue
            d.rectangle((x, shelf_y - bh, x + bw, shelf_y), fill=colour)
            band = _mix(colour, p.light, 0.5)
            d.rectangle((x + bw * 0.15, shelf_y - bh * 0.85, x + bw * 0.85, shelf_y - bh * 0.8), fill=band)
            d.rectangle((x + bw * 0.15, shelf_y - bh * 0.25, x + bw * 0.85, shelf_y - bh * 0.2), fill=band)
            x += bw + w * rng.uniform(0.002, 0.006)
        d.rectangle((w * 0.03, shelf_y, w * 0.97, shelf_y + h * 0.03), fill=p.ink)


_MOTIF_FUNCS: dict[str, Callable[[Image.Image, ImageDraw.ImageDraw, _Palette, random.Random], None]] = {
    "skyline": _skyline,
    "harbour": _harbour,
    "field": _field,
    "chart": _chart,
    "stadium": _stadium,
    "circuit": _circuit,
    "waves": _waves,
    "mountains": _mountains,
    "crowd": _crowd,
    "books": _books,
}

MOTIFS: tuple[str, ...] = tuple(_MOTIF_FUNCS)


# --------------------------------------------------------------------------
# Text


@lru_cache(maxsize=32)
def _font(size: int, bold: bool = True) -> ImageFont.ImageFont | ImageFont.FreeTypeFont:
    names = ("DejaVuSans-Bold.ttf", "DejaVuSans.ttf") if bold else ("DejaVuSans.ttf",)
    for name in names:
        for candidate in (name, f"/usr/share/fonts/truetype/dejavu/{name}"):
            try:
                return ImageFont.truetype(candidate, size)
            except OSError:
                continue
    try:
        return ImageFont.load_default(size=size)
    except TypeError:  # Pillow < 10.1
        return ImageFont.load_default()


def _tag(d: ImageDraw.ImageDraw, text: str, anchor_xy: tuple[float, float], right: bool, size: int, fill: RGB, ink: RGB) -> None:
    font = _font(size)
    left, top, rgt, bottom = d.textbbox((0, 0), text, font=font)
    tw, th = rgt - left, bottom - top
    pad_x, pad_y = size * 0.6, size * 0.45
    box_w, box_h = tw + 2 * pad_x, th + 2 * pad_y
    x, y = anchor_xy
    if right:
        x -= box_w
    d.rounded_rectangle((x, y, x + box_w, y + box_h), radius=box_h * 0.25, fill=fill)
    d.text((x + pad_x - left, y + pad_y - top), text, font=font, fill=ink)


# --------------------------------------------------------------------------


def _seed(spec: PictureSpec, size: tuple[int, int]) -> int:
    key = f"{spec.motif}|{spec.palette}|{spec.label}|{size[0]}x{size[1]}".encode()
    return int.from_bytes(hashlib.sha256(key).digest()[:8], "big")


def draw(spec: PictureSpec, size: tuple[int, int] = (1600, 900)) -> bytes:
    """Draw ``spec`` as a JPEG of ``size`` (width, height) and return its bytes.

    Unknown motif or palette names raise ``ValueError``.
    """
    if spec.motif not in _MOTIF_FUNCS:
        raise ValueError(f"unknown motif {spec.motif!r}; known: {', '.join(MOTIFS)}")
    if spec.palette not in _PALETTE_HEX:
        raise ValueError(f"unknown palette {spec.palette!r}; known: {', '.join(PALETTES)}")
    w, h = int(size[0]), int(size[1])
    if w < 16 or h < 16:
        raise ValueError("picture size must be at least 16x16")

    rng = random.Random(_seed(spec, (w, h)))
    palette = _Palette(spec.palette)
    img = _gradient((w, h), palette.top, palette.bottom)
    d = ImageDraw.Draw(img)
    _MOTIF_FUNCS[spec.motif](img, d, palette, rng)

    d = ImageDraw.Draw(img)
    margin = max(8, round(min(w, h) * 0.035))
    text_size = max(10, round(h * 0.032))
    if spec.label:
        label_h = text_size * 1.9
        _tag(d, spec.label, (margin, h - margin - label_h), False, text_size, palette.light, palette.ink)
    _tag(d, "DEMO", (w - margin, margin), True, max(9, round(text_size * 0.8)), palette.ink, palette.light)

    out = io.BytesIO()
    img.save(out, format="JPEG", quality=82, optimize=False, progressive=False)
    return out.getvalue()


def draw_share_card(name: str, tagline: str = "", size: tuple[int, int] = (1600, 1200)) -> bytes:
    """The edition's default share picture as a JPEG: its name on the brand colour, for stories without a picture.

    4:3 at 1600×1200 gives every crop a share card needs at 1200 px (16:9, 4:3, 1:1) without upscaling; the
    text stays inside the centre 1200×675, which all three crops keep.
    """
    w, h = int(size[0]), int(size[1])
    brand, light = _hex("#9b1c1c"), _hex("#fff6e4")  # the stylesheet's --brand, and paper
    img = _gradient((w, h), _mix(brand, (0, 0, 0), 0.15), brand)
    d = ImageDraw.Draw(img)
    safe_w = min(w, h * 16 // 9, h) * 0.9  # inside the square crop, which is the narrowest
    size_px = max(12, round(safe_w / max(8, len(name)) * 1.6))
    font = _font(size_px)
    while d.textlength(name, font=font) > safe_w and size_px > 12:
        size_px -= 4
        font = _font(size_px)
    d.text((w / 2, h / 2), name, font=font, fill=light, anchor="mm")
    rule_w = safe_w * 0.3
    d.rectangle(
        (w / 2 - rule_w / 2, h / 2 + size_px * 0.9, w / 2 + rule_w / 2, h / 2 + size_px * 0.9 + max(2, h // 200)), fill=light
    )
    if tagline:
        small = _font(max(10, round(size_px * 0.32)), bold=False)
        words, lines = tagline.split(), [""]
        for word in words:
            candidate = f"{lines[-1]} {word}".strip()
            if d.textlength(candidate, font=small) > safe_w and lines[-1]:
                lines.append(word)
            else:
                lines[-1] = candidate
        y = h / 2 + size_px * 1.5
        for line in lines[:2]:
            d.text((w / 2, y), line, font=small, fill=light, anchor="mt")
            y += small.size * 1.35
    out = io.BytesIO()
    img.save(out, format="JPEG", quality=85)
    return out.getvalue()

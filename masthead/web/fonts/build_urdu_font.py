"""Build the Urdu edition's web font from Debian's Noto Naskh Arabic (run by hand; the output is committed).

    apt-get install fonts-noto-core          # /usr/share/fonts/truetype/noto/NotoNaskhArabic-Regular.ttf
    .venv/bin/python -m masthead.web.fonts.build_urdu_font [--source TTF] [--check]

Writes masthead/web/static/web/fonts/NotoNaskhArabic-Urdu.woff2 and OFL.txt beside it, and prints the
size. `--check` writes nothing and fails when the committed file differs from what the source gives now.
CI never runs this: the WOFF2 is a committed file, so a machine without the fonts serves the same bytes.

Why Naskh and not Nastaliq: subset to the same characters, Noto Nastaliq Urdu is about 95 KB of WOFF2
(Nastaliq's cascading joins need some 850 glyphs and their cursive attachment), Noto Naskh Arabic about
16 KB: the article page's budget (25 KB on the wire at 390 px, issue #11) has no room for Nastaliq.
Naskh is what Android, the phones most Pakistani readers hold, draws Urdu with (as "Noto Naskh Arabic
UI"), so the stylesheet names it with local() first and most readers download nothing at all.

What is kept: the letters Urdu writes (and the Arabic letters that turn up in quotations and in text typed
on Arabic keyboards: ي ك ه ة), Urdu and Arabic-Indic digits, Urdu punctuation, the diacritics (zabar,
zer, pesh, tashdid, jazm, tanwin, khari zabar, hamza above, noon ghunna, the honorific marks), ZWNJ/ZWJ
and the bidi marks, space and no-break space. Latin is left out: Latin words in Urdu text are drawn by the
page's own Latin font, which also keeps the face off English text (the @font-face's unicode-range says the
same). ﷺ (U+FDFA) is left out too: one glyph of 1.5 KB; the system font draws it. Hinting is dropped
(6.5 KB; phones ignore it), and so are the layout features Urdu body text does not use (dlig, aalt, tnum).
"""

from __future__ import annotations

import argparse
import io
import re
import sys
from pathlib import Path

DEBIAN_FONT = Path("/usr/share/fonts/truetype/noto/NotoNaskhArabic-Regular.ttf")
DEBIAN_COPYRIGHT = Path("/usr/share/doc/fonts-noto-core/copyright")
STATIC_FONTS = Path(__file__).resolve().parents[1] / "static" / "web" / "fonts"
WOFF2_NAME = "NotoNaskhArabic-Urdu.woff2"

# Arabic shaping: joining forms, the required lam-alef ligature, composition, Urdu's own digit and letter
# forms (locl), mark placement; kern/curs/calt where the font has them.
LAYOUT_FEATURES = ["ccmp", "locl", "isol", "init", "medi", "fina", "rlig", "liga", "calt", "mark", "mkmk", "curs", "kern"]


def _span(first: int, last: int) -> list[int]:
    return list(range(first, last + 1))


URDU_CODEPOINTS: list[int] = sorted(
    set(
        _span(0x0621, 0x063A)  # hamza … ghain (Arabic letters Urdu shares, with ة ي ى ك ه for quoted Arabic)
        + _span(0x0640, 0x0658)  # tatweel, feh … yeh, the harakat, hamza above/below, khari zer, ulta pesh, noon ghunna
        + [0x0670]  # khari zabar (superscript alef)
        + [0x0679, 0x067E, 0x0686, 0x0688, 0x0691, 0x0698]  # ٹ پ چ ڈ ڑ ژ
        + [0x06A9, 0x06AF, 0x06BA, 0x06BE, 0x06C0, 0x06C1, 0x06C2, 0x06C3, 0x06CC, 0x06D2, 0x06D3]  # ک گ ں ھ ۀ ہ ۂ ۃ ی ے ۓ
        + _span(0x06F0, 0x06F9)  # Urdu digits ۰–۹ (Urdu shapes of ۴ ۶ ۷ through locl)
        + _span(0x0660, 0x066D)  # Arabic-Indic digits ٠–٩, ٪ ٫ ٬ ٭
        + [0x060C, 0x060D, 0x061B, 0x061F, 0x06D4]  # ، ؍ ؛ ؟ ۔
        + _span(0x0610, 0x0615)  # honorific marks (ؐ ؑ ؒ ؓ ؔ ؕ)
        + [0x0020, 0x00A0, 0x200C, 0x200D, 0x200E, 0x200F]  # spaces, ZWNJ, ZWJ, LRM, RLM
    )
)


def subset_font(source: Path) -> bytes:
    """The WOFF2 bytes of `source` cut down to Urdu."""
    from fontTools import subset
    from fontTools.ttLib import TTFont

    options = subset.Options()
    options.flavor = "woff2"
    options.layout_features = LAYOUT_FEATURES
    options.name_IDs = [0, 1, 2, 3, 4, 5, 6, 13, 14]  # copyright, names, version, licence and its URL (OFL 2)
    options.notdef_outline = True
    options.hinting = False
    font = TTFont(source, recalcTimestamp=False)  # reproducible bytes: keep head.modified as the source has it
    subsetter = subset.Subsetter(options)
    subsetter.populate(unicodes=[cp for cp in URDU_CODEPOINTS if cp in font.getBestCmap()])
    subsetter.subset(font)
    out = io.BytesIO()
    font.flavor = "woff2"
    font.save(out, reorderTables=False)
    return out.getvalue()


def licence_text(font_copyright: str, debian_copyright: str) -> str:
    """The OFL 1.1, as Debian ships it in the package's copyright file, under the font's own notice."""
    match = re.search(r"^License: OFL-1\.1\n((?: .*\n)+)", debian_copyright, re.MULTILINE)
    if match is None:
        raise SystemExit(f"{DEBIAN_COPYRIGHT}: no OFL-1.1 licence paragraph found")
    body = "\n".join("" if line.strip() == "." else line[1:] for line in match.group(1).splitlines())
    return (
        f"{WOFF2_NAME}: Noto Naskh Arabic, subset to Urdu by masthead/web/fonts/build_urdu_font.py.\n"
        f"{font_copyright}\n"
        "Licensed under the SIL Open Font License, Version 1.1 (no Reserved Font Name).\n\n"
        f"SIL OPEN FONT LICENSE Version 1.1\n\n{body}\n"
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--source", type=Path, default=DEBIAN_FONT, help="the Noto Naskh Arabic TTF to subset")
    parser.add_argument("--check", action="store_true", help="write nothing; fail if the committed font differs")
    args = parser.parse_args(argv)
    if not args.source.exists():
        raise SystemExit(f"{args.source} is missing: apt-get install fonts-noto-core")

    from fontTools.ttLib import TTFont

    woff2 = subset_font(args.source)
    target = STATIC_FONTS / WOFF2_NAME
    if args.check:
        same = target.exists() and target.read_bytes() == woff2
        print(f"{target}: {'up to date' if same else 'differs from ' + str(args.source)}")
        return 0 if same else 1
    copyright_notice = TTFont(args.source)["name"].getDebugName(0) or "Copyright Google LLC."
    STATIC_FONTS.mkdir(parents=True, exist_ok=True)
    target.write_bytes(woff2)
    (STATIC_FONTS / "OFL.txt").write_text(licence_text(copyright_notice, DEBIAN_COPYRIGHT.read_text()))
    print(f"{target}: {len(woff2):,} bytes, {len(URDU_CODEPOINTS)} characters asked for")
    return 0


if __name__ == "__main__":
    sys.exit(main())

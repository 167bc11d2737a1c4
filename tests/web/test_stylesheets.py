"""Reader stylesheets lay out right-to-left editions mirrored: logical properties only, never left or right."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from masthead.web.lite import LITE_STYLE

PACKAGE = Path(__file__).resolve().parents[2] / "masthead"
# Every stylesheet a reader's page links (the admin's own CSS lives in templates, not under static/).
READER_STYLESHEETS = sorted(PACKAGE.glob("*/static/**/*.css"))

COMMENT = re.compile(r"/\*.*?\*/", re.DOTALL)
DECLARATION = re.compile(r"([a-z-]+)\s*:\s*([^;{}]*)")
# A property whose name says a side (margin-left, border-top-right-radius, left…) or a value that does
# (text-align: right, float: left, clear, background-position…). `inset-inline-start`, `text-align: start`
# and `margin-inline-end` say where a line starts or ends, which follows the text's direction.
PHYSICAL_WORD = re.compile(r"(?<![\w-])(left|right)(?![\w-])")


def physical_declarations(css: str) -> list[str]:
    """The declarations of `css` that name a physical left or right side."""
    found = []
    for name, value in DECLARATION.findall(COMMENT.sub("", css)):
        if PHYSICAL_WORD.search(name.replace("-", " ")) or PHYSICAL_WORD.search(value):
            found.append(f"{name}: {value.strip()}")
    return found


@pytest.mark.parametrize(
    "css",
    [
        ".a { margin-left: 1rem; }",
        ".a{padding-right:0}",
        ".skip-link { position: absolute; left: -999px; }",
        ".a { text-align: right }",
        ".a { float: left; }",
        ".a { border-top-left-radius: 2px }",
        ".a { background: url(x.png) no-repeat right top }",
    ],
)
def test_physical_sides_are_found(css):
    assert physical_declarations(css), css


@pytest.mark.parametrize(
    "css",
    [
        ".a { margin-inline-start: 1rem; padding-inline: 0 .5rem; }",
        ".a { inset-inline-start: 0; text-align: start; border-inline-end: 1px solid }",
        "/* left: a comment is not a rule */ .a { color: red }",
        ".a { content: 'copyright'; font: 700 1rem/1 var(--sans) }",
    ],
)
def test_logical_sides_pass(css):
    assert physical_declarations(css) == []


def test_there_are_reader_stylesheets_to_check():
    names = {path.name for path in READER_STYLESHEETS}
    assert {"masthead.css", "live.css", "urdu.css"} <= names


@pytest.mark.parametrize("path", READER_STYLESHEETS, ids=lambda path: str(path.relative_to(PACKAGE)))
def test_reader_stylesheets_use_logical_properties(path):
    assert physical_declarations(path.read_text()) == []


def test_the_lite_style_uses_logical_properties():
    from masthead.web.lite import LITE_STYLES

    for style in (LITE_STYLE, *LITE_STYLES.values()):
        assert physical_declarations(style) == []


def test_the_skip_link_is_hidden_without_leaving_the_page():
    """Moved 999px off to the left, it widened right-to-left pages by as much (1,389 px at 390)."""
    css = COMMENT.sub("", (PACKAGE / "web/static/web/masthead.css").read_text())
    hidden = re.search(r"\.skip-link:not\(:focus\)\s*\{([^}]*)\}", css)
    assert hidden is not None and "clip-path: inset(50%)" in hidden.group(1)
    assert "-999px" not in css

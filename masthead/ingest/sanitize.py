"""The one allow-list wire copy passes before anything stores or renders it.

Agency and web HTML is untrusted: scripts, event handlers, ``javascript:``
links, styles and frames are removed by nh3 (the Rust ``ammonia``
sanitiser), keeping only what an article body may hold in Masthead's rich
text (paragraphs, emphasis, links, lists, sub-headings). Everything is
reduced to a list of block-level HTML strings, which is what
``StoryDraft.paragraphs`` takes.
"""

from __future__ import annotations

import html as html_lib
import re

import nh3

BLOCK_TAGS = frozenset({"p", "h2", "h3", "ul", "ol", "blockquote"})
INLINE_TAGS = frozenset({"a", "b", "strong", "i", "em", "br", "li"})
ALLOWED_TAGS = BLOCK_TAGS | INLINE_TAGS
# Removed with everything inside them, not just unwrapped.
DROPPED_WITH_CONTENT = frozenset(
    {
        "script",
        "style",
        "iframe",
        "object",
        "embed",
        "template",
        "noscript",
        "svg",
        "math",
        "head",
        "title",
        "form",
        "button",
        "select",
        "textarea",
    }
)
ALLOWED_ATTRIBUTES = {"a": {"href"}}
URL_SCHEMES = frozenset({"http", "https", "mailto"})
LINK_REL = "noopener noreferrer nofollow"

_WHITESPACE = re.compile(r"\s+")
_HEADINGS = re.compile(r"<(/?)h[1456]\b", re.IGNORECASE)


def clean_html(html: str) -> str:
    """An HTML fragment with only the allowed tags and attributes; ``h1``/``h4``–``h6`` become ``h3``."""
    html = _HEADINGS.sub(lambda m: f"<{m.group(1)}h3", html or "")
    return nh3.clean(
        html,
        tags=set(ALLOWED_TAGS),
        clean_content_tags=set(DROPPED_WITH_CONTENT),
        attributes={tag: set(attrs) for tag, attrs in ALLOWED_ATTRIBUTES.items()},
        url_schemes=set(URL_SCHEMES),
        link_rel=LINK_REL,
        strip_comments=True,
    )


def text_of(html: str) -> str:
    """The plain text of an HTML fragment, whitespace folded."""
    stripped = nh3.clean(html or "", tags=set(), clean_content_tags=set(DROPPED_WITH_CONTENT))
    return _WHITESPACE.sub(" ", html_lib.unescape(stripped)).strip()


def paragraph(text: str) -> str:
    """A paragraph of plain text, escaped."""
    return f"<p>{html_lib.escape(_WHITESPACE.sub(' ', text).strip(), quote=False)}</p>"


def blocks(html: str) -> list[str]:
    """Split a sanitised body into block-level HTML strings: paragraphs, lists, sub-headings.

    Loose inline content between blocks is gathered into paragraphs;
    ``blockquote`` becomes a paragraph (the rich text has no quote feature);
    empty blocks are dropped.
    """
    from lxml import html as lxml_html

    cleaned = clean_html(html)
    if not cleaned.strip():
        return []
    container = lxml_html.fragment_fromstring(cleaned, create_parent="div")
    result: list[str] = []
    loose: list[str] = []

    def flush() -> None:
        text = "".join(loose).strip()
        loose.clear()
        if text and text_of(text):
            result.append(f"<p>{text}</p>")

    if container.text:
        loose.append(html_lib.escape(container.text, quote=False))
    for child in container:
        tag = child.tag if isinstance(child.tag, str) else ""
        tail = child.tail
        child.tail = None
        if tag in BLOCK_TAGS:
            flush()
            if tag == "blockquote":
                child.tag = "p"
                tag = "p"
            markup = lxml_html.tostring(child, encoding="unicode", method="html").strip()
            if text_of(markup):
                result.append(markup)
        elif tag == "br":
            flush()
        else:
            loose.append(lxml_html.tostring(child, encoding="unicode", method="html"))
        if tail:
            loose.append(html_lib.escape(tail, quote=False))
    flush()
    return result


def text_of_blocks(body_html: str) -> str:
    """The plain text of a sanitised body, one line per block (what freshness and near-duplicate checks read)."""
    return "\n".join(text_of(block) for block in blocks(body_html)) if body_html else ""


def sanitize_paragraphs(paragraphs: list[str]) -> list[str]:
    """Every paragraph through the allow-list, re-split into clean blocks."""
    out: list[str] = []
    for part in paragraphs:
        out.extend(blocks(part))
    return out

"""An entry's body: from the posting form's plain text to blocks, and from blocks to the HTML readers get.

The HTML is rendered once, when the entry is written, through the article
body's own renderer (news/rendering.py), so entries look like the story
around them and a reader's page or poll never renders a block.
"""

from __future__ import annotations

import re
from types import SimpleNamespace

from django.utils.html import escape
from wagtail.rich_text import RichText

BLANK_LINES = re.compile(r"\n\s*\n")


def paragraphs_of(text: str) -> list[str]:
    """Plain text split on blank lines; single line breaks inside a paragraph are kept."""
    text = (text or "").replace("\r\n", "\n").replace("\r", "\n")
    return [part.strip() for part in BLANK_LINES.split(text) if part.strip()]


def body_from(
    text: str = "", *, quote: str = "", attribution: str = "", picture=None, caption: str = "", embed_url: str = ""
) -> list:
    """StreamField data for an entry: its paragraphs, then the picture, quote and embed the form may add."""
    blocks: list = [("paragraph", RichText("<p>" + escape(part).replace("\n", "<br>") + "</p>")) for part in paragraphs_of(text)]
    if picture is not None:
        blocks.append(("image", {"image": picture, "caption": caption, "alt": ""}))
    if quote.strip():
        blocks.append(("quote", {"text": quote.strip(), "attribution": attribution.strip()}))
    if embed_url.strip():
        from wagtail.embeds.blocks import EmbedValue

        blocks.append(("embed", EmbedValue(embed_url.strip())))
    return blocks


def render(entry) -> None:
    """Fill in the entry's page and lite HTML from its body."""
    from masthead.news.rendering import render_body

    source = SimpleNamespace(body=entry.body, dateline="")
    entry.html = "".join(render_body(source).parts)
    entry.lite_html = "".join(render_body(source, lite=True).parts)


def text_of(entry) -> str:
    """The entry's paragraphs back as plain text, for the edit form."""
    from html import unescape

    from django.utils.html import strip_tags

    parts = []
    for block in entry.body:
        if block.block_type == "paragraph":
            parts.append(unescape(strip_tags(block.value.source.replace("<br>", "\n"))))
    return "\n\n".join(parts)

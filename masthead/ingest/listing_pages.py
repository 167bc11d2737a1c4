"""Is an HTML page an article, or a listing of articles (a front page, a section, a tag page)? Pure.

The article extractor finds *some* main text in any page, so a site's front page comes out as a "story"
headed with the site's title ("Masthead Demo News: latest news") and a body of teaser lines. A listing
is recognised before that can be filed: it says what it is in its metadata (Open Graph ``og:type`` of
``website``; schema.org JSON-LD typed ``CollectionPage``, ``ItemList``, ``WebSite``… and nothing of an
article type), and it links to many stories from headlines (teasers). A page that calls itself an article
(``og:type`` ``article``, JSON-LD ``NewsArticle`` and kin) is always read as one, however many "related
stories" it links to; and since many sites call every page ``og:type`` ``website``, that alone refuses a
page only when the body extracted from it has no paragraph of prose.
"""

from __future__ import annotations

import json
from urllib.parse import urlsplit

from lxml import html as lxml_html

from masthead.ingest.formats.base import ParseError
from masthead.ingest.formats.html import decode_html
from masthead.ingest.sanitize import text_of

ARTICLE_TYPES = frozenset(
    {
        "article",
        "newsarticle",
        "reportagenewsarticle",
        "analysisnewsarticle",
        "opinionnewsarticle",
        "backgroundnewsarticle",
        "reviewnewsarticle",
        "askpublicnewsarticle",
        "satiricalarticle",
        "blogposting",
        "liveblogposting",
        "socialmediaposting",
        "report",
        "techarticle",
        "scholarlyarticle",
    }
)
# Types only a listing has. ``WebSite`` is not one of them: sites declare it on every page, articles included.
LISTING_TYPES = frozenset({"collectionpage", "itemlist", "searchresultspage"})
# A listing that says it is one needs this many teasers; one that says nothing needs many more, since an
# untyped article page may carry a rail of related headlines.
TEASERS_WHEN_TYPED = 5
TEASERS_WHEN_UNTYPED = 15
UNTYPED_MIN_ARTICLE_ELEMENTS = 5
# A paragraph this long is prose; a teaser's standfirst is a line or two. The shortest article of the
# extraction benchmark still has one paragraph of this length.
PROSE_CHARS = 150
MAX_JSON_LD_CHARS = 200_000
MAX_JSON_LD_NODES = 2_000


def _json_ld_types(tree) -> set[str]:
    """Every schema.org @type the page's JSON-LD declares, lower-cased; bad or huge blocks are ignored."""
    types: set[str] = set()
    for script in tree.xpath('//script[@type="application/ld+json"]'):
        text = script.text or ""
        if len(text) > MAX_JSON_LD_CHARS:
            continue
        try:
            data = json.loads(text)
        except (ValueError, RecursionError):
            continue
        stack, seen = [data], 0
        while stack and seen < MAX_JSON_LD_NODES:  # a walk with a stack and a bound: no recursion, however deep
            node = stack.pop()
            seen += 1
            if isinstance(node, list):
                stack.extend(node)
            elif isinstance(node, dict):
                kind = node.get("@type")
                for name in kind if isinstance(kind, list) else [kind]:
                    if isinstance(name, str):
                        types.add(name.rsplit("/", 1)[-1].casefold())
                for key in ("@graph", "mainEntity", "mainEntityOfPage"):
                    if key in node:
                        stack.append(node[key])
    return types


def _og_type(tree) -> str:
    values = tree.xpath('//meta[@property="og:type" or @name="og:type"]/@content')
    return values[0].strip().casefold() if values else ""


def _teasers(tree) -> int:
    """Distinct pages linked from headlines: a heading's link, or the link of an <article> teaser card."""
    links = set()
    for anchor in tree.xpath("//h1//a[@href] | //h2//a[@href] | //h3//a[@href] | //h4//a[@href] | //article//a[@href]"):
        href = anchor.get("href", "").strip()
        parts = urlsplit(href)
        if not href or href.startswith(("#", "mailto:", "javascript:")) or parts.path in ("", "/"):
            continue
        links.add((parts.netloc, parts.path.rstrip("/")))
    return len(links)


def _prose_paragraphs(paragraphs: list[str]) -> int:
    """Paragraphs of the extracted body long enough to be a story's prose, not a teaser's line."""
    return sum(1 for p in paragraphs if p.lstrip().startswith("<p") and len(text_of(p)) >= PROSE_CHARS)


def listing_reason(content: bytes, paragraphs: list[str], content_type: str | None = None) -> str:
    """Why the page is a listing rather than an article, or "" when it reads as an article.

    ``paragraphs`` is the body the article reader extracted from the page: a listing's is teaser lines, with
    no paragraph of prose.
    """
    try:
        text = decode_html(content, content_type).encode("utf-8")  # decoded once, as the article reader does
        tree = lxml_html.document_fromstring(text, parser=lxml_html.HTMLParser(encoding="utf-8"))
    except (ValueError, lxml_html.etree.ParserError):
        return ""
    types = _json_ld_types(tree)
    og_type = _og_type(tree)
    if types & ARTICLE_TYPES or og_type == "article":
        return ""
    teasers = _teasers(tree)
    if teasers < TEASERS_WHEN_TYPED:
        return ""
    listing_types = sorted(types & LISTING_TYPES)
    if listing_types:
        return f"schema.org {', '.join(listing_types)}, {teasers} story links"
    if _prose_paragraphs(paragraphs):
        return ""  # a page of prose that calls itself a website: many sites say so of their articles
    if og_type == "website" or "website" in types:
        return f"og:type website, {teasers} story links, no paragraph of prose"
    teaser_cards = len(tree.xpath("//article"))
    if teasers >= TEASERS_WHEN_UNTYPED and teaser_cards >= UNTYPED_MIN_ARTICLE_ELEMENTS:
        return f"{teasers} story links in {teaser_cards} teasers, no paragraph of prose"
    return ""


def refuse_listing(content: bytes, paragraphs: list[str], content_type: str | None = None) -> None:
    """ParseError naming the evidence when the page is a listing (a front or section page), not an article."""
    reason = listing_reason(content, paragraphs, content_type)
    if reason:
        raise ParseError(f"a listing page, not an article ({reason}): ingest the stories it links to instead")

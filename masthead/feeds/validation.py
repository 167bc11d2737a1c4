"""Validating sitemaps against the published XML Schemas bundled in ``xsd/`` (no network).

The test suite checks every sitemap Masthead writes with these; an operator
can run the same check on a live site's output.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

from lxml import etree

XSD_DIR = Path(__file__).resolve().parent / "xsd"
SCHEMAS = {
    "sitemap": "sitemap.xsd",  # a urlset
    "siteindex": "siteindex.xsd",  # a sitemap index
    "news": "news-sitemap.xsd",  # a urlset with Google News elements
}


@cache
def schema(kind: str) -> etree.XMLSchema:
    parser = etree.XMLParser(no_network=True, resolve_entities=False)
    document = etree.parse(str(XSD_DIR / SCHEMAS[kind]), parser)
    return etree.XMLSchema(document)


def errors(xml: bytes, kind: str) -> list[str]:
    """Why ``xml`` is not a valid document of ``kind``; empty when it is."""
    parser = etree.XMLParser(no_network=True, resolve_entities=False)
    try:
        document = etree.fromstring(xml, parser)
    except etree.XMLSyntaxError as error:
        return [f"not well-formed XML: {error}"]
    validator = schema(kind)
    if validator.validate(document):
        return []
    return [f"line {entry.line}: {entry.message}" for entry in validator.error_log]

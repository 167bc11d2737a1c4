"""Urgency and keyword from the formats that carry them (ninjs, NewsML-G2, NITF), for the desk's sorting and filters."""

from __future__ import annotations

import json

from masthead.ingest.formats import registry

G2 = b"""<newsItem xmlns="http://iptc.org/std/nar/2006-10-01/" guid="urn:x:1" version="2">
<itemMeta><itemClass qcode="ninat:text"/><provider literal="Reuters"/></itemMeta>
<contentMeta><urgency>1</urgency><slugline>EU-SUMMIT</slugline><headline>Summit opens</headline></contentMeta>
<contentSet><inlineData>Leaders met on Sunday.</inlineData></contentSet></newsItem>"""

NITF = b"""<nitf><head><docdata><urgency ed-urg="2"/><du-key key="NU-FLASH-K" version="1"/></docdata></head>
<body><body.head><hedline><hl1>Flash</hl1></hedline></body.head><body.content><p>Text.</p></body.content></body></nitf>"""


def test_ninjs_urgency_and_slugline():
    payload = {"uri": "urn:x", "headline": "H", "body_text": "Body.", "urgency": 2, "slugline": "skien-google"}
    _, result = registry.read(json.dumps(payload).encode(), "ninjs")
    assert (result.items[0].urgency, result.items[0].keyword) == (2, "skien-google")


def test_ninjs_urgency_out_of_range_is_ignored():
    payload = {"uri": "urn:x", "headline": "H", "body_text": "Body.", "urgency": 42}
    _, result = registry.read(json.dumps(payload).encode(), "ninjs")
    assert result.items[0].urgency is None


def test_g2_urgency_and_slugline():
    _, result = registry.read(G2)
    assert (result.items[0].urgency, result.items[0].keyword) == (1, "EU-SUMMIT")


def test_nitf_urgency_and_key():
    _, result = registry.read(NITF)
    assert (result.items[0].urgency, result.items[0].keyword) == (2, "NU-FLASH-K")

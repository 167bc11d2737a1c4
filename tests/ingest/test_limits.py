"""Size limits on what one item may bring in: headline, summary and body, checked before the costly work.

An oversized item is rejected on its own, saying which limit and what size; the other items of the same payload
still come in, and the raw payload is kept as for any rejected item.
"""

from __future__ import annotations

import io
import json
import os
import re
import subprocess
import sys
import time
import tracemalloc

from masthead.ingest import config, pipeline
from masthead.ingest.commands import run_ingest
from masthead.ingest.formats import registry
from masthead.ingest.formats.base import ItemLimits
from masthead.ingest.models import WireItem, WirePayload
from masthead.news.models import ArticlePage

PARAGRAPH = "GOMEL, Belarus (Reuters) - Delegations from both sides met on Monday and agreed to meet again next week. "


def body_of(chars: int) -> str:
    """Plain paragraphs separated by blank lines, ``chars`` characters long."""
    return ((PARAGRAPH + "\n\n") * (chars // len(PARAGRAPH) + 1))[: chars - 1] + "."


def ninjs_item(uri: str, headline: str = "Talks begin in Gomel", body: str | None = None, **extra) -> dict:
    return {
        "uri": uri,
        "version": "1",
        "versioncreated": "2023-05-28T09:00:00Z",
        "headline": headline,
        "body_text": body if body is not None else body_of(400),
        **extra,
    }


def pasted_text(body: str, headline: str = "Russia ready for talks with Ukraine in Belarus: Report") -> bytes:
    return f"MM News\nSunday 28th May 2023 / 8 Zulkaedah 1444\n{headline}\n\n{body}\n".encode()


def test_the_defaults_are_a_title_column_and_the_longest_long_read(settings):
    assert (settings.INGEST_MAX_HEADLINE_CHARS, settings.INGEST_MAX_BODY_CHARS) == (255, 200_000)
    assert config.item_limits() == ItemLimits(255, 200_000)


def test_the_limits_come_from_the_environment():
    env = {k: v for k, v in os.environ.items() if k != "DATABASE_URL"}
    env.update(
        DJANGO_SETTINGS_MODULE="masthead.config.settings",
        SECRET_KEY="x" * 50,
        MASTHEAD_INGEST_MAX_HEADLINE_CHARS="120",
        MASTHEAD_INGEST_MAX_BODY_CHARS="5000",
    )
    script = "from django.conf import settings; print(settings.INGEST_MAX_HEADLINE_CHARS, settings.INGEST_MAX_BODY_CHARS)"
    result = subprocess.run([sys.executable, "-c", script], env=env, capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["120", "5000"]


def test_an_oversized_item_is_rejected_alone_and_the_rest_of_the_feed_comes_in(edition):
    items = [
        ninjs_item("urn:x:huge", headline="A huge body", body=body_of(300_000)),
        ninjs_item("urn:x:long-headline", headline="Long " * 80 + "headline"),
        ninjs_item("urn:x:long-summary", headline="A long summary", description_text="s" * 200_001),
        ninjs_item("urn:x:fine", headline="Talks begin in Gomel"),
    ]
    payload = json.dumps(items).encode()
    report = pipeline.ingest_payload(payload, source="Agency", publish=True)

    assert report.error == ""
    kinds = {outcome.item.external_id: (outcome.kind, outcome.reason) for outcome in report.outcomes}
    body_size = len(items[0]["body_text"])
    assert kinds["urn:x:huge"] == ("rejected", f"body too long: {body_size:,} characters, the limit is 200,000")
    assert kinds["urn:x:long-headline"] == ("rejected", "headline too long: 408 characters, the limit is 255")
    assert kinds["urn:x:long-summary"] == ("rejected", "summary too long: 200,001 characters, the limit is 200,000")
    assert kinds["urn:x:fine"][0] == "new"

    fine = WireItem.objects.get(external_id="urn:x:fine")
    assert fine.status == "published" and fine.article is not None
    huge = WireItem.objects.get(external_id="urn:x:huge")
    assert (huge.status, huge.body_html, huge.headline, huge.article) == ("rejected", "", "A huge body", None)
    assert huge.error.startswith("body too long")
    long_headline = WireItem.objects.get(external_id="urn:x:long-headline")
    assert long_headline.status == "rejected" and len(long_headline.headline) == 255
    assert WireItem.objects.get(external_id="urn:x:long-summary").summary == ""
    assert ArticlePage.objects.count() == 1
    # The bytes as received are kept, whole, for the desk to look at.
    assert bytes(huge.payload.content) == payload and not huge.payload.truncated


def test_an_oversized_new_version_does_not_replace_the_version_held(edition):
    first = pipeline.ingest_payload(json.dumps(ninjs_item("urn:x:talks")).encode(), source="Agency")
    held = first.outcomes[0].item
    bigger = ninjs_item("urn:x:talks", body=body_of(250_000), version="2")
    report = pipeline.ingest_payload(json.dumps(bigger).encode(), source="Agency")
    outcome = report.outcomes[0]
    assert outcome.kind == "rejected" and "new version refused, body too long" in outcome.message
    assert "the version held is kept" in outcome.message
    item = WireItem.objects.get(pk=held.pk)
    assert (item.status, item.revision, item.body_html, item.error) == ("new", 1, held.body_html, "")


def test_a_kill_with_an_oversized_body_still_kills(edition):
    pipeline.ingest_payload(json.dumps(ninjs_item("urn:x:talks")).encode(), source="Agency")
    kill = ninjs_item("urn:x:talks", body=body_of(250_000), version="2", pubstatus="canceled")
    report = pipeline.ingest_payload(json.dumps(kill).encode(), source="Agency")
    assert report.outcomes[0].kind == "killed"
    assert WireItem.objects.get(external_id="urn:x:talks").status == "killed"


def test_the_limits_are_settings(edition, settings):
    settings.INGEST_MAX_BODY_CHARS = 1_000
    settings.INGEST_MAX_HEADLINE_CHARS = 30
    payload = json.dumps(
        [
            ninjs_item("urn:x:a", body=body_of(1_500)),
            ninjs_item("urn:x:b", headline="H" * 31),
            ninjs_item("urn:x:c", body=body_of(900)),
        ]
    ).encode()
    report = pipeline.ingest_payload(payload, source="Agency")
    reasons = [outcome.reason for outcome in report.outcomes]
    assert reasons[0].startswith("body too long") and reasons[0].endswith("the limit is 1,000")
    assert reasons[1] == "headline too long: 31 characters, the limit is 30"
    assert report.outcomes[2].kind == "new"


def test_every_format_is_limited_after_parsing_too(edition, settings):
    """RSS bodies come out of a parsed tree: the registry checks each item before anything is sanitised."""
    settings.INGEST_MAX_BODY_CHARS = 2_000
    long_body = "<p>" + "Delegations met in Gomel on Monday. " * 100 + "</p>"
    feed = f"""<?xml version="1.0"?><rss version="2.0"><channel><title>Wire</title><link>https://example.org/</link>
    <description>d</description>
    <item><title>Long one</title><link>https://example.org/1</link><guid>https://example.org/1</guid>
      <description><![CDATA[{long_body}]]></description></item>
    <item><title>Short one</title><link>https://example.org/2</link><guid>https://example.org/2</guid>
      <description>Delegations met in Gomel on Monday and agreed to meet again.</description></item>
    </channel></rss>""".encode()
    report = pipeline.ingest_payload(feed, source="Feed")
    by_headline = {outcome.item.headline: outcome for outcome in report.outcomes}
    assert by_headline["Long one"].kind == "rejected" and "body too long" in by_headline["Long one"].reason
    assert by_headline["Short one"].kind == "new"


def test_a_pasted_text_of_two_million_characters_is_rejected_not_published(edition):
    payload = pasted_text(body_of(2_000_000))
    started = time.monotonic()
    report = pipeline.ingest_payload(payload, publish=True)
    elapsed = time.monotonic() - started
    (outcome,) = report.outcomes
    assert outcome.kind == "rejected"
    size = re.fullmatch(r"body too long: ([\d,]+) characters, the limit is 200,000", outcome.reason)
    assert size and 1_950_000 < int(size.group(1).replace(",", "")) <= 2_000_003, outcome.reason  # lines' end spaces aside
    assert outcome.item.headline == "Russia ready for talks with Ukraine in Belarus: Report"
    assert not ArticlePage.objects.exists()
    assert WirePayload.objects.get().size == len(payload)
    assert elapsed < 10, f"refusing the paste took {elapsed:.1f} s"


def test_a_pasted_text_under_the_limit_still_reads(edition):
    report = pipeline.ingest_payload(pasted_text(body_of(150_000)), publish=True)
    assert report.outcomes[0].kind == "new" and ArticlePage.objects.count() == 1


def test_the_parsers_refuse_before_splitting_the_body():
    """The pure parsers, with limits: the oversized body never becomes paragraphs."""
    limits = ItemLimits(headline_chars=255, body_chars=10_000)
    _, result = registry.read(json.dumps(ninjs_item("urn:x:a", body=body_of(20_000))).encode(), "ninjs", limits=limits)
    assert result.items[0].paragraphs == [] and result.items[0].too_large.startswith("body too long: 20,000 characters")
    _, result = registry.read(pasted_text(body_of(20_000)), "text", limits=limits)
    assert result.items[0].paragraphs == [] and "the limit is 10,000" in result.items[0].error
    _, result = registry.read(pasted_text(body_of(20_000)), "text", limits=None)
    assert result.items[0].error == "" and len(result.items[0].paragraphs) > 100


def test_masthead_ingest_reports_each_oversized_item_with_its_limit_and_size(edition, tmp_path):
    (tmp_path / "pasted.txt").write_bytes(pasted_text(body_of(2_000_000)))
    (tmp_path / "wire.json").write_bytes(
        json.dumps(
            [
                ninjs_item("urn:x:huge", headline="Huge ninjs", body=body_of(5_000_000)),
                ninjs_item("urn:x:fine", headline="Talks begin in Gomel"),
            ]
        ).encode()
    )
    out, err = io.StringIO(), io.StringIO()
    code = run_ingest([str(tmp_path)], source_name="Desk", publish=True, out=out, err=err)
    text = out.getvalue()
    assert code == 0, text + err.getvalue()
    assert "rejected  “Huge ninjs”: body too long: 5,000,000 characters, the limit is 200,000" in text
    assert "rejected  “Russia ready for talks with Ukraine in Belarus: Report”: body too long: 1,9" in text
    assert "1 new" in text and "2 rejected" in text and "1 published" in text
    assert WireItem.objects.get(external_id="urn:x:fine").status == "published"
    assert WirePayload.objects.count() == 2


PEAK_LIMIT = 40 * 1024 * 1024  # before the limits: 115 MB for this 5 MB body (a 5 MB HTML body: 164 MB)


def test_a_five_megabyte_ninjs_body_costs_little_memory(edition):
    payload = json.dumps(ninjs_item("urn:x:huge", headline="Huge", body=body_of(5_000_000))).encode()
    pipeline.ingest_payload(json.dumps(ninjs_item("urn:x:warm")).encode())  # first-use imports and caches
    tracemalloc.start()
    try:
        report = pipeline.ingest_payload(payload)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert report.outcomes[0].kind == "rejected"
    assert peak < PEAK_LIMIT, f"peak {peak / 1e6:.1f} MB for a {len(payload) / 1e6:.1f} MB payload"

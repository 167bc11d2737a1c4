"""The ingest write path end to end: the seed page, idempotency, versions, kills, embargoes, clusters, bad input."""

from __future__ import annotations

import json
from datetime import timedelta

import pytest
from django.utils import timezone
from wagtail.models import PageLogEntry, Revision

from masthead.ingest import desk_actions, pipeline
from masthead.ingest.models import LearnedChrome, WireCluster, WireItem, WireItemVersion, WirePayload, WireSource
from masthead.news.models import Agency, ArticlePage

from .test_dedup import AFP, OTHER, REUTERS


def ninjs(uri="urn:example:talks", version="1", headline="Talks begin in Gomel", body=None, **extra) -> bytes:
    doc = {
        "uri": uri,
        "version": version,
        "versioncreated": "2023-05-28T09:00:00Z",
        "headline": headline,
        "body_text": body
        or "GOMEL, Belarus (Reuters) - Delegations from both sides met on Monday.\n\nThey will meet again next week.",
        **extra,
    }
    return json.dumps(doc).encode()


def story_body(story) -> str:
    return "".join(block.value.source for block in story.body)


def test_the_seed_page_becomes_a_published_stale_interfax_story(client, edition, seed_bytes):
    report = pipeline.ingest_payload(seed_bytes, origin="000_7c085cc8e503c361.txt", publish=True)
    assert report.error == "" and report.format == "text"
    outcome = report.outcomes[0]
    assert outcome.kind == "new" and outcome.stale and outcome.story_published
    item = outcome.item
    assert item.source.name == "MM News"
    assert item.agency.name == "Interfax" and item.agency_credit == "Ifax"
    assert Agency.objects.get(name="Interfax").aliases.filter(alias="Ifax").exists()
    assert item.stale and "February 2022" in item.stale_reason and item.copy_date.isoformat() == "2022-02-27"
    assert item.status == "published" and bytes(item.payload.content) == seed_bytes

    story = ArticlePage.objects.get(pk=item.article_id)
    assert story.live and story.section.slug == "world"
    assert story.title == "Russia ready for talks with Ukraine in Belarus: Report" and story.dateline == "Moscow"
    html = client.get(story.get_url()).content.decode()
    body = html[html.index('<div class="story__body">') : html.index('<footer class="story__foot">')]
    assert "<h1>Russia ready for talks with Ukraine in Belarus: Report</h1>" in html
    assert '<span class="dateline">MOSCOW:</span> A Russian delegation' in body
    assert "Interfax" in html
    for chrome in ("Download MM News", "Back to top", "Exit mobile version", "Read more: Ukraine"):
        assert chrome not in body


def test_ingesting_the_seed_again_changes_nothing(edition, seed_bytes):
    pipeline.ingest_payload(seed_bytes, publish=True)
    before = (
        WireItem.objects.count(),
        WireItemVersion.objects.count(),
        WirePayload.objects.count(),
        ArticlePage.objects.count(),
        Revision.objects.count(),
    )
    stamp = WireItem.objects.get().updated_at
    report = pipeline.ingest_payload(seed_bytes, publish=True)
    assert [o.kind for o in report.outcomes] == ["duplicate"]
    after = (
        WireItem.objects.count(),
        WireItemVersion.objects.count(),
        WirePayload.objects.count(),
        ArticlePage.objects.count(),
        Revision.objects.count(),
    )
    assert after == before
    assert WireItem.objects.get().updated_at == stamp


def test_the_existing_agency_is_used_through_its_alias(edition, interfax, seed_bytes):
    item = pipeline.ingest_payload(seed_bytes).outcomes[0].item
    assert item.agency == interfax and Agency.objects.count() == 1
    assert item.status == "new" and item.article is None


def test_read_more_links_the_story_when_it_is_in_the_archive(edition, make_story, seed_bytes):
    earlier = make_story(title="Ukraine: India's Russia stance worries US")
    item = pipeline.ingest_payload(seed_bytes, publish=True).outcomes[0].item
    assert item.related_article_id == earlier.pk
    assert ArticlePage.objects.get(pk=item.article_id).related_article_id == earlier.pk


def test_a_newer_version_updates_the_item_and_flags_its_story(edition):
    first = pipeline.ingest_payload(ninjs(), source="Reuters wire", publish=True).outcomes[0]
    assert first.kind == "new" and first.story_published
    assert pipeline.ingest_payload(ninjs(), source="Reuters wire").outcomes[0].kind == "duplicate"
    second = pipeline.ingest_payload(
        ninjs(version="2", headline="Talks begin in Gomel, Ukrainians arrive"), source="Reuters wire"
    ).outcomes[0]
    assert second.kind == "updated"
    item = WireItem.objects.get()
    assert (item.version, item.revision, item.headline) == (2, 2, "Talks begin in Gomel, Ukrainians arrive")
    assert item.needs_review and "Version 2" in item.review_note
    assert item.status == "published"
    assert list(item.versions.values_list("revision", "version")) == [(2, 2), (1, 1)]
    assert PageLogEntry.objects.filter(page_id=item.article_id, action="masthead.wire_update").exists()
    older = pipeline.ingest_payload(ninjs(version="1", headline="Old"), source="Reuters wire").outcomes[0]
    assert older.kind == "duplicate" and "older" in older.message
    assert WireItem.objects.get().headline == "Talks begin in Gomel, Ukrainians arrive"


def test_an_agency_kill_unpublishes_the_story(edition):
    story = pipeline.ingest_payload(ninjs(), source="Reuters wire", publish=True).outcomes[0].story
    assert story.live
    outcome = pipeline.ingest_payload(ninjs(version="2", pubstatus="canceled"), source="Reuters wire").outcomes[0]
    assert outcome.kind == "killed" and "unpublished" in outcome.message
    story.refresh_from_db()
    item = WireItem.objects.get()
    assert not story.live
    assert item.status == "killed" and item.killed_at and "unpublished" in item.kill_note
    assert PageLogEntry.objects.filter(page_id=story.pk, action="masthead.wire_kill").exists()
    with pytest.raises(desk_actions.DeskError, match="withdrew"):
        desk_actions.create_story_from_item(item)


def test_a_kill_for_an_unseen_item_is_kept_as_killed(edition):
    outcome = pipeline.ingest_payload(ninjs(pubstatus="canceled"), source="Reuters wire", publish=True).outcomes[0]
    assert outcome.kind == "killed" and outcome.item.status == "killed" and outcome.item.article is None


def test_an_embargo_holds_the_item_until_its_time(edition):
    later = (timezone.now() + timedelta(hours=2)).strftime("%Y-%m-%dT%H:%M:%SZ")
    outcome = pipeline.ingest_payload(ninjs(embargoed=later), source="Reuters wire", publish=True).outcomes[0]
    item = outcome.item
    assert outcome.held and item.status == "held" and item.article is None
    assert item.publish_section == edition.sections["world"]
    with pytest.raises(desk_actions.DeskError, match="embargoed until"):
        desk_actions.create_story_from_item(item)
    assert desk_actions.release_embargoed() == []
    WireItem.objects.filter(pk=item.pk).update(embargo_until=timezone.now() - timedelta(minutes=1))
    assert len(desk_actions.release_embargoed()) == 1
    item.refresh_from_db()
    assert item.status == "published" and item.article.live


def test_near_duplicates_from_different_agencies_share_a_cluster(edition):
    a = pipeline.ingest_payload(
        ninjs(uri="urn:reuters:1", headline="Talks begin", body=REUTERS), source="Reuters wire", publish=True
    ).outcomes[0]
    b = pipeline.ingest_payload(
        ninjs(uri="urn:afp:1", headline="Talks open", body=AFP), source="AFP wire", publish=True
    ).outcomes[0]
    c = pipeline.ingest_payload(ninjs(uri="urn:afp:2", headline="Cricket", body=OTHER), source="AFP wire").outcomes[0]
    assert a.item.cluster_id == b.item.cluster_id != c.item.cluster_id
    assert b.clustered and not a.clustered
    assert a.story_published and b.story is None and "near-duplicate" in b.message
    assert WireCluster.objects.get(pk=a.item.cluster_id).lead_id == b.item.pk


def test_bodiless_items_are_kept_as_rejected_with_their_payload(edition):
    outcome = pipeline.ingest_payload(
        json.dumps({"uri": "urn:empty", "headline": "Only a headline"}).encode(), source="Wire"
    ).outcomes[0]
    assert outcome.kind == "rejected" and "no body" in outcome.message
    assert outcome.item.status == "rejected" and outcome.item.payload is not None


@pytest.mark.parametrize(
    ("payload", "message"),
    [
        (b'<rss version="2.0">\n</rss', "not a readable feed"),
        (b"\x00\x01binary", "unknown format"),
        (
            b'<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a SYSTEM "file:///etc/passwd">]><rss><channel><title>&a;</title></channel></rss>',
            "entity declarations",
        ),
    ],
)
def test_unreadable_payloads_are_kept_with_the_reason(db, payload, message):
    report = pipeline.ingest_payload(payload, origin="bad.xml")
    assert message in report.error
    stored = WirePayload.objects.get()
    assert bytes(stored.content) == payload and message in stored.error


def test_oversized_payloads_are_refused_and_their_head_kept(db, settings):
    settings.INGEST_MAX_PAYLOAD_BYTES = 1000
    report = pipeline.ingest_payload(b"MM News\n" + b"x" * 5000, origin="big.txt")
    assert "too large" in report.error
    stored = WirePayload.objects.get()
    assert stored.truncated and stored.size == 5008


def test_bodies_are_stored_sanitised(edition):
    doc = {
        "uri": "urn:xss",
        "headline": "Hi",
        "body_html": '<p onmouseover="x()">Text<script>alert(1)</script><a href="javascript:x()">l</a></p>',
    }
    item = pipeline.ingest_payload(json.dumps(doc).encode(), source="Wire").outcomes[0].item
    assert "script" not in item.body_html and "onmouseover" not in item.body_html and "javascript" not in item.body_html


def test_a_dry_run_writes_nothing(edition, seed_bytes):
    report = pipeline.ingest_payload(seed_bytes, publish=True, dry_run=True)
    assert report.outcomes[0].kind == "new" and "would be published" in report.outcomes[0].message
    assert not WireItem.objects.exists() and not WirePayload.objects.exists() and not WireSource.objects.exists()
    assert not ArticlePage.objects.exists() and not Agency.objects.exists()


def test_lines_recurring_across_a_sources_items_are_learned_as_chrome(edition):
    chrome = "Subscribe to the Karachi Gazette morning briefing"
    for number in range(3):
        body = f"Story number {number} about the harbour and its {number} cranes.\n\n{chrome}"
        pipeline.ingest_payload(ninjs(uri=f"urn:{number}", headline=f"Story {number}", body=body), source="Gazette")
    assert LearnedChrome.objects.get(sample=chrome).items_seen == 3
    item = (
        pipeline.ingest_payload(
            ninjs(uri="urn:4", headline="Story 4", body=f"A new story about trains.\n\n{chrome}"), source="Gazette"
        )
        .outcomes[0]
        .item
    )
    assert chrome not in item.body_html and "trains" in item.body_html


def test_a_source_with_an_auto_publish_section_publishes_by_itself(edition):
    WireSource.objects.create(name="APP wire", auto_publish_section=edition.sections["pakistan"])
    outcome = pipeline.ingest_payload(ninjs(), source="APP wire").outcomes[0]
    assert outcome.story_published and outcome.story.section_id == edition.sections["pakistan"].pk


def test_schema_validation_rejects_nonconforming_ninjs(edition, with_schemas, shared_data):
    bad = (shared_data / "wire-samples/ninjs/iptc-test-suite/2.0/should_fail/001_bad_toplevel.json").read_bytes()
    report = pipeline.ingest_payload(bad, source="Wire")
    assert report.error.startswith("not valid ninjs") and "random" in report.error


def test_the_agencys_desk_signals_and_picture_are_stored_on_the_item(edition):
    story = pipeline.ingest_payload(ninjs(urgency=1, slugline="Gomel-Talks"), source="Wire").outcomes[0].item
    assert (story.urgency, story.keyword, story.kind, story.picture_href) == (1, "Gomel-Talks", "text", "")
    picture = {
        "uri": "urn:wire:picture:1",
        "type": "picture",
        "headline": "Delegates arrive in Gomel",
        "byline": "Ivan Petrov",
        "copyrightholder": "Reuters",
        "description_text": "Delegates arrive for the talks in Gomel, Belarus, on Monday.",
        "renditions": {"baseImage": {"href": "https://pictures.example.org/gomel.jpg", "width": 2048, "height": 1365}},
    }
    item = pipeline.ingest_payload(json.dumps(picture).encode(), source="Wire").outcomes[0].item
    item.refresh_from_db()
    assert (item.kind, item.picture_href) == (WireItem.Kind.PICTURE, "https://pictures.example.org/gomel.jpg")
    assert item.picture_caption.startswith("Delegates arrive for the talks") and "Ivan Petrov" in item.picture_credit
    assert item.picture_id is None  # the library's copy comes when the desk adds it


def test_a_credit_naming_no_agency_is_kept_for_the_desk_to_add(edition):
    source = WireSource.objects.create(name="Wire", default_agency=Agency.objects.create(name="House wire"))
    body = "GOMEL, Belarus - Delegations from both sides met on Monday.\n\nThey will meet again next week."
    unknown = pipeline.ingest_payload(ninjs(body=body, copyrightholder="Gomel Daily Courier"), source=source).outcomes[0].item
    assert (unknown.agency.name, unknown.unknown_credit) == ("House wire", "Gomel Daily Courier")
    known = pipeline.ingest_payload(ninjs(uri="urn:2", body=body, copyrightholder="AFP"), source=source).outcomes[0].item
    assert (known.agency.short_name, known.unknown_credit) == ("AFP", "")

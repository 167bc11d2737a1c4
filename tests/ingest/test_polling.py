"""Polling: conditional GET, backoff, a failing source never stops the others, embargo release."""

from datetime import timedelta

from django.utils import timezone

from masthead.ingest import polling
from masthead.ingest.models import WireItem, WireSource

FEED = b"""<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>Example wire</title>
<item><guid>urn:1</guid><title>Harbour opens terminal</title><pubDate>Sun, 28 May 2023 09:00:00 GMT</pubDate>
<description>KARACHI (APP): The port opened its fourth terminal on Sunday.</description></item></channel></rss>"""


def _conditional(headers):
    if headers.get("If-None-Match") == '"feed-v1"':
        return 304, {}, b""
    return (
        200,
        {"Content-Type": "application/rss+xml", "ETag": '"feed-v1"', "Last-Modified": "Sun, 28 May 2023 09:00:00 GMT"},
        FEED,
    )


def test_a_source_is_polled_then_answered_not_modified(edition, loopback, allow_loopback):
    loopback.add("/feed.xml", handler=_conditional)
    source = WireSource.objects.create(name="Example", url=loopback.url("/feed.xml"), poll_interval=10)
    run = polling.poll_sources()
    assert [r.status for r in run.results] == ["ok"]
    source.refresh_from_db()
    assert (source.last_status, source.etag, source.failures) == ("ok", '"feed-v1"', 0)
    assert source.next_poll_at > timezone.now() + timedelta(minutes=9)
    assert WireItem.objects.get().headline == "Harbour opens terminal"
    assert polling.poll_sources().results == []  # not due yet
    run = polling.poll_sources(force=True)
    assert [r.status for r in run.results] == ["not_modified"]
    assert loopback.requests[-1][1].get("If-None-Match") == '"feed-v1"'
    assert WireItem.objects.count() == 1


def test_a_failing_source_is_recorded_backs_off_and_never_stops_the_others(edition, loopback, allow_loopback):
    loopback.add("/good.xml", body=FEED, headers={"Content-Type": "application/rss+xml"})
    loopback.add("/broken.xml", status=500, body=b"oops")
    broken = WireSource.objects.create(name="Broken", url=loopback.url("/broken.xml"), poll_interval=5)
    WireSource.objects.create(name="Refused", url="http://10.0.0.1/feed.xml")
    good = WireSource.objects.create(name="Good", url=loopback.url("/good.xml"))
    run = polling.poll_sources()
    statuses = {r.source.name: r.status for r in run.results}
    assert statuses == {"Broken": "error", "Refused": "error", "Good": "ok"}
    broken.refresh_from_db()
    assert broken.failures == 1 and "HTTP 500" in broken.last_error and broken.backoff_until > timezone.now()
    assert "private address" in WireSource.objects.get(name="Refused").last_error
    assert WireItem.objects.filter(source=good).count() == 1
    assert "Broken" not in {r.source.name for r in polling.poll_sources().results}
    polling.poll_sources(force=True, only=["Broken"])
    broken.refresh_from_db()
    assert broken.failures == 2
    assert polling.backoff_for(broken, 2) == timedelta(minutes=10)
    assert polling.backoff_for(broken, 30) == polling.MAX_BACKOFF


def test_an_unreadable_feed_is_a_failure_of_that_source(edition, loopback, allow_loopback):
    loopback.add("/bad.xml", body=b"\x00\x01\x02", headers={"Content-Type": "application/octet-stream"})
    source = WireSource.objects.create(name="Bad", url=loopback.url("/bad.xml"))
    assert polling.poll_sources().results[0].status == "error"
    source.refresh_from_db()
    assert "unknown format" in source.last_error


def test_loopback_sources_are_refused_without_the_test_allowance(edition, loopback):
    loopback.add("/feed.xml", body=FEED)
    WireSource.objects.create(name="Local", url=loopback.url("/feed.xml"))
    result = polling.poll_sources().results[0]
    assert result.status == "error" and "loopback" in result.message
    assert loopback.requests == []


def test_poll_releases_ended_embargoes(edition):
    source = WireSource.objects.create(name="Wire", auto_publish_section=edition.sections["world"])
    item = WireItem.objects.create(
        source=source,
        external_id="urn:x",
        format="ninjs",
        content_hash="x",
        headline="Held story",
        body_html="<p>Text.</p>",
        status="held",
        embargo_until=timezone.now() - timedelta(minutes=1),
    )
    assert polling.poll_sources().released == 1
    item.refresh_from_db()
    assert item.status == "published" and item.article.live

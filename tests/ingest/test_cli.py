"""``masthead ingest`` and ``masthead poll`` as an operator runs them."""

import pytest

from masthead.cli import main
from masthead.ingest.models import WireItem, WirePayload, WireSource
from masthead.news.models import ArticlePage

from .conftest import SEED_NAME


@pytest.fixture
def seed_path(shared_data):
    return str(shared_data.parent / "seed" / SEED_NAME)


def test_ingest_publishes_the_seed_and_prints_a_summary(edition, seed_path, capsys):
    assert main(["ingest", seed_path, "--publish"]) == 0
    out = capsys.readouterr().out
    assert "new       “Russia ready for talks with Ukraine in Belarus: Report” [Interfax, MOSCOW:, STALE]" in out
    assert "→ published: Russia ready for talks" in out and "/world/" in out
    assert "1 new (0 near-duplicates clustered), 0 updated, 0 duplicates, 1 stale, 0 rejected" in out
    assert main(["ingest", seed_path, "--publish"]) == 0
    assert "0 new (0 near-duplicates clustered), 0 updated, 1 duplicates" in capsys.readouterr().out
    assert ArticlePage.objects.count() == 1


def test_a_dry_run_writes_nothing(edition, seed_path, capsys):
    assert main(["ingest", seed_path, "--publish", "--dry-run", "--source", "Pasted"]) == 0
    out = capsys.readouterr().out
    assert "Dry run, nothing written" in out and "would be published" in out
    assert not WireItem.objects.exists() and not WirePayload.objects.exists() and not WireSource.objects.exists()
    assert not ArticlePage.objects.exists()


def test_a_batch_shows_progress_and_reasons(edition, shared_data, tmp_path, capsys):
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "bomb.xml").write_bytes(b'<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "b">]><rss/>')
    (tmp_path / "story.json").write_bytes(b'{"uri": "urn:1", "headline": "H", "body_text": "Body."}')
    code = main(["ingest", str(tmp_path), "--section", "business", "--source", "Batch"])
    captured = capsys.readouterr()
    assert code == 1
    assert "ingest" in captured.err  # the progress bar
    assert "rejected  " in captured.out and "entity declarations are refused" in captured.out and "empty payload" in captured.out
    assert "3 payloads, 1 item" in captured.out and "1 new" in captured.out and "2 rejected" in captured.out
    assert WireItem.objects.get().source.name == "Batch"


def test_ingest_reads_the_iptc_and_feed_samples_without_crashing(edition, shared_data, capsys):
    folders = [
        shared_data / "wire-samples/ninjs/iptc-examples/2.1",
        shared_data / "wire-samples/newsml-g2/agency-samples",
        shared_data / "feeds/news-real/rss-parser-js/guardian.rss",
        shared_data / "feeds/malformed/feedparser-illformed/aaa_illformed.xml",
    ]
    main(["ingest", *map(str, folders)])
    out = capsys.readouterr().out
    assert "internal error" not in out
    assert "not a readable feed" in out
    assert WireItem.objects.filter(format="feed").count() == 55
    assert WireItem.objects.filter(format="newsml").exists() and WireItem.objects.filter(format="ninjs").exists()


def test_an_unknown_section_is_a_usage_error(edition, seed_path, capsys):
    assert main(["ingest", seed_path, "--section", "nowhere"]) == 2
    assert "no section with the slug 'nowhere'" in capsys.readouterr().err


def test_a_missing_file_is_reported(db, capsys):
    assert main(["ingest", "/nonexistent/file.xml"]) == 1
    assert "cannot read the file" in capsys.readouterr().out


def test_poll_with_nothing_configured(db, capsys):
    assert main(["poll"]) == 0
    assert "no source due" in capsys.readouterr().out


def test_ingest_fetches_urls_through_the_guarded_seam(edition, loopback, allow_loopback, capsys):
    page = b"""<!doctype html><html><head><title>Harbour opens new terminal</title></head><body><article><h1>Harbour opens new terminal</h1>
    <p>KARACHI (APP): The port authority opened its fourth container terminal on Tuesday, doubling the harbour's capacity.</p>
    <p>The terminal can handle ships carrying up to 14,000 containers and will employ about 2,000 people.</p></article></body></html>"""
    url = loopback.add("/story.html", body=page, headers={"Content-Type": "text/html; charset=utf-8"})
    assert main(["ingest", url]) == 0
    item = WireItem.objects.get()
    assert (item.format, item.url, item.external_id, item.source.name) == ("html", url, url, "127.0.0.1")
    assert item.dateline == "Karachi" and "1 new" in capsys.readouterr().out


def test_ingest_refuses_loopback_urls_without_the_test_allowance(db, loopback, capsys):
    url = loopback.add("/story.html", body=b"<html></html>")
    assert main(["ingest", url]) == 1
    assert "not fetched: refused 127.0.0.1" in capsys.readouterr().out
    assert loopback.requests == []

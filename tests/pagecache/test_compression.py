"""Pages compressed once by the store and served by Accept-Encoding; Django's own answers compressed only when shared."""

from __future__ import annotations

import gzip
import os
import time

import brotli
import pytest

from masthead.pagecache.encodings import choose
from masthead.pagecache.store import CacheKey
from tests.pagecache.conftest import call
from tests.pagecache.test_wsgi import FakeDjango

PAGE = b"<!doctype html><h1>Rain on the coast</h1>" + b"<p>The storm reached the harbour at dawn.</p>" * 40
HTML = [("Content-Type", "text/html; charset=utf-8"), ("Cache-Control", "public, max-age=60"), ("X-Cache-Tags", "article-7")]
KEY = CacheKey("news.example.org", "/world/", "")
DECODE = {"gzip": gzip.decompress, "br": brotli.decompress}


@pytest.mark.parametrize(
    ("header", "coding"),
    [
        (None, "identity"),
        ("", "identity"),
        ("gzip", "gzip"),
        ("GZIP", "gzip"),
        ("gzip, deflate, br, zstd", "br"),
        ("br;q=0, gzip", "gzip"),
        ("br; q=0.0 , gzip;q=0.3", "gzip"),
        ("gzip;q=1, br;q=0.1", "br"),  # nginx's order, so both servers send the same bytes
        ("*", "br"),
        ("*;q=0, gzip", "gzip"),
        ("br;q=0, gzip;q=0", "identity"),
        ("identity;q=0", "identity"),  # nothing else acceptable: identity rather than a 406
        ("deflate", "identity"),
        ("br;q=zero, gzip", "gzip"),
    ],
)
def test_the_coding_a_reader_gets(header, coding):
    assert choose(header) == coding


def test_the_store_writes_each_encoding_beside_the_page_with_its_mtime(store):
    store.write(KEY, PAGE, HTML, time.time() + 60, [])
    page = store.file_for(KEY, "text/html")
    for suffix, decode in ((".gz", gzip.decompress), (".br", brotli.decompress)):
        encoded = page.with_name(page.name + suffix)
        assert decode(encoded.read_bytes()) == PAGE
        assert os.stat(encoded).st_mtime_ns == os.stat(page).st_mtime_ns
        assert oct(os.stat(encoded).st_mode & 0o777) == "0o644"  # nginx's workers read it
    entry = store.read(KEY)
    assert set(entry.encoded) == {"br", "gzip"}
    assert entry.encoded["gzip"].etag == f'"{entry.modified:x}-{len(entry.encoded["gzip"].body):x}"'


def test_pictures_are_not_kept_in_the_page_cache(make_cache, store):
    """The PWA's icons are PNG: the store could never read them back, and Brotli would only grow them."""
    png = b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 8
    django = FakeDjango(body=png, headers=[("Content-Type", "image/png"), ("Cache-Control", "public, max-age=86400")])
    app = make_cache(django)
    for _ in range(2):
        response = call(app, "/icons/icon-48.png", HTTP_ACCEPT_ENCODING="gzip, br")
        assert response.code == 200 and response.body == png
        assert "content-encoding" not in response.headers
    assert django.calls == 2  # answered by Django each time, as nginx's @app does
    assert not list(store.root.rglob("index*"))


def test_an_encoding_of_another_version_is_never_served(store):
    store.write(KEY, PAGE, HTML, time.time() + 60, [])
    page = store.file_for(KEY, "text/html")
    old_gzip = page.with_name(page.name + ".gz").read_bytes()
    store.write(KEY, PAGE + b"<p>Update</p>", HTML, time.time() + 60, [])
    page.with_name(page.name + ".gz").write_bytes(old_gzip)  # as if read while the next version was being written
    assert store.read(KEY) is None


@pytest.mark.parametrize("purge", ["path", "tag", "host"])
def test_purges_remove_the_encodings(store, purge):
    store.write(KEY, PAGE, HTML, time.time() + 60, ["article-7"])
    {"path": lambda: store.purge_path(KEY.host, KEY.path), "tag": lambda: store.purge_tag("article-7"),
     "host": lambda: store.purge_host(KEY.host)}[purge]()  # fmt: skip
    directory = KEY.directory(store.root)
    assert not directory.exists() or not [name for name in os.listdir(directory) if name.startswith("index")]


def test_purge_counts_pages_not_files(store):
    store.write(KEY, PAGE, HTML, time.time() + 60, ["article-7"])
    store.write(CacheKey(KEY.host, KEY.path, ".lite"), PAGE, HTML, time.time() + 60, [])
    assert store.purge_path(KEY.host, KEY.path) == 2
    store.write(KEY, PAGE, HTML, time.time() + 60, ["article-7"])
    assert store.purge_tag("article-7") == 1


# --- the fast path ----------------------------------------------------------------------------------


@pytest.mark.parametrize(("accept", "coding"), [("gzip, deflate, br", "br"), ("gzip", "gzip"), (None, None)])
def test_hits_misses_and_stale_pages_come_compressed_as_asked(make_cache, accept, coding):
    django = FakeDjango(body=PAGE, headers=[*HTML[:1], ("X-Cache-Tags", "article-7"), ("X-Cache-TTL", "1")])
    cache = make_cache(django)
    headers = {"HTTP_ACCEPT_ENCODING": accept} if accept else {}
    answers = [call(cache, "/world/", **headers), call(cache, "/world/", **headers)]
    time.sleep(1.1)
    answers.append(call(cache, "/world/", **headers))
    assert [answer.headers["x-cache"] for answer in answers] == ["MISS", "HIT", "STALE"]
    for answer in answers:
        assert answer.headers.get("content-encoding") == coding
        assert answer.headers["vary"] == "Accept-Encoding"
        assert answer.headers["content-length"] == str(len(answer.body))
        assert DECODE.get(coding, bytes)(answer.body) == PAGE
    if coding:
        assert len(answers[0].body) < len(PAGE) / 5
    head = call(cache, "/world/", method="HEAD", **headers)
    assert head.body == b"" and head.headers["content-length"] == answers[0].headers["content-length"]


def test_the_page_is_rendered_uncompressed_whatever_the_reader_accepts(make_cache, store):
    seen = []

    def django(environ, start_response):
        seen.append(environ.get("HTTP_ACCEPT_ENCODING"))
        start_response("200 OK", list(HTML))
        return [PAGE]

    call(make_cache(django), "/world/", HTTP_ACCEPT_ENCODING="br")
    assert seen == [None] and store.read(KEY).body == PAGE


def test_each_encoding_answers_its_own_validator_with_304(make_cache):
    cache = make_cache(FakeDjango(body=PAGE, headers=HTML))
    etags = {coding: call(cache, "/world/", HTTP_ACCEPT_ENCODING=coding).headers["etag"] for coding in ("br", "gzip", "identity")}
    assert len(set(etags.values())) == 3
    for coding, etag in etags.items():
        answer = call(cache, "/world/", HTTP_ACCEPT_ENCODING=coding, HTTP_IF_NONE_MATCH=etag)
        assert (answer.code, answer.body, answer.headers["etag"]) == (304, b"", etag)
        assert answer.headers["vary"] == "Accept-Encoding" and "content-encoding" not in answer.headers
        other = next(e for c, e in etags.items() if c != coding)
        assert call(cache, "/world/", HTTP_ACCEPT_ENCODING=coding, HTTP_IF_NONE_MATCH=other).code == 200
    modified = call(cache, "/world/").headers["last-modified"]
    assert call(cache, "/world/", HTTP_ACCEPT_ENCODING="br", HTTP_IF_MODIFIED_SINCE=modified).code == 304


def test_pages_cached_before_compression_are_served_as_they_are(make_cache, store):
    store.write(KEY, PAGE, HTML, time.time() + 60, [])
    page = store.file_for(KEY, "text/html")
    for suffix in (".gz", ".br"):
        page.with_name(page.name + suffix).unlink()
    answer = call(make_cache(FakeDjango()), "/world/", HTTP_ACCEPT_ENCODING="gzip, br")
    assert answer.headers["x-cache"] == "HIT" and answer.body == PAGE and "content-encoding" not in answer.headers


# --- what Django answers itself ----------------------------------------------------------------------


def test_django_compresses_what_it_renders_for_anonymous_readers(client, make_story):
    story = make_story(title="Port expansion approved")
    plain = client.get(story.url)
    for coding, decode in DECODE.items():
        response = client.get(story.url, HTTP_ACCEPT_ENCODING=coding)
        assert response["Content-Encoding"] == coding and "Accept-Encoding" in response["Vary"]
        assert decode(response.content) == plain.content
        assert response["ETag"] == f"W/{plain['ETag']}"
        assert client.get(story.url, HTTP_ACCEPT_ENCODING=coding, HTTP_IF_NONE_MATCH=response["ETag"]).status_code == 304


def test_nothing_carrying_a_secret_is_compressed(admin_client, client, make_story):
    story = make_story(title="Port expansion approved")
    for response in (
        admin_client.get(story.url, HTTP_ACCEPT_ENCODING="gzip, br"),  # a session
        admin_client.get("/admin/", HTTP_ACCEPT_ENCODING="gzip, br"),
        client.get("/admin/login/", HTTP_ACCEPT_ENCODING="gzip, br"),  # a CSRF token, and the admin
        client.get(story.url, HTTP_ACCEPT_ENCODING="gzip, br", HTTP_AUTHORIZATION="Token abc"),
    ):
        assert response.status_code == 200 and "Content-Encoding" not in response, response.request["PATH_INFO"]


@pytest.mark.parametrize(
    ("path", "extra", "compressed"),
    [
        ("/world/", {}, True),
        ("/world/", {"HTTP_COOKIE": "sessionid=abc"}, False),
        ("/world/", {"HTTP_AUTHORIZATION": "Token abc"}, False),
        ("/admin/pages/", {}, False),
    ],
)
def test_only_shared_requests_are_compressed_whatever_the_response_says(rf, path, extra, compressed):
    """The request decides first: a page that looks public is still not compressed for an editor."""
    from django.http import HttpResponse

    from masthead.pagecache.middleware import CompressionMiddleware

    middleware = CompressionMiddleware(lambda request: HttpResponse(PAGE, content_type="text/html; charset=utf-8"))
    response = middleware(rf.get(path, HTTP_ACCEPT_ENCODING="gzip", **extra))
    assert response.has_header("Content-Encoding") == compressed
    assert gzip.decompress(response.content) == PAGE if compressed else response.content == PAGE

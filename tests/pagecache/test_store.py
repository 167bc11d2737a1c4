import time

from masthead.pagecache.store import CacheKey


def key(path="/world/", variant=""):
    return CacheKey("news.example.org", path, variant)


def test_written_page_reads_back_with_its_headers(store):
    store.write(key(), b"<p>hi</p>", [("Content-Type", "text/html; charset=utf-8")], time.time() + 60, [])
    entry = store.read(key())
    assert entry.body == b"<p>hi</p>" and ("Content-Type", "text/html; charset=utf-8") in entry.headers
    assert (store.root / "news.example.org" / "world" / "index.html").read_bytes() == b"<p>hi</p>"


def test_files_are_named_for_nginx(store):
    store.write(key("/", ".lite"), b"a", [("Content-Type", "text/html")], time.time() + 60, [])
    store.write(key("/feed/"), b"b", [("Content-Type", "application/rss+xml; charset=utf-8")], time.time() + 60, [])
    store.write(key("/sitemap.xml"), b"c", [("Content-Type", "application/xml")], time.time() + 60, [])
    assert (store.root / "news.example.org" / "index.lite.html").exists()
    assert (store.root / "news.example.org" / "feed" / "index.xml").exists()
    assert (store.root / "news.example.org" / "sitemap.xml" / "index.xml").exists()


def test_purge_path_removes_every_variant_but_not_the_pages_below(store):
    for variant in ("", ".lite", ".page2"):
        store.write(key("/world/", variant), b"x", [("Content-Type", "text/html")], time.time() + 60, [])
    store.write(key("/world/2026/story/"), b"y", [("Content-Type", "text/html")], time.time() + 60, [])
    assert store.purge_path("news.example.org", "/world/") == 3
    assert store.read(key("/world/")) is None and store.read(key("/world/", ".lite")) is None
    assert store.read(key("/world/2026/story/")) is not None


def test_purge_tag_removes_the_pages_that_carry_it(store):
    store.write(key("/a/"), b"a", [("Content-Type", "text/html")], time.time() + 60, ["article-1", "article-2"])
    store.write(key("/b/"), b"b", [("Content-Type", "text/html")], time.time() + 60, ["article-2"])
    store.write(key("/c/"), b"c", [("Content-Type", "text/html")], time.time() + 60, ["article-3"])
    assert store.purge_tag("article-2") == 2
    assert store.read(key("/a/")) is None and store.read(key("/b/")) is None and store.read(key("/c/")) is not None
    assert store.purge_tag("article-2") == 0


def test_purge_host_removes_an_edition(store):
    store.write(key("/a/"), b"a", [("Content-Type", "text/html")], time.time() + 60, [])
    other = CacheKey("other.example.org", "/a/", "")
    store.write(other, b"o", [("Content-Type", "text/html")], time.time() + 60, [])
    store.purge_host("news.example.org")
    assert store.read(key("/a/")) is None and store.read(other) is not None


def test_signature_changes_when_the_page_is_rewritten(store):
    store.write(key(), b"one", [("Content-Type", "text/html")], time.time() + 60, [])
    before = store.signature(key())
    store.write(key(), b"two!", [("Content-Type", "text/html")], time.time() + 60, [])
    assert store.signature(key()) != before
    store.purge_path("news.example.org", "/world/")
    assert store.signature(key()) is None

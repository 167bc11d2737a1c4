"""The fast path itself, against a stand-in for Django."""

import threading
import time

from tests.pagecache.conftest import call


class FakeDjango:
    def __init__(self, body=b"<p>page</p>", headers=None, status="200 OK", delay=0.0):
        self.body, self.status, self.delay = body, status, delay
        self.headers = (
            headers if headers is not None else [("Content-Type", "text/html; charset=utf-8"), ("X-Cache-Tags", "article-7")]
        )
        self.calls = 0
        self.lock = threading.Lock()

    def __call__(self, environ, start_response):
        with self.lock:
            self.calls += 1
        if self.delay:
            time.sleep(self.delay)
        start_response(self.status, list(self.headers))
        return [self.body]


def read_concurrently(cache, path: str, readers: int) -> list:
    results = []
    threads = [threading.Thread(target=lambda: results.append(call(cache, path))) for _ in range(readers)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return results


def test_first_reader_renders_then_everyone_hits(make_cache):
    django = FakeDjango()
    cache = make_cache(django)
    first, second, lite = call(cache, "/world/"), call(cache, "/world/"), call(cache, "/world/", query="lite=1")
    assert first.headers["x-cache"] == "MISS" and second.headers["x-cache"] == "HIT"
    assert second.body == b"<p>page</p>" and lite.headers["x-cache"] == "MISS"
    assert django.calls == 2
    assert "x-cache-tags" not in second.headers


def test_purged_page_is_rendered_again_in_every_process(make_cache, store):
    django = FakeDjango()
    one, two = make_cache(django), make_cache(django)  # two workers sharing the store
    call(one, "/world/"), call(two, "/world/")
    assert django.calls == 1
    store.purge_tag("article-7")
    django.body = b"<p>new</p>"
    assert call(two, "/world/").body == b"<p>new</p>" and call(one, "/world/").body == b"<p>new</p>"
    assert django.calls == 2


def test_private_responses_are_passed_through_not_stored(make_cache):
    django = FakeDjango(headers=[("Content-Type", "text/html"), ("Set-Cookie", "sessionid=1")])
    cache = make_cache(django)
    call(cache, "/world/"), call(cache, "/world/")
    assert django.calls == 2


def test_readers_with_a_session_never_get_or_fill_the_cache(make_cache):
    django = FakeDjango()
    cache = make_cache(django)
    call(cache, "/world/")
    editor = call(cache, "/world/", HTTP_COOKIE="sessionid=abc")
    assert "x-cache" not in editor.headers and django.calls == 2


def test_errors_are_not_cached(make_cache):
    django = FakeDjango(status="404 Not Found")
    cache = make_cache(django)
    assert call(cache, "/gone/").code == 404 and call(cache, "/gone/").code == 404
    assert django.calls == 2


def test_head_gets_headers_only(make_cache):
    cache = make_cache(FakeDjango())
    call(cache, "/world/")
    head = call(cache, "/world/", method="HEAD")
    assert head.body == b"" and head.headers["x-cache"] == "HIT"


def test_sixty_four_readers_of_a_missing_page_cause_one_render(make_cache):
    django = FakeDjango(delay=0.3)
    cache = make_cache(django)
    results = read_concurrently(cache, "/breaking/", 64)
    assert django.calls == 1
    assert len(results) == 64 and all(r.code == 200 and r.body == b"<p>page</p>" for r in results)


def test_sixty_four_readers_of_an_expired_page_get_it_stale_while_one_renders(make_cache):
    django = FakeDjango(delay=0.3, headers=[("Content-Type", "text/html"), ("X-Cache-TTL", "1")])
    cache = make_cache(django)
    call(cache, "/breaking/")
    time.sleep(1.1)
    django.body = b"<p>fresh</p>"
    results = read_concurrently(cache, "/breaking/", 64)
    # Every reader got the stale copy: none waited for the render (which would have given them the fresh one).
    assert all(r.headers["x-cache"] == "STALE" and r.body == b"<p>page</p>" for r in results)
    deadline = time.monotonic() + 5
    while call(cache, "/breaking/").body != b"<p>fresh</p>" and time.monotonic() < deadline:
        time.sleep(0.05)
    assert django.calls == 2  # the first render and exactly one refresh


def test_cached_pages_survive_the_database_going_away(make_cache):
    django = FakeDjango(headers=[("Content-Type", "text/html"), ("X-Cache-TTL", "1")])
    cache = make_cache(django)
    call(cache, "/world/")
    django.status, django.body = "503 Service Unavailable", b"db down"
    time.sleep(1.1)
    for _ in range(3):
        response = call(cache, "/world/")
        assert response.code == 200 and response.body == b"<p>page</p>"
        time.sleep(0.1)
    assert call(cache, "/not-cached-yet/").code == 503


def test_uncacheable_requests_go_straight_to_the_app(make_cache):
    django = FakeDjango()
    cache = make_cache(django)
    assert call(cache, "/search/", query="q=x").code == 200
    assert call(cache, "/world/", method="POST").code == 200
    assert django.calls == 2


def test_a_responses_own_max_age_bounds_its_stay(make_cache):
    from masthead.pagecache.wsgi import _cache_instructions

    assert _cache_instructions([("Cache-Control", "public, max-age=30")], 3600) == ([], 30.0)
    assert _cache_instructions([("Cache-Control", "public, max-age=30"), ("X-Cache-TTL", "600")], 3600) == ([], 600.0)
    assert _cache_instructions([("Cache-Control", "public, max-age=86400")], 3600) == ([], 3600)
    assert _cache_instructions([("X-Cache-Tags", "article-1 bad;tag")], 3600) == (["article-1"], 3600)

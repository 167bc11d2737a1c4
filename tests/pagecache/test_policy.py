import pytest

from tests.pagecache.conftest import environ


@pytest.mark.parametrize(
    ("kwargs", "variant"),
    [
        ({}, ""),
        ({"query": "lite=1"}, ".lite"),
        ({"query": "page=1"}, ""),
        ({"query": "page=3"}, ".page3"),
        ({"query": "page=3&lite=1"}, ".page3.lite"),
        ({"query": "lite=1&page=3"}, ".page3.lite"),
        ({"method": "HEAD"}, ""),
        ({"HTTP_COOKIE": "csrftoken=abc; theme=dark"}, ""),
    ],
)
def test_shared_requests_get_a_key(policy, kwargs, variant):
    key = policy.key_for(environ("/world/", **kwargs))
    assert key is not None and key.variant == variant and key.host == "news.example.org"


@pytest.mark.parametrize(
    "kwargs",
    [
        {"method": "POST"},
        {"HTTP_COOKIE": "sessionid=abc"},
        {"HTTP_COOKIE": "theme=dark; sessionid=abc"},
        {"HTTP_AUTHORIZATION": "Bearer x"},
        {"query": "q=anything"},
        {"query": "page=abc"},
        {"query": "page=0"},
        {"query": "page=999999"},
        {"query": "lite=2"},
        {"query": "page=2&page=3"},
        {"host": "evil.test"},
        {"host": "../etc"},
    ],
)
def test_private_or_unbounded_requests_bypass_the_cache(policy, kwargs):
    assert policy.key_for(environ("/world/", **kwargs)) is None


@pytest.mark.parametrize("path", ["/admin/", "/admin/pages/", "/search/", "/world/../admin/", "/a b/", "/x\x00/"])
def test_excluded_and_odd_paths_bypass_the_cache(policy, path):
    assert policy.key_for(environ(path)) is None


@pytest.mark.parametrize(
    ("status", "headers", "storable"),
    [
        ("200 OK", [("Content-Type", "text/html")], True),
        ("404 Not Found", [], False),
        ("301 Moved Permanently", [], False),
        ("200 OK", [("Set-Cookie", "sessionid=x")], False),
        ("200 OK", [("Vary", "Accept-Encoding, Cookie")], False),
        ("200 OK", [("Cache-Control", "private, no-store")], False),
        ("200 OK", [("Cache-Control", "no-cache")], False),
        ("200 OK", [("Vary", "Accept-Encoding")], True),
    ],
)
def test_only_plain_public_200s_are_stored(policy, status, headers, storable):
    assert policy.storable(status, headers) is storable

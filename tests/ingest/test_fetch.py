"""The network seam: SSRF refusals (before connecting and at every redirect), limits, conditional GET.

Only loopback servers are used; ``allow_loopback`` is the explicit test-only allowance.
"""

import gzip

import pytest

from masthead.ingest.fetch import FetchError, FetchPolicy, RefusedAddress, address_refusal, fetch

ALLOW = FetchPolicy(allow_loopback=True, timeout=5)
STRICT = FetchPolicy(timeout=5)


@pytest.mark.parametrize(
    ("address", "why"),
    [
        ("127.0.0.1", "loopback"),
        ("::1", "loopback"),
        ("::ffff:127.0.0.1", "loopback"),
        ("10.1.2.3", "private"),
        ("172.16.0.1", "private"),
        ("192.168.1.1", "private"),
        ("fc00::1", "private"),
        ("169.254.169.254", "link-local"),
        ("fe80::1", "link-local"),
        ("0.0.0.0", "unspecified"),
        ("224.0.0.1", "multicast"),
        ("240.0.0.1", "address"),
        ("100.64.0.1", "not a public address"),
    ],
)
def test_non_public_addresses_are_refused(address, why):
    assert why in address_refusal(address)


def test_public_addresses_are_allowed_and_the_allowance_opens_loopback_only():
    assert address_refusal("93.184.216.34") == ""
    assert address_refusal("2606:2800:220:1:248:1893:25c8:1946") == ""
    assert address_refusal("127.0.0.1", allow_loopback=True) == ""
    assert address_refusal("10.0.0.1", allow_loopback=True) == "a private address"
    assert address_refusal("169.254.169.254", allow_loopback=True) == "a link-local address"


def test_a_loopback_server_is_refused_before_connecting(loopback):
    url = loopback.add("/feed.xml", body=b"<rss/>")
    with pytest.raises(RefusedAddress, match="127.0.0.1, a loopback address"):
        fetch(url, policy=STRICT)
    with pytest.raises(RefusedAddress):
        fetch(f"http://localhost:{loopback.port}/feed.xml", policy=STRICT)
    assert loopback.requests == []


def test_the_test_only_allowance_lets_loopback_through(loopback):
    url = loopback.add("/feed.xml", body=b"<rss/>", headers={"Content-Type": "application/rss+xml", "ETag": '"v1"'})
    result = fetch(url, policy=ALLOW)
    assert (result.status, result.content, result.content_type, result.etag) == (200, b"<rss/>", "application/rss+xml", '"v1"')


@pytest.mark.parametrize(
    "target", ["http://169.254.169.254/latest/meta-data/", "http://10.0.0.5/admin", "http://[::ffff:192.168.0.1]/"]
)
def test_a_redirect_to_a_private_address_is_refused(loopback, target):
    url = loopback.add("/go", status=302, headers={"Location": target})
    with pytest.raises(RefusedAddress, match="refused"):
        fetch(url, policy=ALLOW)
    assert [path for path, _ in loopback.requests] == ["/go"]


def test_redirects_are_followed_and_checked_each_time(loopback):
    loopback.add("/a", status=301, headers={"Location": "/b"})
    loopback.add("/b", status=307, headers={"Location": loopback.url("/c")})
    loopback.add("/c", body=b"done")
    result = fetch(loopback.url("/a"), policy=ALLOW)
    assert result.content == b"done" and result.url.endswith("/c") and len(result.redirects) == 2


def test_redirect_loops_stop(loopback):
    loopback.add("/loop", status=302, headers={"Location": "/loop"})
    with pytest.raises(FetchError, match="too many redirects"):
        fetch(loopback.url("/loop"), policy=ALLOW)


@pytest.mark.parametrize(
    "url", ["file:///etc/passwd", "ftp://example.org/x", "gopher://example.org/", "http://user:pw@example.org/"]
)
def test_other_schemes_and_credentials_are_refused(url):
    with pytest.raises(FetchError, match="refused"):
        fetch(url, policy=STRICT)


def test_responses_over_the_limit_are_refused(loopback):
    policy = FetchPolicy(allow_loopback=True, max_bytes=1000, timeout=5)
    loopback.add("/declared", body=b"x" * 2000)
    with pytest.raises(FetchError, match="too large"):
        fetch(loopback.url("/declared"), policy=policy)
    loopback.add("/undeclared", body=b"x" * 2000, headers={"Content-Length": "2000"})
    with pytest.raises(FetchError, match="too large"):
        fetch(loopback.url("/undeclared"), policy=policy)


def test_a_gzip_bomb_stops_at_the_limit(loopback):
    bomb = gzip.compress(b"\0" * (5 * 1024 * 1024))
    loopback.add("/bomb", body=bomb, headers={"Content-Encoding": "gzip"})
    with pytest.raises(FetchError, match="after decompression"):
        fetch(loopback.url("/bomb"), policy=FetchPolicy(allow_loopback=True, max_bytes=1024 * 1024, timeout=5))
    small = gzip.compress(b"<rss>ok</rss>")
    loopback.add("/small", body=small, headers={"Content-Encoding": "gzip"})
    assert fetch(loopback.url("/small"), policy=ALLOW).content == b"<rss>ok</rss>"


def test_conditional_get_returns_not_modified(loopback):
    def handler(headers):
        if headers.get("If-None-Match") == '"v1"' or headers.get("If-Modified-Since") == "Sun, 28 May 2023 00:00:00 GMT":
            return 304, {}, b""
        return 200, {"ETag": '"v1"', "Last-Modified": "Sun, 28 May 2023 00:00:00 GMT"}, b"<rss/>"

    loopback.add("/feed", handler=handler)
    first = fetch(loopback.url("/feed"), policy=ALLOW)
    assert first.status == 200
    assert fetch(loopback.url("/feed"), policy=ALLOW, etag=first.etag).not_modified
    assert fetch(loopback.url("/feed"), policy=ALLOW, last_modified=first.last_modified).not_modified


def test_http_errors_are_clear(loopback):
    loopback.add("/broken", status=500, body=b"oops")
    with pytest.raises(FetchError, match="HTTP 500"):
        fetch(loopback.url("/broken"), policy=ALLOW)
    with pytest.raises(FetchError, match="HTTP 404"):
        fetch(loopback.url("/missing"), policy=ALLOW)


def test_unresolvable_hosts_are_clear():
    with pytest.raises(FetchError, match="cannot resolve"):
        fetch("http://no-such-host.invalid/feed", policy=STRICT)

"""The one place Masthead's ingest touches the network.

Fetching a URL an editor pasted, or a feed an operator configured, is a
server-side request on someone else's say-so. So, before connecting and
again at every redirect, the host is resolved and *every* address it
resolves to must be public: private, loopback, link-local (cloud metadata
at 169.254.169.254), multicast, reserved and unspecified addresses are
refused. The connection is then made to the checked address itself (with
the original name kept for TLS and the Host header), so the name cannot
re-resolve somewhere else in between. Bodies are capped (after
decompression, so a gzip bomb stops at the cap), time is capped, and
conditional GET (ETag, Last-Modified) saves refetching unchanged feeds.

Tests serve feeds from 127.0.0.1; they pass ``allow_loopback=True``
(Django setting ``INGEST_FETCH_ALLOW_LOOPBACK``, test-only). Nothing else
opens that door.
"""

from __future__ import annotations

import ipaddress
import socket
import time
import zlib
from dataclasses import dataclass, field
from urllib.parse import urljoin, urlsplit

DEFAULT_USER_AGENT = "Masthead-Ingest/1.0 (+https://example.org/masthead)"
REDIRECT_CODES = frozenset({301, 302, 303, 307, 308})


class FetchError(Exception):
    """The URL was not fetched; the message says why (refused address, too large, HTTP status…)."""


class RefusedAddress(FetchError):
    """The URL (or a redirect) points at an address Masthead will not connect to."""


class FetchTimeout(FetchError):
    """The fetch did not finish within the policy's time limit (one wall-clock limit for the whole fetch)."""


@dataclass(frozen=True)
class FetchPolicy:
    max_bytes: int = 10 * 1024 * 1024
    timeout: float = 20.0  # wall-clock seconds for the whole fetch: connecting, TLS, redirects, headers and body
    max_redirects: int = 5
    allow_loopback: bool = False  # test-only: lets tests serve from 127.0.0.1
    user_agent: str = DEFAULT_USER_AGENT


@dataclass
class FetchResult:
    url: str  # after redirects
    status: int
    content: bytes = b""
    content_type: str = ""
    etag: str = ""
    last_modified: str = ""
    redirects: list[str] = field(default_factory=list)

    @property
    def not_modified(self) -> bool:
        return self.status == 304


def address_refusal(address: str, *, allow_loopback: bool = False) -> str:
    """Why Masthead will not connect to ``address`` ('' when it may)."""
    ip = ipaddress.ip_address(address.split("%", 1)[0])
    if ip.version == 6 and ip.ipv4_mapped is not None:
        ip = ip.ipv4_mapped
    if ip.is_loopback:
        return "" if allow_loopback else "a loopback address"
    if ip.is_unspecified:
        return "an unspecified address"
    if ip.is_link_local:
        return "a link-local address"
    if ip.is_multicast:
        return "a multicast address"
    if ip.is_private:
        return "a private address"
    if ip.is_reserved:
        return "a reserved address"
    if not ip.is_global:
        return "not a public address"
    return ""


def resolve_public(host: str, port: int, *, allow_loopback: bool = False) -> str:
    """The address to connect to for ``host``; :class:`RefusedAddress` if any address it resolves to is not public."""
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except socket.gaierror as error:
        raise FetchError(f"cannot resolve {host}: {error.strerror or error}") from None
    addresses = list(dict.fromkeys(info[4][0] for info in infos))
    if not addresses:
        raise FetchError(f"cannot resolve {host}")
    for address in addresses:
        refusal = address_refusal(address, allow_loopback=allow_loopback)
        if refusal:
            raise RefusedAddress(f"refused {host}: it resolves to {address}, {refusal}")
    return addresses[0]


def _pool(scheme: str, address: str, host: str, port: int, deadline: float):
    """A one-connection pool to ``address`` whose every socket operation ends by ``deadline`` (see deadline.py)."""
    import urllib3

    from masthead.ingest.deadline import DeadlineHTTPConnectionPool, DeadlineHTTPSConnectionPool

    remaining = max(deadline - time.monotonic(), 0.001)
    timeout_config = urllib3.Timeout(connect=remaining, read=remaining)
    if scheme == "https":
        import certifi

        return DeadlineHTTPSConnectionPool(
            address,
            port,
            timeout=timeout_config,
            retries=False,
            maxsize=1,
            deadline=deadline,
            cert_reqs="CERT_REQUIRED",
            ca_certs=certifi.where(),
            assert_hostname=host,
            server_hostname=host,
        )
    return DeadlineHTTPConnectionPool(address, port, timeout=timeout_config, retries=False, maxsize=1, deadline=deadline)


def _read_capped(response, encoding: str, max_bytes: int, deadline: float) -> bytes:
    """The body, decompressed, refusing to go past ``max_bytes`` or past the deadline."""
    decoder = None
    if encoding in ("gzip", "x-gzip"):
        decoder = zlib.decompressobj(16 + zlib.MAX_WBITS)
    elif encoding == "deflate":
        decoder = zlib.decompressobj()
    elif encoding not in ("", "identity"):
        raise FetchError(f"unsupported Content-Encoding {encoding!r}")
    chunks: list[bytes] = []
    size = 0
    for raw in response.stream(64 * 1024, decode_content=False):
        if time.monotonic() > deadline:
            raise TimeoutError("the fetch's time limit passed while reading the response")
        pieces = [raw]
        if decoder is not None:
            pieces = []
            data = raw
            while data:
                piece = decoder.decompress(data, max_bytes + 1 - size)
                pieces.append(piece)
                size_after = size + sum(len(p) for p in pieces)
                if size_after > max_bytes:
                    raise FetchError(f"response too large: more than {max_bytes:,} bytes (after decompression)")
                data = decoder.unconsumed_tail
        for piece in pieces:
            size += len(piece)
            if size > max_bytes:
                raise FetchError(f"response too large: more than {max_bytes:,} bytes")
            chunks.append(piece)
    if decoder is not None:
        rest = decoder.flush()
        if size + len(rest) > max_bytes:
            raise FetchError(f"response too large: more than {max_bytes:,} bytes (after decompression)")
        chunks.append(rest)
    return b"".join(chunks)


def _is_timeout(error: Exception, deadline: float) -> bool:
    """Every socket wait is cut to the time left (deadline.py), so any timeout, or any failure at the deadline, is the limit."""
    import urllib3

    return isinstance(error, (TimeoutError, urllib3.exceptions.TimeoutError)) or time.monotonic() >= deadline


def _timed_out(policy: FetchPolicy, url: str) -> FetchTimeout:
    return FetchTimeout(f"timed out: {url} did not answer in full within {policy.timeout:g} s (the limit for the whole fetch)")


def fetch(url: str, *, policy: FetchPolicy = FetchPolicy(), etag: str = "", last_modified: str = "") -> FetchResult:
    """GET ``url`` under ``policy``; conditional when ``etag``/``last_modified`` are given (then 304 is a result, not an error)."""
    import urllib3

    deadline = time.monotonic() + policy.timeout
    redirects: list[str] = []
    current = url
    for _ in range(policy.max_redirects + 1):
        parts = urlsplit(current)
        scheme = parts.scheme.lower()
        if scheme not in ("http", "https"):
            raise FetchError(f"refused {current!r}: only http and https URLs are fetched")
        if not parts.hostname:
            raise FetchError(f"refused {current!r}: no host")
        if parts.username or parts.password:
            raise FetchError("refused: credentials in URLs are not sent")
        host = parts.hostname
        try:
            port = parts.port or (443 if scheme == "https" else 80)
        except ValueError:
            raise FetchError(f"refused {current!r}: bad port") from None
        # Name resolution is the one wait the deadline cannot cut short (getaddrinfo blocks; the system
        # resolver's own timeout bounds it); everything after it is on the deadline.
        address = resolve_public(host, port, allow_loopback=policy.allow_loopback)
        path = (parts.path or "/") + (f"?{parts.query}" if parts.query else "")
        host_header = host if ":" not in host else f"[{host}]"
        if parts.port:
            host_header = f"{host_header}:{parts.port}"
        headers = {
            "Host": host_header,
            "User-Agent": policy.user_agent,
            "Accept": "application/rss+xml, application/atom+xml, application/xml, application/json, text/html;q=0.9, text/plain;q=0.8, */*;q=0.5",
            "Accept-Encoding": "gzip, deflate",
        }
        if etag:
            headers["If-None-Match"] = etag
        if last_modified:
            headers["If-Modified-Since"] = last_modified
        if time.monotonic() >= deadline:
            raise _timed_out(policy, current)
        pool = _pool(scheme, address, host, port, deadline)
        try:
            response = pool.urlopen(
                "GET", path, headers=headers, redirect=False, retries=False, preload_content=False, assert_same_host=False
            )
        except urllib3.exceptions.HTTPError as error:
            pool.close()
            if _is_timeout(error, deadline):
                raise _timed_out(policy, current) from None
            raise FetchError(f"could not fetch {current}: {error}") from None
        try:
            if response.status in REDIRECT_CODES and response.headers.get("Location"):
                redirects.append(current)
                current = urljoin(current, response.headers["Location"])
                continue
            if response.status == 304:
                return FetchResult(url=current, status=304, etag=etag, last_modified=last_modified, redirects=redirects)
            if response.status >= 400:
                raise FetchError(f"HTTP {response.status} {response.reason or ''} from {current}".strip())
            declared = response.headers.get("Content-Length")
            if declared and declared.isdigit() and int(declared) > policy.max_bytes:
                raise FetchError(f"response too large: {int(declared):,} bytes, the limit is {policy.max_bytes:,}")
            try:
                content = _read_capped(
                    response, (response.headers.get("Content-Encoding") or "").strip().lower(), policy.max_bytes, deadline
                )
            except (urllib3.exceptions.HTTPError, zlib.error, TimeoutError) as error:
                if _is_timeout(error, deadline):
                    raise _timed_out(policy, current) from None
                raise FetchError(f"could not read {current}: {error}") from None
            return FetchResult(
                url=current,
                status=response.status,
                content=content,
                content_type=response.headers.get("Content-Type", ""),
                etag=response.headers.get("ETag", ""),
                last_modified=response.headers.get("Last-Modified", ""),
                redirects=redirects,
            )
        finally:
            response.release_conn()
            pool.close()
    raise FetchError(f"too many redirects (more than {policy.max_redirects}) from {url}")

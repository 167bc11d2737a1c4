"""The fetch's time limit is one wall-clock deadline: a server trickling bytes cannot stretch it.

Each server here is a raw socket on 127.0.0.1 that sends its answer a byte at a time, fast enough that no
single wait reaches the limit (so per-read timeouts never fire) and for longer than the limit. The fetch must
fail with a timeout shortly after the limit, whatever part of the exchange is slow, and leave no thread behind.
"""

from __future__ import annotations

import io
import shutil
import socket
import ssl
import subprocess
import threading
import time

import pytest

from masthead.ingest.commands import run_ingest
from masthead.ingest.fetch import FetchError, FetchPolicy, FetchTimeout, fetch
from tests.conftest import require

LIMIT = 1.5
SLACK = 0.75  # the deadline plus this is the most a fetch may take
POLICY = FetchPolicy(allow_loopback=True, timeout=LIMIT)
TRICKLE_EVERY = 0.1  # seconds between bytes: far below any per-read timeout
TRICKLE_FOR = 6.0  # a server gives up after this long: well past the limit, bounded all the same


class TrickleServer:
    """Accepts connections on 127.0.0.1; ``answer(conn, server)`` writes each response (slowly)."""

    def __init__(self, answer):
        self.answer = answer
        self.stopping = threading.Event()
        self.listener = socket.create_server(("127.0.0.1", 0))
        self.listener.settimeout(0.05)
        self.port = self.listener.getsockname()[1]
        self.threads: list[threading.Thread] = []
        self.accepter = threading.Thread(target=self._accept, daemon=True)
        self.accepter.start()

    def url(self, path: str = "/", scheme: str = "http") -> str:
        return f"{scheme}://127.0.0.1:{self.port}{path}"

    def _accept(self):
        while not self.stopping.is_set():
            try:
                conn, _ = self.listener.accept()
            except TimeoutError:
                continue
            except OSError:
                return
            thread = threading.Thread(target=self._serve, args=(conn,), daemon=True)
            self.threads.append(thread)
            thread.start()

    def _serve(self, conn):
        with conn:
            conn.settimeout(1)
            try:
                self.answer(conn, self)
            except OSError:
                pass  # the client gave up and closed: that is the point

    def trickle(self, conn, data: bytes, every: float = TRICKLE_EVERY) -> None:
        """Send ``data`` a byte at a time, ``every`` seconds, until the client leaves, the test ends or TRICKLE_FOR passes."""
        started = time.monotonic()
        for index in range(len(data)):
            if self.stopping.is_set() or time.monotonic() - started > TRICKLE_FOR:
                return
            conn.sendall(data[index : index + 1])
            time.sleep(every)

    def threads_alive(self) -> set[threading.Thread]:
        return {self.accepter, *self.threads}

    def stop(self):
        self.stopping.set()
        self.listener.close()
        for thread in [self.accepter, *self.threads]:
            thread.join(5)


@pytest.fixture
def trickle_server():
    servers = []

    def start(answer):
        server = TrickleServer(answer)
        servers.append(server)
        return server

    yield start
    for server in servers:
        server.stop()


def read_request(conn) -> bytes:
    request = b""
    while b"\r\n\r\n" not in request:
        chunk = conn.recv(4096)
        if not chunk:
            break
        request += chunk
    return request


def fails_in_time(url: str, server: TrickleServer) -> FetchTimeout:
    threads_before = set(threading.enumerate())
    started = time.monotonic()
    with pytest.raises(FetchTimeout, match=r"timed out.*1\.5 s") as caught:
        fetch(url, policy=POLICY)
    elapsed = time.monotonic() - started
    assert LIMIT - 0.1 <= elapsed < LIMIT + SLACK, f"the fetch took {elapsed:.2f} s against a {LIMIT} s limit"
    left_behind = set(threading.enumerate()) - threads_before - server.threads_alive()
    assert not left_behind, f"threads left behind: {left_behind}"
    return caught.value


def test_a_body_sent_a_byte_at_a_time_stops_at_the_deadline(trickle_server):
    def answer(conn, server):
        read_request(conn)
        conn.sendall(b"HTTP/1.1 200 OK\r\nContent-Type: application/rss+xml\r\nContent-Length: 1000\r\n\r\n")
        server.trickle(conn, b"<rss>" + b"x" * 995)

    server = trickle_server(answer)
    fails_in_time(server.url("/feed.xml"), server)


def test_a_chunked_body_sent_slowly_stops_at_the_deadline(trickle_server):
    def answer(conn, server):
        read_request(conn)
        conn.sendall(b"HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n")
        server.trickle(conn, b"1\r\nx\r\n" * 200)

    server = trickle_server(answer)
    fails_in_time(server.url("/feed.xml"), server)


def test_headers_sent_a_byte_at_a_time_stop_at_the_deadline(trickle_server):
    def answer(conn, server):
        read_request(conn)
        conn.sendall(b"HTTP/1.1 200 OK\r\n")
        server.trickle(conn, b"X-Slow: " + b"a" * 2000 + b"\r\n\r\n")

    server = trickle_server(answer)
    fails_in_time(server.url("/feed.xml"), server)


def test_a_server_that_never_reads_the_request_line_nor_answers_stops_at_the_deadline(trickle_server):
    def answer(conn, server):
        server.stopping.wait(TRICKLE_FOR)

    server = trickle_server(answer)
    fails_in_time(server.url("/feed.xml"), server)


def test_a_redirect_chain_shares_one_deadline(trickle_server):
    """Each hop answers within the limit; together they would not. The limit is for the whole fetch."""
    hops = []

    def answer(conn, server):
        path = read_request(conn).split(b" ")[1].decode()
        hops.append(path)
        conn.sendall(b"HTTP/1.1 302 Found\r\n")
        headers = f"Location: {path}x\r\nContent-Length: 0\r\n\r\n".encode()
        server.trickle(conn, headers, every=1.2 / len(headers))  # each hop takes 1.2 s, under the limit

    server = trickle_server(answer)
    fails_in_time(server.url("/a"), server)
    assert len(hops) == 2  # the first hop took 1.2 s, the second was cut short


def test_a_slow_tls_handshake_stops_at_the_deadline(trickle_server):
    def answer(conn, server):
        conn.recv(4096)  # the ClientHello
        server.trickle(conn, b"\x16\x03\x03\x40\x00" + b"\x02" * 2000)  # a handshake record that never completes

    server = trickle_server(answer)
    fails_in_time(server.url("/feed.xml", scheme="https"), server)


def self_signed_certificate(folder):
    """A key and a self-signed certificate for 127.0.0.1, made with openssl."""
    require(shutil.which("openssl") is not None, "openssl is needed to make a test certificate")
    key, cert = folder / "key.pem", folder / "cert.pem"
    subprocess.run(
        [
            "openssl",
            "req",
            "-x509",
            "-newkey",
            "rsa:2048",
            "-nodes",
            "-days",
            "1",
            "-subj",
            "/CN=127.0.0.1",
            "-addext",
            "subjectAltName=IP:127.0.0.1",
            "-keyout",
            str(key),
            "-out",
            str(cert),
        ],
        check=True,
        capture_output=True,
    )
    return key, cert


@pytest.fixture
def loopback_certificate(tmp_path, monkeypatch):
    """A self-signed certificate for 127.0.0.1, trusted by the fetch for this test only."""
    key, cert = self_signed_certificate(tmp_path)
    import certifi

    monkeypatch.setattr(certifi, "where", lambda: str(cert))
    return key, cert


def test_https_still_fetches_and_a_slow_body_over_tls_stops_at_the_deadline(trickle_server, loopback_certificate):
    key, cert = loopback_certificate
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.load_cert_chain(cert, key)

    def answer(conn, server):
        with context.wrap_socket(conn, server_side=True) as tls:
            path = read_request(tls).split(b" ")[1]
            if path == b"/fast":
                tls.sendall(b"HTTP/1.1 200 OK\r\nContent-Length: 6\r\n\r\n<rss/>")
                return
            tls.sendall(b"HTTP/1.1 200 OK\r\nContent-Length: 1000\r\n\r\n")
            server.trickle(tls, b"x" * 1000)

    server = trickle_server(answer)
    assert fetch(server.url("/fast", scheme="https"), policy=POLICY).content == b"<rss/>"
    fails_in_time(server.url("/slow", scheme="https"), server)


def test_https_still_checks_the_certificate(trickle_server, tmp_path):
    """The deadline's own TLS context must verify as urllib3's does: an untrusted certificate is refused."""
    key, cert = self_signed_certificate(tmp_path)
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.load_cert_chain(cert, key)

    def answer(conn, server):
        with context.wrap_socket(conn, server_side=True) as tls:
            read_request(tls)
            tls.sendall(b"HTTP/1.1 200 OK\r\nContent-Length: 6\r\n\r\n<rss/>")

    server = trickle_server(answer)
    with pytest.raises(FetchError, match="certificate verify failed"):
        fetch(server.url("/feed.xml", scheme="https"), policy=POLICY)


def test_masthead_ingest_gives_up_on_a_trickling_server_at_the_configured_limit(trickle_server, db, allow_loopback):
    allow_loopback.INGEST_FETCH_TIMEOUT = LIMIT

    def answer(conn, server):
        read_request(conn)
        conn.sendall(b"HTTP/1.1 200 OK\r\nContent-Length: 1000\r\n\r\n")
        server.trickle(conn, b"x" * 1000, every=0.2)

    server = trickle_server(answer)
    out, err = io.StringIO(), io.StringIO()
    started = time.monotonic()
    assert run_ingest([server.url("/feed.xml")], out=out, err=err) == 1
    assert time.monotonic() - started < LIMIT + SLACK
    assert f"not fetched: timed out: {server.url('/feed.xml')} did not answer in full within 1.5 s" in out.getvalue()

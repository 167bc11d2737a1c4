"""An anonymous client for loopback: any host name (SNI and Host), any 127/8 source address, no cookies, HTTPS or not."""

from __future__ import annotations

import http.client
import socket
import ssl
import subprocess
from dataclasses import dataclass
from pathlib import Path

import pytest

# The certificate is self-signed, made by the test; trusting it is not what is under test.
INSECURE = ssl.create_default_context()
INSECURE.check_hostname = False
INSECURE.verify_mode = ssl.CERT_NONE


def make_certificate(directory: Path) -> tuple[Path, Path]:
    cert, key = directory / "tls.crt", directory / "tls.key"
    done = subprocess.run(
        [
            "openssl",
            "req",
            "-x509",
            "-newkey",
            "rsa:2048",
            "-nodes",
            "-days",
            "2",
            "-subj",
            "/CN=localhost",
            "-addext",
            "subjectAltName=DNS:localhost,DNS:news.localhost,IP:127.0.0.1",
            "-keyout",
            str(key),
            "-out",
            str(cert),
        ],
        capture_output=True,
        text=True,
        timeout=60,
    )
    if done.returncode != 0:
        pytest.fail(f"openssl could not make a certificate:\n{done.stderr}")
    return cert, key


class LoopbackHTTPS(http.client.HTTPSConnection):
    """Connects to 127.0.0.1 whatever the host name (news.localhost need not resolve), presenting it as SNI and Host."""

    def __init__(self, host: str, port: int, *, source: str | None = None, timeout: float = 10):
        super().__init__(host, port, context=INSECURE, timeout=timeout, source_address=(source, 0) if source else None)

    def connect(self) -> None:
        sock = socket.create_connection(("127.0.0.1", self.port), self.timeout, self.source_address)
        self.sock = self._context.wrap_socket(sock, server_hostname=self.host)


@dataclass
class Response:
    status: int
    headers: http.client.HTTPMessage
    body: bytes

    @property
    def text(self) -> str:
        return self.body.decode("utf-8", "replace")

    def header(self, name: str) -> str:
        return self.headers.get(name, "")


def request(
    port: int,
    path: str,
    *,
    host: str = "localhost",
    method: str = "GET",
    headers: dict | None = None,
    body: bytes | None = None,
    source: str | None = None,
    tls: bool = True,
) -> Response:
    if tls:
        connection = LoopbackHTTPS(host, port, source=source)
    else:
        connection = http.client.HTTPConnection("127.0.0.1", port, timeout=10, source_address=(source, 0) if source else None)
        headers = {"Host": f"{host}:{port}", **(headers or {})}
    try:
        connection.request(method, path, body=body, headers=headers or {})
        answer = connection.getresponse()
        return Response(answer.status, answer.headers, answer.read())
    finally:
        connection.close()

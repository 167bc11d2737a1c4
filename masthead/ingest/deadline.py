"""Connections that keep one wall-clock deadline, whatever the server does.

A socket timeout (and so urllib3's connect and read timeouts) bounds each
wait for the *next* bytes, not the whole exchange: a server sending one
byte every two seconds never trips a 20 s read timeout and keeps a fetch
running for as long as it likes, through slow headers, a slow body or a
slow TLS handshake. So every socket here sets its own timeout to the time
left before the fetch's deadline just before each operation (connect,
send, receive) and refuses to start one once the deadline has passed.
CPython's TLS handshake and ``sendall`` already count their timeout as
one deadline across their internal waits, so they end in time too.

No thread, signal or timer is involved: nothing is left running when a
fetch gives up. :func:`masthead.ingest.fetch.fetch` passes one deadline to
every hop of a redirect chain, so the total is bounded.
"""

from __future__ import annotations

import ipaddress
import socket
import ssl
import time

from urllib3.connection import HTTPConnection, HTTPSConnection
from urllib3.connectionpool import HTTPConnectionPool, HTTPSConnectionPool
from urllib3.exceptions import ConnectTimeoutError, NewConnectionError
from urllib3.util.ssl_ import create_urllib3_context


class DeadlinePassed(TimeoutError):
    """The fetch's deadline passed before a socket operation could start (a ``socket.timeout`` for urllib3)."""


class _KeepsDeadline:
    """Mixed into a socket class: each operation waits at most until ``deadline`` (``time.monotonic()``)."""

    deadline: float | None = None

    def _time_left(self) -> None:
        if self.deadline is None:
            return
        remaining = self.deadline - time.monotonic()
        if remaining <= 0:
            raise DeadlinePassed("the fetch's time limit has passed")
        self.settimeout(remaining)

    def connect(self, address):
        self._time_left()
        return super().connect(address)

    def recv(self, *args, **kwargs):
        self._time_left()
        return super().recv(*args, **kwargs)

    def recv_into(self, *args, **kwargs):
        self._time_left()
        return super().recv_into(*args, **kwargs)

    def send(self, *args, **kwargs):
        self._time_left()
        return super().send(*args, **kwargs)

    def sendall(self, *args, **kwargs):
        self._time_left()
        return super().sendall(*args, **kwargs)


class DeadlineSocket(_KeepsDeadline, socket.socket):
    pass


class DeadlineSSLSocket(_KeepsDeadline, ssl.SSLSocket):
    pass


class DeadlineHTTPConnection(HTTPConnection):
    """urllib3's connection over a :class:`DeadlineSocket`; ``host`` is the address already checked by fetch.py."""

    def __init__(self, *args, deadline: float, **kwargs):
        super().__init__(*args, **kwargs)
        self.deadline = deadline

    def _new_conn(self) -> socket.socket:
        family = socket.AF_INET6 if ipaddress.ip_address(self._dns_host).version == 6 else socket.AF_INET
        sock = DeadlineSocket(family, socket.SOCK_STREAM)
        sock.deadline = self.deadline
        try:
            for option in self.socket_options or ():
                sock.setsockopt(*option)
            sock.connect((self._dns_host, self.port))
            sock._time_left()  # the TLS handshake that may follow inherits this timeout as its deadline
        except TimeoutError as error:
            sock.close()
            raise ConnectTimeoutError(self, f"connection to {self.host} timed out") from error
        except OSError as error:
            sock.close()
            raise NewConnectionError(self, f"Failed to establish a new connection: {error}") from error
        return sock


class DeadlineHTTPSConnection(DeadlineHTTPConnection, HTTPSConnection):
    def __init__(self, *args, **kwargs):
        context = create_urllib3_context(cert_reqs=ssl.CERT_REQUIRED)
        context.sslsocket_class = DeadlineSSLSocket  # the wrapped socket keeps the deadline after the handshake
        kwargs.setdefault("ssl_context", context)
        super().__init__(*args, **kwargs)

    def connect(self) -> None:
        super().connect()
        if isinstance(self.sock, DeadlineSSLSocket):
            self.sock.deadline = self.deadline


class DeadlineHTTPConnectionPool(HTTPConnectionPool):
    ConnectionCls = DeadlineHTTPConnection


class DeadlineHTTPSConnectionPool(HTTPSConnectionPool):
    ConnectionCls = DeadlineHTTPSConnection

"""The client's own address, as the proxy in front of the app saw it.

Behind nginx every request reaches the app from 127.0.0.1. Taken at its word,
that address makes the login throttle (django-axes) lock an editor out because
somebody else guessed passwords, and puts one address in every log line.

The real address is in ``X-Forwarded-For``, a header anyone can write. It is
believed only with ``BEHIND_PROXY`` on and from a peer in ``TRUSTED_PROXIES``
(addresses or networks; default 127.0.0.1 and ::1), and then only its
right-most address that is not a trusted proxy: the one our own proxy appended
for the peer it saw. Whatever the client wrote stands to the left and is never
read. From an untrusted peer the forwarding headers are dropped, so neither
the address nor ``X-Forwarded-Proto`` can be spoofed by going around the proxy.
"""

from __future__ import annotations

import ipaddress
from functools import lru_cache

from django.conf import settings
from django.http import HttpRequest

Network = ipaddress.IPv4Network | ipaddress.IPv6Network
FORWARDING_HEADERS = ("HTTP_X_FORWARDED_FOR", "HTTP_X_REAL_IP", "HTTP_X_FORWARDED_PROTO")


@lru_cache(maxsize=4)
def _networks(entries: tuple[str, ...]) -> tuple[Network, ...]:
    return tuple(ipaddress.ip_network(entry, strict=False) for entry in entries)


def _address(text: str) -> ipaddress.IPv4Address | ipaddress.IPv6Address | None:
    try:
        address = ipaddress.ip_address(text.strip())
    except ValueError:
        return None
    # An IPv6 socket reports IPv4 clients as ::ffff:a.b.c.d.
    return getattr(address, "ipv4_mapped", None) or address


def is_trusted_proxy(text: str, trusted: tuple[str, ...]) -> bool:
    address = _address(text)
    return address is not None and any(address in network for network in _networks(trusted))


def resolve(peer: str, forwarded_for: str, trusted: tuple[str, ...]) -> str:
    """The client's address: the right-most hop of ``forwarded_for`` that is not a trusted proxy, if ``peer`` is one."""
    if not is_trusted_proxy(peer, trusted):
        return peer
    hops = [hop.strip() for hop in forwarded_for.split(",") if hop.strip()]
    for hop in reversed(hops):
        if not is_trusted_proxy(hop, trusted):
            # Our proxy appends a real address; anything else here was not written by it.
            address = _address(hop)
            return str(address) if address is not None else peer
    return str(_address(hops[0])) if hops else peer  # every hop is ours: the first is the client


def client_address(request: HttpRequest) -> str:
    """The address the request came from (django-axes' ``AXES_CLIENT_IP_CALLABLE``)."""
    known = getattr(request, "client_address", None)
    if known is not None:
        return known
    peer = request.META.get("REMOTE_ADDR", "")
    if not settings.BEHIND_PROXY:
        return peer
    return resolve(peer, request.META.get("HTTP_X_FORWARDED_FOR", ""), tuple(settings.TRUSTED_PROXIES))


class ClientAddressMiddleware:
    """Puts the client's address in ``REMOTE_ADDR`` (the proxy's is kept in ``request.proxy_address``).

    First in the chain, so the security middleware's HTTPS checks, the login
    throttle and the logs all see one address and one scheme.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request: HttpRequest):
        peer = request.META.get("REMOTE_ADDR", "")
        if settings.BEHIND_PROXY:
            trusted = tuple(settings.TRUSTED_PROXIES)
            if is_trusted_proxy(peer, trusted):
                request.META["REMOTE_ADDR"] = resolve(peer, request.META.get("HTTP_X_FORWARDED_FOR", ""), trusted)
            else:
                for header in FORWARDING_HEADERS:
                    request.META.pop(header, None)
        request.proxy_address = peer
        request.client_address = request.META.get("REMOTE_ADDR", "")
        return self.get_response(request)

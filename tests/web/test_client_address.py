"""Behind nginx, the app knows each client by its own address, and nobody can pose as another.

Every request reaches the app from nginx (127.0.0.1). The login throttle once
took that for the client: five wrong passwords from anyone locked the right
one out for every editor, everywhere, for fifteen minutes.
"""

from __future__ import annotations

import pytest
from django.contrib.auth import get_user_model
from django.test import RequestFactory

EDITOR, PASSWORD = "editor", "correct horse battery staple"
NGINX = "127.0.0.1"
ATTACKER, COLLEAGUE = "203.0.113.5", "198.51.100.7"
LOCKED_OUT_ON_THE_FIFTH = [200, 200, 200, 200, 429]  # AXES_FAILURE_LIMIT = 5


@pytest.fixture
def editor(db):
    return get_user_model().objects.create_superuser(EDITOR, "editor@example.org", PASSWORD)


@pytest.fixture
def behind_proxy(settings):
    settings.BEHIND_PROXY = True
    settings.TRUSTED_PROXIES = ["127.0.0.1", "::1"]
    settings.SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    return settings


def log_in(client, password: str, peer: str, forwarded_for: str | None = None) -> int:
    headers = {"REMOTE_ADDR": peer}
    if forwarded_for is not None:
        headers["HTTP_X_FORWARDED_FOR"] = forwarded_for
    response = client.post("/admin/login/", {"username": EDITOR, "password": password}, **headers)
    client.logout()
    return response.status_code


def test_wrong_passwords_from_one_client_do_not_lock_out_another(client, editor, behind_proxy):
    assert [log_in(client, "wrong password", NGINX, ATTACKER) for _ in range(5)] == LOCKED_OUT_ON_THE_FIFTH
    assert log_in(client, PASSWORD, NGINX, ATTACKER) == 429  # the guesser is locked out
    assert log_in(client, PASSWORD, NGINX, COLLEAGUE) == 302  # the editor elsewhere is not


def test_a_client_cannot_escape_the_lockout_by_forging_the_header(client, editor, behind_proxy):
    # What the client wrote stands left of what nginx appended: only nginx's entry counts.
    attempts = [log_in(client, "wrong password", NGINX, f"192.0.2.{n}, {ATTACKER}") for n in range(5)]
    assert attempts == LOCKED_OUT_ON_THE_FIFTH
    assert log_in(client, PASSWORD, NGINX, f"{COLLEAGUE}, {ATTACKER}") == 429


def test_forwarded_addresses_from_an_untrusted_peer_are_ignored(client, editor, behind_proxy):
    # A client reaching the app around the proxy writes any address it likes: it is not believed.
    assert [log_in(client, "wrong password", ATTACKER, f"192.0.2.{n}") for n in range(5)] == LOCKED_OUT_ON_THE_FIFTH
    assert log_in(client, PASSWORD, ATTACKER, COLLEAGUE) == 429


def test_without_a_proxy_the_header_means_nothing(client, editor, settings):
    settings.BEHIND_PROXY = False
    assert [log_in(client, "wrong password", ATTACKER, f"192.0.2.{n}") for n in range(5)] == LOCKED_OUT_ON_THE_FIFTH
    assert log_in(client, PASSWORD, ATTACKER, COLLEAGUE) == 429


def _through_middleware(**meta):
    from masthead.web.client_address import ClientAddressMiddleware

    return ClientAddressMiddleware(lambda request: request)(RequestFactory().get("/", **meta))


def test_the_app_sees_the_clients_address_and_scheme(behind_proxy):
    request = _through_middleware(REMOTE_ADDR=NGINX, HTTP_X_FORWARDED_FOR=ATTACKER, HTTP_X_FORWARDED_PROTO="https")
    assert (request.META["REMOTE_ADDR"], request.proxy_address, request.is_secure()) == (ATTACKER, NGINX, True)


def test_an_untrusted_peer_cannot_claim_https(behind_proxy):
    request = _through_middleware(REMOTE_ADDR=ATTACKER, HTTP_X_FORWARDED_FOR=COLLEAGUE, HTTP_X_FORWARDED_PROTO="https")
    assert (request.META["REMOTE_ADDR"], request.is_secure()) == (ATTACKER, False)
    assert "HTTP_X_FORWARDED_FOR" not in request.META


@pytest.mark.parametrize(
    "peer, forwarded_for, expected",
    [
        (NGINX, ATTACKER, ATTACKER),
        (NGINX, f"192.0.2.1, {ATTACKER}", ATTACKER),  # the client's own entry is never read
        (NGINX, f"{ATTACKER}, 10.0.0.2", ATTACKER),  # a load balancer of ours in the chain is stepped over
        (NGINX, "", NGINX),  # nothing forwarded: the peer itself
        (NGINX, "127.0.0.1", "127.0.0.1"),  # a client on the proxy's own machine
        (NGINX, "not-an-address", NGINX),  # not what our proxy writes: believe nothing
        (NGINX, f"::ffff:{ATTACKER}", ATTACKER),  # an IPv4 client seen by an IPv6 socket
        (NGINX, "2001:db8::7", "2001:db8::7"),
        (ATTACKER, COLLEAGUE, ATTACKER),  # not a proxy of ours
        ("::1", ATTACKER, ATTACKER),
    ],
)
def test_resolve(peer, forwarded_for, expected):
    from masthead.web.client_address import resolve

    assert resolve(peer, forwarded_for, ("127.0.0.1", "::1", "10.0.0.0/8")) == expected

"""A phone on a metered connection gets every cached page compressed, by nginx and by the app alike.

The first answer of a page comes from the app (which stores it with its .br and .gz beside it), the
next from nginx reading those files. Both must send the encoding the reader asked for, say
``Vary: Accept-Encoding``, and revalidate by the ETag of that encoding.
"""

from __future__ import annotations

import gzip

import brotli
import pytest

pytestmark = pytest.mark.browser
PAGES = ["/", "/feed/", "/sitemap.xml", "/api/v1/articles"]
DECODERS = {"br": brotli.decompress, "gzip": gzip.decompress}


@pytest.mark.parametrize("path", PAGES)
def test_cached_pages_are_compressed_and_revalidate_per_encoding(stack, path):
    plain = stack.get(path, headers={"Accept-Encoding": "identity"})
    assert plain.status == 200 and plain.header("Content-Encoding") == "", (path, plain.status)
    for encoding, decode in DECODERS.items():
        answers = [stack.get(path, headers={"Accept-Encoding": encoding}) for _ in range(2)]
        assert answers[1].header("X-Cache") == "NGINX", (path, answers[1].header("X-Cache"))
        for answer in answers:
            assert (answer.status, answer.header("Content-Encoding")) == (200, encoding), (path, answer.header("X-Cache"))
            assert "Accept-Encoding" in answer.header("Vary"), (path, encoding, answer.header("Vary"))
            assert decode(answer.body) == plain.body, (path, encoding)
            assert len(answer.body) < len(plain.body), (path, encoding)
            again = stack.get(path, headers={"Accept-Encoding": encoding, "If-None-Match": answer.header("ETag")})
            assert again.status == 304, (path, encoding, answer.header("ETag"), again.status)


def test_an_editors_pages_are_never_compressed(stack):
    """BREACH: a response carrying a CSRF token or session is sent as it is."""
    login = stack.get("/admin/login/", headers={"Accept-Encoding": "gzip, br"})
    assert login.status == 200
    assert login.header("Content-Encoding") == ""
    assert "csrfmiddlewaretoken" in login.text

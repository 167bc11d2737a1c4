"""Readers on phones, through nginx and TLS: pages whole, styled, pictured, and served from the page cache."""

from __future__ import annotations

import pytest

from tests.deployed.editing import newest_story
from tests.deployed.reading import read

pytestmark = pytest.mark.browser


@pytest.mark.parametrize("page", ["home", "article"])
def test_a_phone_reads_a_whole_page_then_gets_it_from_nginx(stack, tls_browser, page):
    path = "/" if page == "home" else newest_story(stack.get).path
    first = read(tls_browser, stack.url(path), f"deployed-{page}")
    assert first.problems == [], first.problems
    assert first.pictures > 0, "no pictures on the page"

    again = read(tls_browser, stack.url(path))  # a second reader, with an empty browser cache
    assert again.problems == [], again.problems
    assert again.cache == "NGINX", f"the second reader's page did not come from nginx's page cache: X-Cache {again.cache!r}"


@pytest.mark.parametrize("pixel_ratio", [2, 3])
def test_a_sharp_phone_screen_gets_webp_pictures_no_wider_than_their_boxes(stack, tls_browser, pixel_ratio):
    """390 px at 2x and 3x (most phones): every picture on home and a story is WebP and chosen for its box."""
    for path in ["/", newest_story(stack.get).path]:
        visit = read(tls_browser, stack.url(path), pixel_ratio=pixel_ratio)
        assert visit.pictures > 0, path
        assert visit.problems == [], (path, visit.problems)


def test_every_answer_over_tls_carries_the_security_headers(stack):
    """HTTPS=1 promises HSTS: on pages nginx serves from the cache as much as on those the app answers."""
    article = newest_story(stack.get).path
    for path in ["/", article, "/admin/login/", "/api/v1/articles", "/static/web/masthead.css"]:
        for _ in range(2):  # the second time from the cache, where the page has one
            response = stack.get(path)
        assert response.status == 200, (path, response.status)
        assert response.header("Strict-Transport-Security").startswith("max-age="), (path, response.header("X-Cache"))
        assert response.header("X-Content-Type-Options") == "nosniff", path
    for path in ["/", article]:
        response = stack.get(path)
        assert "frame-ancestors 'none'" in response.header("Content-Security-Policy"), path
        assert not response.header("Set-Cookie"), path

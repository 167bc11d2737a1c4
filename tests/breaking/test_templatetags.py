"""The banner on every page of the edition, full and lite; filed under the edition's cache tag; at no query cost."""

from __future__ import annotations

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from masthead.breaking import services

BANNER = b'<aside class="breaking" aria-label="Breaking news">'


def local(page, edition) -> str:
    return "/" + page.url_path[len(edition.home.url_path) :]


@pytest.fixture
def pages(edition, make_story):
    story = make_story(title="Markets steady", tags=["markets"])
    breaking = make_story(title="Quake hits the north")
    paths = ["/", local(story.section, edition), local(story, edition), "/tags/markets/", "/search/?q=markets"]
    return breaking, paths + [path + ("&" if "?" in path else "?") + "lite=1" for path in paths]


def count_queries(client, url) -> int:
    client.get(url)  # warm, as tests/web/test_pages.py does
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200, url
    # Read once per process and change (breaking/current.py), never per page.
    assert not [query for query in queries.captured_queries if "breaking_breakingstory" in query["sql"]], url
    return len(queries)


def test_every_page_full_and_lite_shows_the_banner_linking_to_the_story(client, edition, pages, mark):
    breaking, paths = pages
    mark(breaking)
    target = local(breaking, edition)
    for path in paths:
        html = client.get(path).content
        assert html.count(BANNER) == 1, path
        link = f'href="{target}?lite=1"' if "lite=1" in path else f'href="{target}"'
        assert link.encode() in html and b"Quake hits the north" in html, path


def test_the_story_itself_marks_its_banner_link_as_the_current_page(client, edition, pages, mark):
    breaking, _ = pages
    mark(breaking)
    assert b'aria-current="page">Quake hits the north</a></p></aside>' in client.get(local(breaking, edition)).content


def test_no_banner_without_a_breaking_story_or_after_it_ends(client, edition, pages, mark):
    breaking, paths = pages
    for path in paths:
        assert BANNER not in client.get(path).content, path
    services.end(mark(breaking))
    for path in paths:
        assert BANNER not in client.get(path).content, path


def test_cached_pages_are_filed_under_the_editions_tag_with_or_without_a_banner(client, edition, pages, mark):
    breaking, paths = pages
    tag = f"breaking-{edition.home.pk}"
    cacheable = [path for path in paths if not path.startswith("/search/")]
    for path in cacheable:
        assert tag in client.get(path).headers["X-Cache-Tags"].split(), path
    mark(breaking)
    for path in cacheable:
        assert tag in client.get(path).headers["X-Cache-Tags"].split(), path
    # The story's own tags are kept beside it, not replaced.
    assert f"article-{breaking.pk}" in client.get(local(breaking, edition)).headers["X-Cache-Tags"].split()


def test_a_banner_costs_no_query(client, edition, pages, mark):
    breaking, paths = pages
    without = {path: count_queries(client, path) for path in paths}
    mark(breaking)
    with_banner = {path: count_queries(client, path) for path in paths}
    assert with_banner == without

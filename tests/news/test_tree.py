"""Subtree conditions as index ranges: the same stories as a path prefix, on either database."""

from __future__ import annotations

import pytest

from masthead.news.tree import below, next_path, under


@pytest.mark.parametrize(
    ("path", "expected"),
    [("0001", "0002"), ("0009", "000A"), ("000Z", "0010"), ("00010ZZZ", "00011000"), ("0ZZZ", "1000"), ("ZZZZ", None)],
)
def test_next_path_is_the_following_path_of_the_same_length(path, expected):
    assert next_path(path) == expected


def test_under_and_below_select_exactly_the_subtree(make_story, edition):
    from wagtail.models import Page

    from masthead.news.models import SectionPage

    make_story()  # a year page and a story under the first section
    section = SectionPage.objects.order_by("path").first()
    prefix = {page.pk for page in Page.objects.all() if page.path.startswith(section.path)}
    assert len(prefix) >= 3
    assert set(Page.objects.filter(under(section.path)).values_list("pk", flat=True)) == prefix
    assert set(Page.objects.filter(below(section.path)).values_list("pk", flat=True)) == prefix - {section.pk}

"""The admin's costs that would grow with the archive: the dashboard's page count, the chooser's rows, the root lookup."""

from __future__ import annotations

import re

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from wagtail.models import Page


def page_counts(queries) -> list[str]:
    return [q["sql"] for q in queries if re.search(r'COUNT\(\*\).*FROM "wagtailcore_page"', q["sql"])]


def test_dashboard_counts_pages_once_in_a_while(admin_client, make_story):
    cache.clear()
    make_story()
    with CaptureQueriesContext(connection) as first:
        response = admin_client.get(reverse("wagtailadmin_home"))
    assert len(page_counts(first)) == 1
    pages = Page.objects.count() - 1  # the tree's root is not a page
    assert f"<span>{pages}</span>" in response.content.decode().replace(",", "") or str(pages) in response.content.decode()
    make_story()
    with CaptureQueriesContext(connection) as second:
        assert admin_client.get(reverse("wagtailadmin_home")).status_code == 200
    assert page_counts(second) == []  # read from the cache, not from every page of the tree


def test_chooser_reads_workflow_states_once_per_page_of_rows(admin_client, make_story, edition):
    for n in range(6):
        make_story(title=f"Story {n}")
    year_folder = Page.objects.get(title__startswith="World ", depth=edition.sections["world"].depth + 1)
    url = reverse("wagtailadmin_choose_page_child", args=(year_folder.pk,))
    admin_client.get(url)
    with CaptureQueriesContext(connection) as queries:
        assert admin_client.get(url, {"page_type": "news.articlepage"}).status_code == 200
    workflow_reads = [q for q in queries if "wagtailcore_workflowstate" in q["sql"]]
    assert len(workflow_reads) <= 2  # the rows at once, and the folder itself; not one per row


@pytest.mark.django_db
def test_root_nodes_and_children_have_their_index(edition):
    with connection.cursor() as cursor:
        constraints = connection.introspection.get_constraints(cursor, Page._meta.db_table)
    assert {"search_page_children_by_depth", "search_page_children_by_locale", "search_page_expiring_by_path"} <= set(constraints)
    if connection.vendor != "sqlite":
        return  # PostgreSQL plans from its statistics
    section = edition.sections["world"]
    children = Page.objects.child_of(section).filter(path__range=(section.path + "0000", section.path + "ZZZZ"))
    for pages in (Page.get_root_nodes(), children):  # the explorer's children, their path range said outright
        sql, params = pages.query.sql_with_params()
        with connection.cursor() as cursor:
            cursor.execute("EXPLAIN QUERY PLAN " + sql, params)
            plan = " ".join(str(row[-1]) for row in cursor.fetchall())
        assert "search_page_children_by_depth (depth=?" in plan, plan


@pytest.mark.django_db
def test_a_folders_children_in_a_locale_are_read_from_the_index(edition):
    if connection.vendor != "sqlite":
        pytest.skip("PostgreSQL plans from its statistics")
    section = edition.sections["world"]
    low, high = section.path + "0" * section.steplen, section.path + "Z" * section.steplen
    # The page chooser's count of a folder's rows with translations on (choosable stories, or folders to open).
    sql = (
        "SELECT COUNT(*) FROM wagtailcore_page WHERE ((depth = %s AND path BETWEEN %s AND %s AND content_type_id IN (%s))"
        " OR (depth = %s AND path BETWEEN %s AND %s AND numchild > 0)) AND locale_id = %s"
    )
    params = [section.depth + 1, low, high, 1, section.depth + 1, low, high, section.locale_id]
    with connection.cursor() as cursor:
        cursor.execute("EXPLAIN QUERY PLAN " + sql, params)
        assert "search_page_children_by_locale" in " ".join(str(row[-1]) for row in cursor.fetchall())

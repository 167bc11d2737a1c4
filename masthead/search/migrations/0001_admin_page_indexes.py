"""Indexes on Wagtail's page table for the admin, so that listing a page's children reads those children alone.

- by depth and path: every admin view asks for the tree's root (depth 1, in
  path order), the explorer for a parent's children (a depth and a path
  range, see ``admin_views.PageExplorerView``); without it the database read
  every page of the archive to find one root or a section's dozen folders;
- by locale, depth and path: with translations on, the page chooser lists a
  folder's children in one locale. SQLite has no statistics to tell it that
  nearly every page shares that locale, and read the locale index — every
  page — to list one year folder (160 ms at a hundred thousand stories);
- by path, for pages with an expiry time: the dashboard lists overdue expiries
  in tree order, and SQLite walked the whole path index to find the few pages
  that have one (130 ms at a hundred thousand stories).
"""

from django.db import migrations

INDEXES = [
    ("search_page_children_by_depth", "wagtailcore_page (depth, path)"),
    ("search_page_children_by_locale", "wagtailcore_page (locale_id, depth, path)"),
    ("search_page_expiring_by_path", "wagtailcore_page (path) WHERE expire_at IS NOT NULL"),
]


class Migration(migrations.Migration):
    dependencies = [("wagtailcore", "0098_apitoken")]

    operations = [
        migrations.RunSQL(f"CREATE INDEX IF NOT EXISTS {name} ON {definition}", f"DROP INDEX IF EXISTS {name}")
        for name, definition in INDEXES
    ]

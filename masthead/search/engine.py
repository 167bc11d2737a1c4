"""Full-text matching with a bounded cost, on top of Wagtail's database search index.

Wagtail's database backend ranks every story that matches before it can
show the first ten, and on SQLite it runs the full-text match once per
candidate row: at ten thousand stories a two-word search took fifty
seconds. A newsroom's readers want the newest stories about something, so
this asks the index for the most recently indexed stories holding every
word, at most ``CANDIDATES`` of them, reading the index newest first and
stopping there (FTS5 walks its rows in order; PostgreSQL reads its GIN
indexes). The listing then orders those few by publication.

Other databases fall back to Wagtail's own search.
"""

from __future__ import annotations

from django.contrib.contenttypes.models import ContentType
from django.db import connection

from masthead.news.models import ArticlePage

CANDIDATES = 500  # 25 pages of 20; also well under SQLite's limit on bound parameters


def newest_matches(terms: str, limit: int | None = None) -> list[int] | None:
    """Ids of the most recently indexed stories whose headline or text holds every word, newest first.

    ``terms`` are plain words (see ``search.views.search_terms``). None when
    this database has no fast path; the caller then uses Wagtail's search.
    """
    words = terms.split()
    if not words:
        return []
    limit = CANDIDATES if limit is None else limit
    content_type = ContentType.objects.get_for_model(ArticlePage).pk
    if connection.vendor == "sqlite":
        # Every word quoted: a reader's "AND" or "NOT" is a word, not FTS5 syntax.
        match = "{title body} : (" + " AND ".join(f'"{word}"' for word in words) + ")"
        sql = (
            "SELECT e.object_id FROM wagtailsearch_indexentry_fts f JOIN wagtailsearch_indexentry e ON e.id = f.rowid"
            " WHERE wagtailsearch_indexentry_fts MATCH %s AND e.content_type_id = %s ORDER BY f.rowid DESC LIMIT %s"
        )
        params = [match, content_type, limit]
    elif connection.vendor == "postgresql":
        sql = (
            "SELECT object_id FROM wagtailsearch_indexentry, plainto_tsquery(%s) AS q"
            " WHERE content_type_id = %s AND (title @@ q OR body @@ q) ORDER BY id DESC LIMIT %s"
        )
        params = [" ".join(words), content_type, limit]
    else:
        return None
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        return [int(row[0]) for row in cursor.fetchall()]


def search_stories(stories, terms: str):
    """``stories`` (a listing queryset) narrowed to those matching ``terms``, newest first."""
    ids = newest_matches(terms)
    if ids is None:
        return stories.order_by().search(terms, order_by_relevance=True)
    return stories.filter(pk__in=ids)

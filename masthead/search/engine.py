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

import re

from django.contrib.contenttypes.models import ContentType
from django.db import connection

from masthead.news.models import ArticlePage
from masthead.search import folding

CANDIDATES = 500  # 25 pages of 20; also well under SQLite's limit on bound parameters
PREFIX_LETTERS = 3
RECENT_TITLES = 20_000  # PostgreSQL: index entries walked newest first before asking the GIN index (a few months)
NON_WORD = re.compile(r"[\W_]+")  # underscores separate words, as both full-text tokenizers read them


def words(query: str) -> str:
    """Only the words, folded as the index's text is (see ``folding``).

    Punctuation means query syntax to full-text engines (FTS5 fails on a
    stray quote). Folded first: a vowel mark is not a word character, and
    would cut a word in two.
    """
    return " ".join(NON_WORD.sub(" ", folding.fold(query)).split())


def newest_matches(terms: str, limit: int | None = None) -> list[int] | None:
    """Ids of the most recently indexed stories whose headline or text holds every word, newest first.

    ``terms`` are plain words (see ``search.views.search_terms``). None when
    this database has no fast path; the caller then uses Wagtail's search.
    """
    return newest_index_matches(terms, [ArticlePage], limit=limit)


def newest_index_matches(terms: str, models, *, limit: int | None = None, titles_as_typed: bool = False) -> list[int] | None:
    """Ids of the most recently indexed objects of ``models`` holding every word, newest first, at most ``limit``.

    ``titles_as_typed`` matches the index's autocomplete column (a page's
    title) the way an editor types into a search box: every word whole but
    the last, which may be the start of a word once it has three letters
    (shorter starts would make the engine merge the entries of every word
    they begin, a cost that grows with the archive's vocabulary). Without
    it, every word whole in the title or the text, as readers search.
    None when this database has no fast path.
    """
    typed = terms.split()
    if not typed:
        return []
    limit = CANDIDATES if limit is None else limit
    content_types = [ct.pk for ct in ContentType.objects.get_for_models(*models, for_concrete_models=False).values()]
    types = ", ".join(["%s"] * len(content_types))
    last_is_prefix = titles_as_typed and len(typed[-1]) >= PREFIX_LETTERS
    if connection.vendor == "sqlite":
        # Every word quoted: a reader's "AND" or "NOT" is a word, not FTS5 syntax.
        quoted = [f'"{word}"' for word in typed]
        if last_is_prefix:
            quoted[-1] += "*"
        columns = "autocomplete" if titles_as_typed else "{title body}"
        match = columns + " : (" + " AND ".join(quoted) + ")"
        sql = (
            "SELECT e.object_id FROM wagtailsearch_indexentry_fts f JOIN wagtailsearch_indexentry e ON e.id = f.rowid"
            f" WHERE wagtailsearch_indexentry_fts MATCH %s AND e.content_type_id IN ({types}) ORDER BY f.rowid DESC LIMIT %s"
        )
        params = [match, *content_types, limit]
    elif connection.vendor == "postgresql":
        if titles_as_typed:
            # The autocomplete column is built with the 'simple' configuration: words as written, lower-cased.
            lexemes = [word.lower() for word in typed]
            if last_is_prefix:
                lexemes[-1] += ":*"
            return _newest_titles_postgresql(" & ".join(lexemes), content_types, limit)
        sql = (
            "SELECT object_id FROM wagtailsearch_indexentry, plainto_tsquery(%s) AS q"
            f" WHERE content_type_id IN ({types}) AND (title @@ q OR body @@ q) ORDER BY id DESC LIMIT %s"
        )
        params = [" ".join(typed), *content_types, limit]
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


def _newest_titles_postgresql(tsquery: str, content_types: list[int], limit: int) -> list[int]:
    """The newest titles matching, in two steps whose cost does not follow the archive's size.

    PostgreSQL's GIN index answers "which entries hold these words" in no
    order: ranking them newest first reads every match, a cost that grows
    with the archive for a common word. So the newest ``RECENT_TITLES``
    entries are walked first, newest first, stopping at ``limit`` matches
    (common words end here); only words too rare to fill the page there ask
    the GIN index about older entries, and rare words have few matches.
    """
    types = ", ".join(["%s"] * len(content_types))
    recent = (
        f"SELECT id, object_id, autocomplete FROM wagtailsearch_indexentry WHERE content_type_id IN ({types})"
        " ORDER BY id DESC LIMIT %s"
    )
    with connection.cursor() as cursor:
        # The inner LIMIT fences the walk; rows leave it newest first, and the outer LIMIT stops it early.
        cursor.execute(
            f"SELECT id, object_id FROM ({recent}) AS recent WHERE autocomplete @@ to_tsquery('simple', %s) LIMIT %s",
            [*content_types, RECENT_TITLES, tsquery, limit],
        )
        found = sorted(cursor.fetchall(), reverse=True)
        if len(found) < limit:
            # Older than the walked window (other kinds of entries are few: the bound is near enough).
            cursor.execute("SELECT MAX(id) FROM wagtailsearch_indexentry")
            floor = (cursor.fetchone()[0] or 0) - RECENT_TITLES
            if floor > 0:
                seen = {object_id for _, object_id in found}
                # "id + 0": ordered by a value no index holds, so the planner reads the GIN index, not every entry.
                cursor.execute(
                    "SELECT id, object_id FROM wagtailsearch_indexentry"
                    f" WHERE content_type_id IN ({types}) AND autocomplete @@ to_tsquery('simple', %s) AND id <= %s"
                    " ORDER BY id + 0 DESC LIMIT %s",
                    [*content_types, tsquery, floor, limit],
                )
                found += [row for row in cursor.fetchall() if row[1] not in seen][: limit - len(found)]
    return [int(object_id) for _, object_id in found]

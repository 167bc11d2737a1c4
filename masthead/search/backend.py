"""Wagtail's database search backend, with the admin's page searches answered newest first at a bounded cost.

The admin's page search, the page chooser's search and the explorer's
search box all ask the backend to ``autocomplete`` a page queryset. Wagtail
ranks every page whose title matches before it can show the first twenty:
3 s at ten thousand stories, minutes at a hundred thousand. A newsroom
searching its pages wants the newest story with those words, so this asks
the full-text index for the most recently indexed pages matching (see
``engine.newest_index_matches``, the reader search's engine) and keeps those
the view's own queryset allows: its filters — permissions, page type, a
parent's descendants — still decide what is shown. Pages matching beyond
the newest ``engine.CANDIDATES`` are not found; the search box is for
finding recent work, the explorer for the archive.

Other searches (images, documents, snippets, ``search()``) go to Wagtail's
backend unchanged; so does everything on databases without a fast path.

On SQLite and PostgreSQL the index stores text folded (``folding.fold``:
one spelling for the Urdu and Arabic forms of a letter, no vowel marks),
and every query is folded the same way before it is asked.

Settings: ``WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "masthead.search.backend"}}``.
"""

from __future__ import annotations

import copy
import functools
import sys
import types
from collections import OrderedDict

from django.db.models import Count, QuerySet
from django.db.models.functions import Coalesce
from modelsearch.backends import database
from modelsearch.backends.base import BaseSearchResults
from modelsearch.query import MatchAll, PlainText, SearchQuery
from wagtail.models import Page, get_page_models

from masthead.search import engine, folding

MAX_QUERY_LENGTH = 200
# What an admin listing of pages found by a search is ordered by when the view asks for no order of its own:
# a story's first publication, a draft's last save; pages with neither (the root, bare folders) last.
NEWEST_FIRST = (Coalesce("first_published_at", "latest_revision_created_at").desc(nulls_last=True), "-pk")


class NewestPages(BaseSearchResults):
    """The pages of ``queryset`` among ``ids`` (the index's newest matches), as Wagtail's search results.

    ``ids`` is bounded, so counting, paging and faceting read at most that many rows.
    """

    supports_facet = True
    ordered = True  # for Django's paginator: these come in a fixed order

    def __init__(self, backend, queryset: QuerySet, ids: list[int], keep_order: bool):
        super().__init__(backend, None)
        self.model = queryset.model
        self.queryset, self.ids, self.keep_order = queryset, ids, keep_order

    def _clone(self):
        new = self.__class__(self.backend, self.queryset, self.ids, self.keep_order)
        new.start, new.stop, new._score_field = self.start, self.stop, self._score_field
        return new

    def _matching(self) -> QuerySet:
        return self.queryset.filter(pk__in=self.ids)

    def _do_search(self):
        pages = self._matching()
        if not self.keep_order:
            pages = pages.order_by(*NEWEST_FIRST)
        if not pages._prefetch_related_lookups:
            # The chooser draws each page's locale, parent, lock and workflow state: fetched for the page of
            # results at once rather than row by row (Wagtail's own listings annotate theirs likewise).
            pages = pages.prefetch_related("locale").prefetch_workflow_states().annotate_approved_schedule()
        found = list(pages[self.start : self.stop])
        with_parents(found)
        return found

    def _do_count(self):
        return self._matching().order_by().count()

    def facet(self, field_name):
        counts = self._matching().order_by().values(field_name).annotate(count=Count("pk")).order_by("-count")
        return OrderedDict((row[field_name], row["count"]) for row in counts)


class NewestFirstPageSearch:
    """Mixed into the database backend of the database in use: page autocompletes go through the index, newest first."""

    def autocomplete(self, query, model_or_queryset, fields=None, operator=None, order_by_relevance=True):
        queryset = model_or_queryset if isinstance(model_or_queryset, QuerySet) else model_or_queryset.objects.all()
        ids = self._newest_page_ids(query, queryset) if fields is None and operator in (None, "and") else None
        if ids is None:
            return super().autocomplete(query, model_or_queryset, fields, operator, order_by_relevance)
        # A view that orders its listing (a column header) keeps its order; otherwise the newest come first.
        return NewestPages(self, queryset, ids, keep_order=not order_by_relevance)

    def _newest_page_ids(self, query, queryset: QuerySet) -> list[int] | None:
        """The candidates' ids, or None when this search is not one for the index's fast path."""
        if not issubclass(queryset.model, Page):
            return None
        if isinstance(query, MatchAll):
            # An empty search box lists pages: the newest created, as many as a search would weigh.
            return list(queryset.order_by("-pk").values_list("pk", flat=True)[: engine.CANDIDATES])
        if isinstance(query, PlainText):
            query = query.query_string
        if not isinstance(query, str):
            return None  # phrases, boolean queries: Wagtail's own search understands them
        models = [model for model in get_page_models() if issubclass(model, queryset.model)]
        return engine.newest_index_matches(engine.words(query[:MAX_QUERY_LENGTH]), models, titles_as_typed=True)


class FoldedQueries:
    """Mixed into the backend: what is asked is folded as the index's text was (see ``folding``).

    A search limited to ``fields`` on PostgreSQL reads the model's own
    columns, not the index, and finds only the spelling stored there.
    """

    def search(self, query, model_or_queryset, *args, **kwargs):
        return super().search(folded(query), model_or_queryset, *args, **kwargs)

    def autocomplete(self, query, model_or_queryset, *args, **kwargs):
        return super().autocomplete(folded(query), model_or_queryset, *args, **kwargs)


def folded(query):
    """A query string, or a parsed query's every string, folded; the query is not changed in place."""
    if isinstance(query, str):
        return folding.fold(query)
    if not isinstance(query, SearchQuery):
        return query
    query = copy.copy(query)
    if isinstance(getattr(query, "query_string", None), str):
        query.query_string = folding.fold(query.query_string)
    if hasattr(query, "subquery"):
        query.subquery = folded(query.subquery)
    if hasattr(query, "subqueries"):
        query.subqueries = [folded(subquery) for subquery in query.subqueries]
    return query


@functools.cache
def folding_index(index_class):
    """``index_class`` with the text of each object folded before it is stored.

    modelsearch reads an object's text through the ``ObjectIndexer`` of its
    backend's module, named inside ``add_items`` with no setting to replace
    it. Ours is theirs with every value folded; ``add_items`` is their code
    run with ours under that name, so their SQL stays theirs across upgrades.
    """
    add_items = index_class.add_items
    if "ObjectIndexer" not in names_read(add_items.__code__):
        # A modelsearch upgrade changed how it indexes: stop rather than store unfolded text no query would find.
        raise RuntimeError(f"{index_class.__module__}.{index_class.__name__}.add_items no longer reads ObjectIndexer")
    theirs = sys.modules[index_class.__module__].ObjectIndexer

    class FoldingObjectIndexer(theirs):
        def prepare_value(self, value):
            return folding.fold(super().prepare_value(value))

    namespace = {**add_items.__globals__, "ObjectIndexer": FoldingObjectIndexer}
    folded_add_items = types.FunctionType(add_items.__code__, namespace, add_items.__name__, add_items.__defaults__)
    return type(f"Folding{index_class.__name__}", (index_class,), {"add_items": folded_add_items})


def names_read(code: types.CodeType) -> set[str]:
    """The global names a function's code reads, its comprehensions' included."""
    nested = [const for const in code.co_consts if isinstance(const, types.CodeType)]
    return set(code.co_names).union(*(names_read(inner) for inner in nested))


# The backends with an index the engine reads (FTS5 on SQLite, tsvector on PostgreSQL). Named, not imported:
# each backend's module only imports on its own database.
FAST_BACKENDS = ("SQLiteSearchBackend", "PostgresSearchBackend")


def SearchBackend(params):  # noqa: N802 - the name Wagtail looks for in a backend module
    backend = database.SearchBackend(params)
    theirs = type(backend)
    if theirs.__name__ not in FAST_BACKENDS:
        return backend
    ours = {"index_class": folding_index(theirs.index_class)}
    return type(f"NewestFirst{theirs.__name__}", (FoldedQueries, NewestFirstPageSearch, theirs), ours)(params)


def with_parents(pages: list[Page]) -> None:
    """Each page's parent, in one query, where treebeard's ``get_parent`` looks for it first."""
    paths = {page.path[: -page.steplen] for page in pages if page.depth > 1}
    parents = {parent.path: parent for parent in Page.objects.filter(path__in=paths).select_related("locale")} if paths else {}
    for page in pages:
        parent = parents.get(page.path[: -page.steplen])
        if parent is not None:
            page._cached_parent_obj = parent

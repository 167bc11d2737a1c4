from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_safe

from masthead.lib.pagination import paginate
from masthead.news import querysets
from masthead.search.engine import search_stories, words
from masthead.web.views import _site

MAX_QUERY_LENGTH = 200
PAGE_SIZE = 20


def clean_query(raw: str | None) -> str:
    """The reader's words as typed, trimmed to a sane length (shown back on the page)."""
    return " ".join((raw or "").split())[:MAX_QUERY_LENGTH]


def search_terms(query: str) -> str:
    """Only the words: punctuation means query syntax to full-text engines (FTS5 fails on a stray quote)."""
    return words(query)


@require_safe
def search(request: HttpRequest) -> HttpResponse:
    query = clean_query(request.GET.get("q"))
    terms = search_terms(query)
    listing = None
    if terms:
        listing = paginate(request, search_stories(querysets.site_stories(_site(request)), terms), PAGE_SIZE)
    return render(request, "search/search.html", {"query": query, "listing": listing})

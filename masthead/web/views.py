"""Listings outside the page tree: a tag, an author, an agency; and the error pages."""

from __future__ import annotations

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext
from django.views.decorators.http import require_safe
from wagtail.models import Site

from masthead.lib.pagination import paginate
from masthead.news import scopes
from masthead.news.scopes import ListingScope

PAGE_SIZE = 20


def _site(request: HttpRequest) -> Site:
    site = Site.find_for_request(request)
    if site is None:
        raise Http404("No edition is configured for this host")
    return site


def _listing(request: HttpRequest, scope: ListingScope, slug: str):
    """The edition's scope listing for ``slug``, page by page; 404 when the edition has no such tag, author or agency."""
    site = _site(request)
    subject = scope.find(site, slug)
    if subject is None:
        raise Http404(f"No such {scope.kind} in this edition")
    return subject, paginate(request, scope.stories(site, subject), PAGE_SIZE)


@require_safe
def tag_stories(request: HttpRequest, slug: str) -> HttpResponse:
    tag, listing = _listing(request, scopes.TAG, slug)
    return render(request, "web/listing.html", {"heading": tag.name, "kicker": gettext("Tag"), "listing": listing})


@require_safe
def author_stories(request: HttpRequest, slug: str) -> HttpResponse:
    author, listing = _listing(request, scopes.AUTHOR, slug)
    return render(
        request,
        "web/listing.html",
        {"heading": author.name, "kicker": author.role or gettext("Author"), "about": author.bio, "listing": listing},
    )


@require_safe
def agency_stories(request: HttpRequest, slug: str) -> HttpResponse:
    agency, listing = _listing(request, scopes.AGENCY, slug)
    return render(request, "web/listing.html", {"heading": agency.name, "kicker": gettext("Agency"), "listing": listing})


def page_not_found(request: HttpRequest, exception=None) -> HttpResponse:
    return render(request, "404.html", status=404)


def server_error(request: HttpRequest) -> HttpResponse:
    """500, or 503 with Retry-After when the database is away: readers and crawlers should come back, not give up."""
    import sys

    from django.db import DatabaseError
    from django.template.loader import render_to_string

    error = sys.exc_info()[1]
    if request.path_info.startswith("/api/"):  # the app API answers in its own error shape, even here
        from masthead.api.errors import unhandled_error_response

        return unhandled_error_response(error, request)
    if isinstance(error, DatabaseError):
        response = HttpResponse(render_to_string("503.html"), status=503)
        response["Retry-After"] = "30"
        response["Cache-Control"] = "no-store"
        return response
    return HttpResponse(render_to_string("500.html"), status=500)

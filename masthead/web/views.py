"""Listings outside the page tree: a tag, an author, an agency; and the error pages."""

from __future__ import annotations

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.views.decorators.http import require_safe
from taggit.models import Tag
from wagtail.models import Site

from masthead.lib.pagination import paginate
from masthead.news import querysets
from masthead.news.models import Agency, Author

PAGE_SIZE = 20


def _site(request: HttpRequest) -> Site:
    site = Site.find_for_request(request)
    if site is None:
        raise Http404("No edition is configured for this host")
    return site


@require_safe
def tag_stories(request: HttpRequest, slug: str) -> HttpResponse:
    tag = get_object_or_404(Tag, slug=slug)
    stories = querysets.stories_tagged(_site(request), tag)
    return render(
        request,
        "web/listing.html",
        {"heading": tag.name, "kicker": "Tag", "listing": paginate(request, stories, PAGE_SIZE)},
    )


@require_safe
def author_stories(request: HttpRequest, slug: str) -> HttpResponse:
    author = get_object_or_404(Author, slug=slug)
    stories = querysets.stories_by(_site(request), author)
    return render(
        request,
        "web/listing.html",
        {
            "heading": author.name,
            "kicker": author.role or "Author",
            "about": author.bio,
            "listing": paginate(request, stories, PAGE_SIZE),
        },
    )


@require_safe
def agency_stories(request: HttpRequest, slug: str) -> HttpResponse:
    agency = get_object_or_404(Agency, slug=slug)
    stories = querysets.stories_from(_site(request), agency)
    return render(
        request,
        "web/listing.html",
        {"heading": agency.name, "kicker": "Agency", "listing": paginate(request, stories, PAGE_SIZE)},
    )


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

        return unhandled_error_response(error)
    if isinstance(error, DatabaseError):
        response = HttpResponse(render_to_string("503.html"), status=503)
        response["Retry-After"] = "30"
        response["Cache-Control"] = "no-store"
        return response
    return HttpResponse(render_to_string("500.html"), status=500)

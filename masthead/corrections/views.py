"""``/corrections/``: every correction and note of the edition, newest first, each linking to its story."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_safe

from masthead.corrections import querysets
from masthead.feeds.syndication import edition_site
from masthead.lib.pagination import paginate

PAGE_SIZE = 30


@require_safe
def corrections_page(request: HttpRequest) -> HttpResponse:
    site = edition_site(request)
    listing = paginate(request, querysets.published_notes(site), PAGE_SIZE)
    return render(request, "corrections/corrections_page.html", {"listing": listing})

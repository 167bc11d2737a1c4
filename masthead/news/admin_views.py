"""The newsroom's shortcut to write a story: pick a section, land in the editor.

Stories live in yearly archive pages (see models/pages.py); reporters should
not have to find or create those by hand.
"""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_http_methods
from wagtail.models import Page

from masthead.news import services
from masthead.news.models import SectionPage


@require_http_methods(["GET", "POST"])
def new_story(request):
    if request.method == "POST":
        section = get_object_or_404(SectionPage, pk=request.POST.get("section"))
        if not section.permissions_for_user(request.user).can_add_subpage():
            raise PermissionDenied
        folder = services.year_folder_for(section, timezone.now().year)
        return redirect(reverse("wagtailadmin_pages:add", args=("news", "articlepage", folder.pk)))
    sections = [s for s in SectionPage.objects.live().order_by("path") if s.permissions_for_user(request.user).can_add_subpage()]
    homes = {page.path: page for page in Page.objects.filter(depth=2)}
    rows = [(homes.get(s.path[: 2 * Page.steplen]), s) for s in sections]
    return TemplateResponse(request, "news/admin/new_story.html", {"rows": rows})

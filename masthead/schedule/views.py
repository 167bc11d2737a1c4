"""The story's timeline in the admin: what happened to it, when, and how late."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.utils import timezone
from django.views.decorators.http import require_GET
from wagtail.models import Page

from masthead.schedule import timeline


@require_GET
def story_timeline(request, page_id: int):
    page = get_object_or_404(Page, pk=page_id).specific
    if not page.permissions_for_user(request.user).can_edit():  # the editors of a story read its timeline
        raise PermissionDenied
    context = {
        "page": page,
        "lines": timeline.lines(page.pk),
        "scheduled_revision": page.scheduled_revision,
        "zone": timezone.get_current_timezone_name(),
    }
    return TemplateResponse(request, "schedule/timeline.html", context)

"""The editors' breaking-news pages: a story's breaking panel (mark, change the end, end now) and the list."""

from __future__ import annotations

from django.conf import settings
from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils import timezone
from django.views.decorators.http import require_http_methods

from masthead.breaking import permissions, services
from masthead.breaking.forms import EndTimeForm
from masthead.breaking.models import BreakingStory
from masthead.desk import editions
from masthead.news.models import ArticlePage

RECENT = 30


@require_http_methods(["GET", "POST"])
def story_breaking(request, page_id: int):
    story = get_object_or_404(ArticlePage, pk=page_id)
    if not permissions.can_mark(request.user, story):
        raise PermissionDenied
    zone = _zone_for(request, story)
    home = services.edition_of(story)
    open_row = BreakingStory.objects.open().filter(home=home).select_related("story").first() if home else None
    mine = open_row if open_row is not None and open_row.story_id == story.pk else None
    with timezone.override(zone):
        if request.method == "POST":
            form = EndTimeForm(request.POST)
            done = _act(request, story, mine, form)
            if done:
                return redirect(request.path)
        else:
            initial = mine.ends_at if mine else services.default_end().replace(second=0, microsecond=0)
            form = EndTimeForm(initial={"ends_at": timezone.localtime(initial)})
        context = {
            "story": story,
            "form": form,
            "current": mine,
            "replaces": open_row if mine is None else None,
            "zone": zone,
            "default_hours": settings.BREAKING_DEFAULT_MINUTES / 60,
            "history": BreakingStory.objects.filter(story=story).select_related("set_by", "ended_by")[:10],
        }
        return TemplateResponse(request, "breaking/story.html", context)


def _act(request, story, mine, form) -> bool:
    """Mark, change the end, or end now; True when done (then redirect), False to show the form's errors."""
    action = request.POST.get("action")
    try:
        if action == "end":
            if mine is None:
                raise ValidationError("This story is not breaking.")
            services.end(mine, user=request.user)
            messages.success(request, f"“{story.title}” is no longer breaking: the banner is coming off every page.")
            return True
        if not form.is_valid():
            return False
        if action == "change" and mine is not None:
            services.change_end(mine, ends_at=form.cleaned_data["ends_at"], user=request.user)
            messages.success(
                request, f"The banner now ends at {timezone.localtime(form.cleaned_data['ends_at']):%H:%M on %d %b}."
            )
        else:
            services.mark(story, ends_at=form.cleaned_data["ends_at"], user=request.user)
            messages.success(request, f"“{story.title}” is breaking: the banner is going up on every page of the edition.")
        return True
    except ValidationError as error:
        form.add_error(None, error)
        return False


def breaking_list(request):
    if not permissions.can_mark_any(request.user):
        raise PermissionDenied
    rows = list(BreakingStory.objects.select_related("story", "home", "set_by", "ended_by")[:RECENT])
    now = timezone.now()
    return TemplateResponse(
        request,
        "breaking/list.html",
        {
            "current": [row for row in rows if row.ended_at is None and row.ends_at > now],
            "recent": [row for row in rows if not (row.ended_at is None and row.ends_at > now)],
            "zone": timezone.get_current_timezone_name(),
        },
    )


def _zone_for(request, story) -> str:
    """The zone the editor types in: their own if they chose one, else the story's edition's (as the schedule dialog)."""
    profile = getattr(request.user, "wagtail_userprofile", None)
    if profile is not None and profile.current_time_zone:
        return profile.current_time_zone
    edition = editions.edition_for_path(story.path)
    return edition.time_zone if edition else settings.TIME_ZONE

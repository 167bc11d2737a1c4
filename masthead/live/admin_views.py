"""The live desk of one story: post, edit, pin and delete entries; an editor starts and ends the coverage.

Thin views over services.py, which checks every permission again.
"""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.urls import reverse
from django.views.decorators.http import require_POST

from masthead.live import readers, rendering, services
from masthead.live.forms import EntryForm
from masthead.live.models import LiveEntry

DESK_ENTRIES = 30


class SeeOther(HttpResponseRedirect):
    status_code = 303  # after a POST, the browser GETs the form again


def _story(request: HttpRequest, story_id: int):
    from masthead.news.models import ArticlePage

    story = get_object_or_404(ArticlePage, pk=story_id)
    if not services.can_post(story, request.user):
        raise PermissionDenied
    return story


def _back(story) -> SeeOther:
    return SeeOther(reverse("live_desk", args=(story.pk,)))


def desk(request: HttpRequest, story_id: int) -> HttpResponse:
    story = _story(request, story_id)
    form = EntryForm(request.POST or None)
    if request.method == "POST":
        if form.is_valid():
            try:
                entry = services.post_entry(story, request.user, **_fields(form))
            except ValidationError as error:
                form.add_error(None, error)
            else:
                messages.success(request, f"Posted at {entry.posted_at:%H:%M:%S} UTC.")
                return _back(story)
    return _page(request, story, form, status=400 if form.errors else 200)


def edit(request: HttpRequest, story_id: int, entry_id: int) -> HttpResponse:
    story = _story(request, story_id)
    entry = get_object_or_404(LiveEntry, pk=entry_id, story=story)
    initial = {"title": entry.title, "body": rendering.text_of(entry), "key_event": entry.key_event, "pinned": entry.pinned}
    form = EntryForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            services.edit_entry(entry, request.user, **_fields(form, keeping=entry))
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, "Entry updated.")
            return _back(story)
    return _page(request, story, form, editing=entry, status=400 if form.errors else 200)


@require_POST
def pin(request: HttpRequest, story_id: int, entry_id: int) -> HttpResponse:
    story = _story(request, story_id)
    entry = get_object_or_404(LiveEntry, pk=entry_id, story=story)
    services.set_pinned(entry, request.user, not entry.pinned)
    return _back(story)


@require_POST
def delete(request: HttpRequest, story_id: int, entry_id: int) -> HttpResponse:
    story = _story(request, story_id)
    services.delete_entry(get_object_or_404(LiveEntry, pk=entry_id, story=story), request.user)
    messages.success(request, "Entry deleted.")
    return _back(story)


@require_POST
def coverage(request: HttpRequest, story_id: int, action: str) -> HttpResponse:
    if action not in ("start", "end"):
        raise Http404
    story = _story(request, story_id)
    try:
        if action == "start":
            services.start_coverage(story, request.user)
            messages.success(request, "Live coverage started: readers see the entries as you post them.")
        else:
            services.end_coverage(story, request.user)
            messages.success(request, "Live coverage ended.")
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    return _back(story)


def _fields(form: EntryForm, keeping: LiveEntry | None = None) -> dict:
    data = form.cleaned_data
    body = form.body_blocks()
    if keeping is not None and not any(data[name] for name in ("picture", "quote", "embed_url")):
        # The edit form shows the text only: an entry's picture, quote or embed stays unless replaced.
        body += [(block.block_type, block.value) for block in keeping.body if block.block_type != "paragraph"]
    return {"title": data["title"], "body": body, "key_event": data["key_event"], "pinned": data["pinned"]}


def _page(request, story, form, *, editing=None, status=200) -> TemplateResponse:
    context = {
        "story": story,
        "form": form,
        "editing": editing,
        "coverage": readers.coverage_of(story),
        "entries": list(readers.newest_first(story)[:DESK_ENTRIES]),
        "can_run": services.can_run_coverage(story, request.user),
    }
    return TemplateResponse(request, "live/admin/desk.html", context, status=status)

"""The newsroom's admin views: the shortcut to write a story, and Wagtail's page editor made to publish once.

Stories live in yearly archive pages (see models/pages.py); reporters should
not have to find or create those by hand.
"""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_http_methods
from wagtail.admin import messages
from wagtail.admin.views.pages.edit import EditView
from wagtail.admin.views.pages.revisions import RevisionsRevertView
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


class PublishOnce:
    """Wagtail's editor, except that Publish publishes once however often it is clicked.

    A double click sends the same publish twice (five times on a slow connection) and Wagtail saves and
    publishes a revision for each. Here a publish runs in one transaction that locks the page before the
    view reads it (services.lock_for_publishing), so publishes of one page queue and each sees the page as
    the one before left it; one that would only repeat the live version saves nothing and tells the editor
    so. (A second click on a schedule finds the page locked by its schedule: Wagtail refuses it.) Every other
    action is Wagtail's own.
    """

    def dispatch(self, request, page_id, **kwargs):
        if request.method != "POST" or not request.POST.get("action-publish"):
            return super().dispatch(request, page_id, **kwargs)
        with transaction.atomic():
            services.lock_for_publishing(page_id)
            return super().dispatch(request, page_id, **kwargs)

    def publish_action(self):
        page = self.real_page_record  # read under the lock
        if not page.live or self._changes_comments() or not services.repeats_live_version(page, self.form.save(commit=False)):
            return super().publish_action()
        self.subscription.save()  # the comment-notification toggle is saved as on any publish
        message = f"No changes since the live version of “{page.get_admin_display_title()}”: nothing was published."
        messages.info(self.request, message, buttons=[self.get_view_live_message_button()] if page.url else None)
        return self.redirect_away()

    def _changes_comments(self) -> bool:
        comments = self.form.formsets.get("comments")
        return comments is not None and comments.has_changed()


class PublishOnceEditView(PublishOnce, EditView):
    pass


class PublishOnceRevertView(PublishOnce, RevisionsRevertView):
    pass

"""Where reporters reach a story's live desk: its header buttons, listing menus, and the dashboard's "Live now"."""

from django.urls import path
from wagtail import hooks
from wagtail.admin.ui.components import Component
from wagtail.admin.ui.menus.pages import PageMenuItem

from masthead.live import admin_views, services


class LiveButton(PageMenuItem):
    label = "Live coverage"
    icon_name = "radio-full"
    url_name = "live_desk"

    def is_shown(self, user):
        return self.page.live and self.page.specific_class.__name__ == "ArticlePage" and services.can_post(self.page, user)


class LiveNowPanel(Component):
    name = "live_now"
    order = 96  # beside breaking news, above the desk's lists
    template_name = "live/admin/panel.html"

    def get_context_data(self, parent_context):
        from masthead.live.models import LiveCoverage

        rows = LiveCoverage.objects.filter(state=LiveCoverage.State.LIVE).select_related("story").order_by("-started_at")[:10]
        return {"rows": list(rows)}


@hooks.register("register_admin_urls")
def register_live_urls():
    return [
        path("live/<int:story_id>/", admin_views.desk, name="live_desk"),
        path("live/<int:story_id>/entries/<int:entry_id>/edit/", admin_views.edit, name="live_entry_edit"),
        path("live/<int:story_id>/entries/<int:entry_id>/pin/", admin_views.pin, name="live_entry_pin"),
        path("live/<int:story_id>/entries/<int:entry_id>/delete/", admin_views.delete, name="live_entry_delete"),
        path("live/<int:story_id>/<str:action>/", admin_views.coverage, name="live_coverage"),
    ]


@hooks.register("register_page_header_buttons")
def live_header_button(page, user, view_name, next_url=None):
    yield LiveButton(page=page, priority=64)


@hooks.register("register_page_listing_more_buttons")
def live_listing_button(page, user, next_url=None):
    yield LiveButton(page=page, priority=53)


@hooks.register("construct_homepage_panels")
def add_live_panel(request, panels):
    panels.append(LiveNowPanel())

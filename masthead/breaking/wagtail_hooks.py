"""Where editors reach breaking news: the story's header buttons and listing menus, the admin menu, the dashboard."""

from django.urls import path, reverse
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.components import Component
from wagtail.admin.ui.menus.pages import PageMenuItem

from masthead.breaking import permissions, views
from masthead.breaking.models import BreakingStory


class BreakingButton(PageMenuItem):
    label = "Breaking news"
    icon_name = "warning"
    url_name = "breaking_story"

    def is_shown(self, user):
        return self.page.live and self.page.specific_class.__name__ == "ArticlePage" and permissions.can_mark(user, self.page)


class BreakingPanel(Component):
    name = "breaking_now"
    order = 95  # above the desk's lists (100 and up)
    template_name = "breaking/panel.html"

    def get_context_data(self, parent_context):
        rows = BreakingStory.objects.current().order_by("ends_at")[:5]
        return {"rows": list(rows)}


class BreakingMenuItem(MenuItem):
    def is_shown(self, request):
        return permissions.can_mark_any(request.user)


@hooks.register("register_admin_urls")
def register_breaking_urls():
    return [
        path("breaking/", views.breaking_list, name="breaking_list"),
        path("breaking/story/<int:page_id>/", views.story_breaking, name="breaking_story"),
    ]


@hooks.register("register_admin_menu_item")
def register_breaking_menu():
    return BreakingMenuItem("Breaking news", reverse("breaking_list"), icon_name="warning", order=41)


@hooks.register("register_page_header_buttons")
def breaking_header_button(page, user, view_name, next_url=None):
    yield BreakingButton(page=page, priority=65)


@hooks.register("register_page_listing_more_buttons")
def breaking_listing_button(page, user, next_url=None):
    yield BreakingButton(page=page, priority=54)


@hooks.register("construct_homepage_panels")
def add_breaking_panel(request, panels):
    if permissions.can_mark_any(request.user):
        panels.append(BreakingPanel())

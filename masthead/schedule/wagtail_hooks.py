"""The timeline's admin URL and its place among a page's buttons (header "more" menu and listing menus)."""

from django.urls import path
from wagtail import hooks
from wagtail.admin.ui.menus.pages import PageMenuItem

from masthead.schedule import views


class TimelineButton(PageMenuItem):
    label = "Timeline"
    icon_name = "time"
    url_name = "schedule_timeline"

    def is_shown(self, user):
        return self.page.permissions_for_user(user).can_edit()


@hooks.register("register_admin_urls")
def register_timeline_url():
    return [path("schedule/timeline/<int:page_id>/", views.story_timeline, name="schedule_timeline")]


@hooks.register("register_page_header_buttons")
def timeline_header_button(page, user, view_name, next_url=None):
    yield TimelineButton(page=page, priority=66)  # beside History


@hooks.register("register_page_listing_more_buttons")
def timeline_listing_button(page, user, next_url=None):
    yield TimelineButton(page=page, priority=55)

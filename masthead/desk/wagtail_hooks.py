from django.urls import path, reverse
from wagtail import hooks
from wagtail.admin.menu import Menu, MenuItem, SubmenuMenuItem

from masthead.desk import views
from masthead.desk.panels import desk_panels
from masthead.desk.registry import DESK_LISTS


@hooks.register("register_admin_urls")
def register_desk_urls():
    return [path("desk/<slug:slug>/", views.desk_list, name="desk_list")]


@hooks.register("register_admin_menu_item")
def register_desk_menu():
    items = [
        MenuItem(desk_list.title, reverse("desk_list", args=(slug,)), order=n)
        for n, (slug, desk_list) in enumerate(DESK_LISTS.items())
    ]
    return SubmenuMenuItem("Desk", Menu(items=items), icon_name="list-ul", order=40)


@hooks.register("construct_homepage_panels")
def add_desk_panels(request, panels):
    # "Awaiting my review" replaces Wagtail's own list of the same (which reads every task state in progress).
    panels[:] = [panel for panel in panels if getattr(panel, "name", "") != "workflow_objects_to_moderate"]
    panels.extend(desk_panels())

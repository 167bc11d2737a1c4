"""The desk's lists on the admin dashboard: a few rows each and a link to the whole list."""

from __future__ import annotations

from django.urls import reverse
from wagtail.admin.ui.components import Component

from masthead.desk import editions
from masthead.desk.lists import Filter
from masthead.desk.registry import DESK_LISTS, DeskList
from masthead.translation import listing as translations

PANEL_ROWS = 5


class DeskListPanel(Component):
    template_name = "desk/panel.html"

    def __init__(self, desk_list: DeskList, order: int):
        self.desk_list = desk_list
        self.name = f"desk_{desk_list.slug}"
        self.order = order

    def get_context_data(self, parent_context):
        request = parent_context["request"]
        rows = self.desk_list.read(request, Filter(), editions.default_edition(), 0, PANEL_ROWS + 1)
        translations.attach(row.story for row in rows[:PANEL_ROWS])
        return {
            "desk_list": self.desk_list,
            "rows": rows[:PANEL_ROWS],
            "more": len(rows) > PANEL_ROWS,
            "see_all_url": reverse("desk_list", args=(self.desk_list.slug,)),
            "panel_id": f"desk-{self.desk_list.slug}",
        }


def desk_panels() -> list[DeskListPanel]:
    # Before Wagtail's own panels (orders 210 and up): the overdue warning first, then the editor's own work.
    return [DeskListPanel(desk_list, order=100 + n) for n, desk_list in enumerate(DESK_LISTS.values())]

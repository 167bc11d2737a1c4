"""The wire desk in Wagtail's admin: a menu item, its views, the sources viewset and story-history entries,
and the stale-copy warning carried into the page editor and its Publish button."""

from django.contrib import messages
from django.urls import URLPattern, path, reverse
from django.utils.html import format_html
from wagtail import hooks
from wagtail.admin.action_menu import PublishMenuItem
from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.sidebar import LinkMenuItem
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.log_actions import LogFormatter

from masthead.ingest import provenance, views
from masthead.ingest.models import WireSource
from masthead.users.access import role_required
from masthead.users.roles import WIRE_DESK, WIRE_DESK_PERMISSION

source_permission = role_required("ingest.view_wiresource", role=WIRE_DESK)


class WireSourceViewSet(ModelViewSet):
    model = WireSource
    icon = "rss"
    menu_label = "Wire sources"
    add_to_settings_menu = True
    form_fields = ["name", "kind", "url", "enabled", "poll_interval", "auto_publish_section", "default_agency"]
    list_display = ["name", "kind", "url", "enabled", "last_status", "last_polled_at", "failures"]
    list_filter = ["kind", "enabled", "last_status"]
    search_fields = ["name", "url"]
    search_backend_name = None
    inspect_view_enabled = True

    def get_urlpatterns(self):
        # A plain 403 for everyone outside the Wire desk (Wagtail would redirect to the dashboard): sources
        # hold the agencies' addresses and delivery state, the desk's business only.
        return [
            URLPattern(pattern.pattern, source_permission(pattern.callback), pattern.default_args, pattern.name)
            for pattern in super().get_urlpatterns()
        ]

    inspect_view_fields = [
        "name",
        "kind",
        "url",
        "enabled",
        "poll_interval",
        "auto_publish_section",
        "default_agency",
        "last_status",
        "last_error",
        "last_polled_at",
        "next_poll_at",
        "failures",
        "backoff_until",
        "etag",
        "last_modified",
    ]


wire_source_viewset = WireSourceViewSet("wire_sources")


@hooks.register("register_admin_viewset")
def register_wire_sources():
    return wire_source_viewset


@hooks.register("register_admin_urls")
def register_wire_desk_urls():
    return [
        path("wire/", views.desk, name="ingest_desk"),
        path("wire/items/<int:pk>/", views.item_detail, name="ingest_item"),
        path("wire/items/<int:pk>/raw/", views.item_raw, name="ingest_item_raw"),
        path("wire/items/<int:pk>/draft/", views.create_draft, name="ingest_create_draft"),
        path("wire/items/<int:pk>/ignore/", views.ignore, name="ingest_ignore"),
        path("wire/items/<int:pk>/restore/", views.restore, name="ingest_restore"),
        path("wire/clusters/<int:pk>/ignore/", views.ignore_cluster, name="ingest_ignore_cluster"),
        path("wire/pulse/", views.pulse, name="ingest_desk_pulse"),
        path("wire/bulk/", views.bulk, name="ingest_bulk"),
        path("wire/items/<int:pk>/picture/", views.add_picture, name="ingest_add_picture"),
        path("wire/items/<int:pk>/credit/", views.add_agency_credit, name="ingest_add_credit"),
    ]


class WireDeskMenuItem(MenuItem):
    """Shown to the Wire desk role only (the views answer 403 to anyone else), with a count of the items that
    arrived since the editor last looked at the desk, as a badge and in words for screen readers."""

    def is_shown(self, request):
        return request.user.has_perm(WIRE_DESK_PERMISSION)

    def render_component(self, request):
        seen = request.session.get(views.SEEN_SESSION_KEY, 0)
        count = views.new_items_since(seen, shared=False)
        if not count:
            return super().render_component(request)
        shown = f"{views.PULSE_CAP - 1}+" if count >= views.PULSE_CAP else str(count)
        return LinkMenuItem(
            self.name,
            self.label,
            self.url,
            icon_name=self.icon_name,
            classname=self.classname,
            attrs={**self.attrs, "data-wire-new": shown, "aria-label": f"{self.label}, {shown} new items"},
        )


@hooks.register("register_admin_menu_item")
def register_wire_desk_menu_item():
    return WireDeskMenuItem("Wire desk", reverse("ingest_desk"), icon_name="rss", order=55)


# --- Stale copy, carried into the editor -------------------------------------------------------


class ConfirmStalePublishMenuItem(PublishMenuItem):
    """Wagtail's Publish, asking the editor to confirm that stale copy is still worth publishing."""

    template_name = "ingest/admin/publish_stale.html"

    def __init__(self, warning: str, order: int | None = None):
        super().__init__(order=order)
        self.warning = warning

    def get_context_data(self, parent_context):
        context = super().get_context_data(parent_context)
        context["stale_warning"] = self.warning
        return context


def _stale_item(request, page_id: int):
    """The stale wire item behind a story, looked up once per request (the editor asks twice)."""
    memo = request.__dict__.setdefault("_masthead_stale_items", {})
    if page_id not in memo:
        memo[page_id] = provenance.stale_item_for(page_id)
    return memo[page_id]


@hooks.register("before_edit_page")
def warn_about_stale_copy(request, page):
    if request.method == "GET" and (item := _stale_item(request, page.pk)) is not None:
        messages.warning(request, provenance.stale_warning(item))


@hooks.register("construct_page_action_menu")
def confirm_publishing_stale_copy(menu_items, request, context):
    page = context.get("page")
    if page is None or page.pk is None or (item := _stale_item(request, page.pk)) is None:
        return
    for index, menu_item in enumerate(menu_items):
        if type(menu_item) is PublishMenuItem:
            menu_items[index] = ConfirmStalePublishMenuItem(provenance.stale_warning(item), order=menu_item.order)


@hooks.register("after_publish_page")
def note_stale_copy_published(request, page):
    if (item := _stale_item(request, page.pk)) is not None:
        dated = f"{item.item_date:%-d %B %Y}" if item.item_date else "its wire copy's date"
        messages.warning(request, f"“{page.title}” was made from stale wire copy; it is dated {dated}, not today.")


@hooks.register("register_log_actions")
def register_wire_log_actions(actions):
    @actions.register_action("masthead.wire_kill")
    class WireKill(LogFormatter):
        label = "Killed by the agency"

        def format_message(self, log_entry):
            return f"Wire: {log_entry.data.get('message', 'the agency withdrew the item this story was made from')}"

    @actions.register_action("masthead.wire_update")
    class WireUpdate(LogFormatter):
        label = "New agency version"

        def format_message(self, log_entry):
            return f"Wire: {log_entry.data.get('message', 'the agency sent a newer version')}"


@hooks.register("insert_global_admin_css")
def wire_desk_badge_css():
    # The menu's count as a badge; the link's aria-label says it in words.
    return format_html(
        "<style>{}</style>",
        "a[data-wire-new] .menuitem-label::after{content:attr(data-wire-new);margin-inline-start:.5em;"
        "padding:0 .45em;border-radius:1em;background:#b3261e;color:#fff;font-size:.75em;font-weight:700}",
    )

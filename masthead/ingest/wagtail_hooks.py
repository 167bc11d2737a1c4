"""The wire desk in Wagtail's admin: a menu item, its views, the sources viewset and story-history entries."""

from django.urls import path, reverse
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.log_actions import LogFormatter

from masthead.ingest import views
from masthead.ingest.models import WireSource


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
    ]


@hooks.register("register_admin_menu_item")
def register_wire_desk_menu_item():
    return MenuItem("Wire desk", reverse("ingest_desk"), icon_name="rss", order=55)


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

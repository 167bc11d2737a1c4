"""Readers' live endpoints, under each story's own address (before Wagtail's catch-all)."""

from django.urls import re_path

from masthead.live import views

STORY = r"^(?P<story_path>[\w\-]+/\d{4}/[\w\-]+/)"

urlpatterns = [
    re_path(STORY + r"live\.json$", views.live_json, name="live_json"),
    re_path(STORY + r"live\.xml$", views.live_feed, name="live_feed"),
]

"""The edition's corrections page and feeds (included before Wagtail's catch-all, like the other listings)."""

from django.urls import path

from masthead.corrections import feeds, views

app_name = "corrections"

urlpatterns = [
    path("corrections/", views.corrections_page, name="list"),
    path("corrections/feed/", feeds.CorrectionsFeed(), name="feed"),
    path("corrections/feed/atom/", feeds.CorrectionsAtomFeed(), name="feed-atom"),
]

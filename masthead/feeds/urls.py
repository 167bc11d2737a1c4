"""Feeds, sitemaps and robots.txt at their conventional places (included before Wagtail's catch-all)."""

from django.urls import path, re_path

from masthead.feeds import sitemaps, syndication

app_name = "feeds"

urlpatterns = [
    path("feed/", syndication.EditionFeed(), name="feed"),
    path("feed/atom/", syndication.EditionAtomFeed(), name="feed-atom"),
    path("tags/<str:slug>/feed/", syndication.TagFeed(), name="tag-feed"),
    path("tags/<str:slug>/feed/atom/", syndication.TagAtomFeed(), name="tag-feed-atom"),
    path("authors/<str:slug>/feed/", syndication.AuthorFeed(), name="author-feed"),
    path("authors/<str:slug>/feed/atom/", syndication.AuthorAtomFeed(), name="author-feed-atom"),
    path("agencies/<str:slug>/feed/", syndication.AgencyFeed(), name="agency-feed"),
    path("agencies/<str:slug>/feed/atom/", syndication.AgencyAtomFeed(), name="agency-feed-atom"),
    path("sitemap.xml", sitemaps.sitemap_index, name="sitemap-index"),
    path("sitemaps/sections.xml", sitemaps.sections_sitemap, name="sitemap-sections"),
    re_path(r"^sitemaps/(?P<year>\d{4})-(?P<month>0[1-9]|1[0-2])\.xml$", sitemaps.month_sitemap, name="sitemap-month"),
    path("news-sitemap.xml", sitemaps.news_sitemap, name="news-sitemap"),
    path("robots.txt", sitemaps.robots_txt, name="robots"),
    # A section's feeds last: the first path segment is any section's slug.
    path("<str:section>/feed/", syndication.SectionFeed(), name="section-feed"),
    path("<str:section>/feed/atom/", syndication.SectionAtomFeed(), name="section-feed-atom"),
]

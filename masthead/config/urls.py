from django.conf import settings
from django.urls import include, path, re_path
from django.views.static import serve as serve_media
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from masthead.api import urls as api_urls
from masthead.feeds import urls as feeds_urls
from masthead.live import urls as live_urls
from masthead.search import views as search_views
from masthead.web import pwa_urls
from masthead.web import serve as web_serve
from masthead.web import urls as web_urls

urlpatterns = [
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("search/", search_views.search, name="search"),
    path("", include(web_urls)),
    path("", include("masthead.corrections.urls")),
    # Channels (before Wagtail's catch-all): the app API, the installable app, feeds, sitemaps, robots.txt.
    path("", include(api_urls)),
    path("", include(pwa_urls)),
    path("", include(feeds_urls)),
    path("", include(live_urls)),  # a live story's live.json and live.xml
]

if settings.SERVE_MEDIA:
    # Single-process installs serve uploads themselves; behind nginx, nginx does.
    urlpatterns.append(path(f"{settings.MEDIA_URL.strip('/')}/<path:path>", serve_media, {"document_root": settings.MEDIA_ROOT}))

urlpatterns += [
    # Wagtail's own page view, routed through the edition snapshot; Wagtail's other URLs follow.
    re_path(r"^((?:[\w\-]+/)*)$", web_serve.serve, name="wagtail_serve"),
    path("", include(wagtail_urls)),
]

handler404 = "masthead.web.views.page_not_found"
handler500 = "masthead.web.views.server_error"

"""The installable app's files, at the root: the service worker's scope is the directory it is served from."""

from django.urls import path, re_path

from masthead.web import pwa

app_name = "pwa"

urlpatterns = [
    path("manifest.webmanifest", pwa.manifest, name="manifest"),
    path("sw.js", pwa.service_worker, name="service-worker"),
    path("offline/", pwa.offline, name="offline"),
    re_path(r"^icons/(?P<purpose>icon|maskable)-(?P<size>\d{2,3})\.png$", pwa.icon, name="icon"),
    path("apple-touch-icon.png", pwa.apple_touch_icon, name="apple-touch-icon"),
    path("favicon.ico", pwa.favicon, name="favicon"),
]

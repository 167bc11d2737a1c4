"""The installable web app's files: manifest, icons, service worker, offline page, and how pages point to them."""

from __future__ import annotations

import io
import json
import re

import pytest
from PIL import Image

from masthead.web import pwa


def test_manifest_names_the_edition_and_its_icons(client, edition):
    response = client.get("/manifest.webmanifest")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/manifest+json"
    manifest = json.loads(response.content)
    assert manifest["name"] == "MM News" and manifest["short_name"] == "MM News"
    assert manifest["start_url"] == "/" and manifest["scope"] == "/" and manifest["id"] == "/"
    assert manifest["display"] == "standalone"
    assert manifest["theme_color"] == "#9b1c1c" and manifest["background_color"] == "#ffffff"
    assert manifest["lang"] == "en" and manifest["dir"] == "ltr"
    purposes = {(icon["sizes"], icon["purpose"]) for icon in manifest["icons"]}
    assert purposes == {("192x192", "any"), ("512x512", "any"), ("192x192", "maskable"), ("512x512", "maskable")}


def test_theme_colour_is_the_stylesheet_brand():
    from pathlib import Path

    css = (Path(pwa.__file__).parent / "static" / "web" / "masthead.css").read_text()
    assert f"--brand: {pwa.BRAND_COLOUR};" in css


@pytest.mark.parametrize(
    ("url", "size"),
    [
        ("/icons/icon-192.png", 192),
        ("/icons/icon-512.png", 512),
        ("/icons/maskable-512.png", 512),
        ("/apple-touch-icon.png", 180),
        ("/icons/icon-48.png", 48),
    ],
)
def test_icons_are_drawn_at_their_size(client, edition, url, size):
    response = client.get(url)
    assert response.status_code == 200 and response["Content-Type"] == "image/png"
    image = Image.open(io.BytesIO(response.content))
    assert image.format == "PNG" and image.size == (size, size)
    assert "max-age=" in response["Cache-Control"]


def test_maskable_icons_fill_their_square_and_plain_ones_have_round_corners(client, edition):
    maskable = Image.open(io.BytesIO(client.get("/icons/maskable-192.png").content)).convert("RGBA")
    plain = Image.open(io.BytesIO(client.get("/icons/icon-192.png").content)).convert("RGBA")
    assert maskable.getpixel((0, 0))[3] == 255 and maskable.getpixel((0, 0))[:3] == (0x9B, 0x1C, 0x1C)
    assert plain.getpixel((0, 0))[3] == 0


@pytest.mark.parametrize("url", ["/icons/icon-64.png", "/icons/icon-999.png", "/icons/other-192.png"])
def test_other_icons_are_404(client, edition, url):
    assert client.get(url).status_code == 404


@pytest.mark.parametrize(
    ("name", "label", "letters"),
    [("MM News", "MM News", "MM"), ("Masthead Demo News", "Masthead", "MD"), ("Supercalifragilistic", "Supercalifra", "S")],
)
def test_short_names_and_initials(name, label, letters):
    assert pwa.short_name(name) == label and len(label) <= pwa.SHORT_NAME_LENGTH
    assert pwa.initials(name) == letters


def test_service_worker_is_served_from_the_root_uncached_with_its_config(client, edition):
    response = client.get("/sw.js")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/javascript")
    assert response["Cache-Control"] == "no-cache"
    body = response.content.decode()
    config = json.loads(re.match(r"const CONFIG = (\{.*\});\n", body).group(1))
    assert config["maxStories"] == 20 and config["offline"] == "/offline/"
    assert "/offline/" in config["shell"] and any(url.endswith(".css") for url in config["shell"])
    assert re.fullmatch(config["storyPattern"], "/world/2026/a-story/")
    assert not re.fullmatch(config["storyPattern"], "/world/")
    assert 'addEventListener("fetch"' in body and "caches.open" in body


def test_service_worker_changes_when_the_shell_does(client, edition, monkeypatch):
    first = client.get("/sw.js").content
    monkeypatch.setattr(pwa, "shell_urls", lambda: ["/offline/", "/static/web/masthead.v2.css"])
    assert client.get("/sw.js").content != first


def test_offline_page_says_so_and_is_not_indexed(client, edition):
    response = client.get("/offline/")
    assert response.status_code == 200
    html = response.content.decode()
    assert "<h1>You are offline</h1>" in html and 'content="noindex"' in html


def test_full_pages_link_the_manifest_and_load_the_app_script(client, make_story):
    story = make_story()
    html = client.get(story.url).content.decode()
    assert '<link rel="manifest" href="/manifest.webmanifest">' in html
    assert re.search(r'<script src="/static/web/app(\.[0-9a-f]+)?\.js" defer></script>', html)
    # The install offer is there for browsers that can install, hidden until the app script reveals it.
    offer = re.search(r'<p class="app-cta__install" data-install hidden>.*?</p>', html)
    assert offer and '<button type="button" data-install-button>Install the app</button>' in offer.group(0)


def test_lite_pages_get_no_script_no_manifest_and_no_install_offer(client, make_story):
    html = client.get(make_story().url + "?lite=1").content.decode()
    assert "<script" not in html and "manifest" not in html and "data-install" not in html


def test_policy_allows_a_same_origin_worker_and_manifest(client, edition):
    policy = client.get("/")["Content-Security-Policy"]
    assert "worker-src 'self'" in policy and "manifest-src 'self'" in policy
    assert "'unsafe-inline'" not in policy and "'unsafe-eval'" not in policy


def test_app_script_is_an_external_file_without_eval():
    from pathlib import Path

    source = (Path(pwa.__file__).parent / "static" / "web" / "app.js").read_text()
    assert 'register("/sw.js"' in source and "beforeinstallprompt" in source
    assert "eval(" not in source and "innerHTML" not in source


def test_every_page_declares_the_small_tab_icon_not_the_install_icon(client, make_story):
    """The declared icon is fetched with a reader's first page: 48 px is enough for a tab, and a fraction of 192's bytes."""
    from lxml import html

    page = html.fromstring(client.get(make_story().url).content)
    icons = page.xpath("//link[@rel='icon']")
    assert [(icon.get("href"), icon.get("sizes")) for icon in icons] == [("/icons/icon-48.png", "48x48")]
    small, large = (len(client.get(f"/icons/icon-{size}.png").content) for size in (48, 192))
    assert small < large / 2

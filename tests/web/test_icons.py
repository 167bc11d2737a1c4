"""The icons a reader's browser asks for without being told: /favicon.ico on full pages, nothing at all on lite ones."""

from __future__ import annotations

import base64
import hashlib
import io

from PIL import Image

from masthead.web.lite import LITE_STYLE, LITE_STYLE_CSP_SOURCE


def test_favicon_ico_exists_and_is_cacheable(client, edition):
    response = client.get("/favicon.ico")
    assert response.status_code == 200
    assert response["Content-Type"] == "image/x-icon"
    assert "public" in response["Cache-Control"] and "max-age=86400" in response["Cache-Control"]
    icon = Image.open(io.BytesIO(response.content))
    assert icon.format == "ICO" and set(icon.info["sizes"]) == {(16, 16), (32, 32), (48, 48)}
    assert client.head("/favicon.ico").status_code == 200


def test_lite_pages_declare_an_icon_inline(client, edition):
    html = client.get("/?lite=1").content.decode()
    assert '<link rel="icon" href="data:,">' in html  # so the browser makes no second request for /favicon.ico
    assert "img-src 'self' data:" in client.get("/?lite=1")["Content-Security-Policy"]


def test_the_lite_style_is_allowed_by_its_hash(client, edition):
    response = client.get("/?lite=1")
    assert f"<style>{LITE_STYLE}</style>" in response.content.decode()
    digest = base64.b64encode(hashlib.sha256(LITE_STYLE.encode()).digest()).decode()
    assert f"'sha256-{digest}'" in LITE_STYLE_CSP_SOURCE.split() and LITE_STYLE_CSP_SOURCE in response["Content-Security-Policy"]


def test_each_languages_lite_style_is_allowed_by_its_hash():
    from masthead.web.lite import LITE_STYLES

    for style in LITE_STYLES.values():
        digest = base64.b64encode(hashlib.sha256(style.encode()).digest()).decode()
        assert f"'sha256-{digest}'" in LITE_STYLE_CSP_SOURCE.split()

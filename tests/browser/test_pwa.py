"""The installable app in Chromium: the service worker registers, the manifest passes Chromium's own checks,
stories read online open offline, and the install offer appears where the browser offers installation."""

from __future__ import annotations

import io
import json
import urllib.request

import pytest
from PIL import Image

from tests.browser.conftest import PHONE, screenshot

pytestmark = pytest.mark.browser

STORY_CACHE = "masthead-stories"


def poll(page, script: str, arg=None, *, attempts: int = 100, interval_ms: int = 100):
    """page.evaluate until truthy: wait_for_function would eval a string, which the page's CSP forbids."""
    for _ in range(attempts):
        value = page.evaluate(script, arg)
        if value:
            return value
        page.wait_for_timeout(interval_ms)
    raise AssertionError(f"never became true: {script}")


def story_urls(base: str, count: int) -> list[str]:
    """The demo's newest stories, as the app API lists them."""
    body = json.loads(urllib.request.urlopen(f"{base}/api/v1/articles?limit={count}", timeout=10).read())
    return [item["url"][len(base) :] for item in body["items"]]


@pytest.fixture
def app_page(browser, demo_server):
    """A fresh phone browser whose service worker is installed and controls the page."""
    context = browser.new_context(viewport=PHONE)
    page = context.new_page()
    page.goto(demo_server + "/")
    poll(page, "async () => { const r = await navigator.serviceWorker.ready; return !!r.active; }")
    poll(page, "() => navigator.serviceWorker.controller !== null")
    yield page
    context.set_offline(False)
    context.close()


def test_service_worker_registers_for_the_whole_site(app_page, demo_server):
    registration = app_page.evaluate(
        "async () => { const r = await navigator.serviceWorker.ready; return {scope: r.scope, script: r.active.scriptURL}; }"
    )
    assert registration == {"scope": demo_server + "/", "script": demo_server + "/sw.js"}
    shell = app_page.evaluate("async () => (await caches.keys()).filter((k) => k.startsWith('masthead-shell-')).length")
    assert shell == 1


def test_manifest_is_valid_for_chromium_and_the_site_is_installable(app_page, demo_server):
    cdp = app_page.context.new_cdp_session(app_page)
    manifest = cdp.send("Page.getAppManifest")
    assert manifest["url"] == demo_server + "/manifest.webmanifest"
    assert manifest["errors"] == [], manifest["errors"]
    data = json.loads(manifest["data"])
    assert data["name"] == "Masthead Demo News" and data["display"] == "standalone" and data["start_url"] == "/"
    # Chromium's installability check: manifest fields, icons that load, a service worker with a fetch handler.
    # Playwright's contexts are incognito, which Chromium reports as such; nothing else may be wrong.
    errors = [
        e["errorId"] for e in cdp.send("Page.getInstallabilityErrors")["installabilityErrors"] if e["errorId"] != "in-incognito"
    ]
    assert errors == [], errors
    for icon in data["icons"]:
        response = urllib.request.urlopen(demo_server + icon["src"], timeout=10)
        assert response.status == 200 and response.headers["Content-Type"] == "image/png"
        width, height = (int(n) for n in icon["sizes"].split("x"))
        assert Image.open(io.BytesIO(response.read())).size == (width, height)
    assert {icon["sizes"] for icon in data["icons"]} == {"192x192", "512x512"}


def test_a_story_read_online_opens_offline_and_an_unread_one_shows_the_offline_page(app_page, demo_server):
    read, unread = story_urls(demo_server, 2)
    app_page.goto(demo_server + read)
    headline = app_page.locator("h1").inner_text()
    poll(app_page, "async (url) => !!(await (await caches.open('masthead-stories')).match(url))", demo_server + read)
    has_picture = app_page.locator(".story__hero img").count() == 1
    if has_picture:
        poll(app_page, "async () => (await (await caches.open('masthead-pictures')).keys()).length > 0")

    app_page.context.set_offline(True)
    app_page.goto(demo_server + read)
    assert app_page.locator("h1").inner_text() == headline
    app_page.reload()
    assert app_page.locator("h1").inner_text() == headline
    # The shell's CSS (and a live story's own), from the cache.
    assert app_page.locator("link[rel=stylesheet]").evaluate_all(
        "links => links.length > 0 && links.every((l) => l.sheet !== null)"
    )
    if has_picture:  # the picture already seen, from the cache
        poll(
            app_page,
            "() => { const img = document.querySelector('.story__hero img'); return img.complete && img.naturalWidth > 0; }",
        )
    screenshot(app_page, "offline-story")

    app_page.goto(demo_server + unread)
    assert app_page.locator("h1").inner_text() == "You are offline"
    screenshot(app_page, "offline-page")

    app_page.context.set_offline(False)
    app_page.goto(demo_server + unread)
    assert app_page.locator("h1").inner_text() != "You are offline"


def test_only_the_last_twenty_stories_read_are_kept(app_page, demo_server):
    stories = story_urls(demo_server, 22)
    for url in stories:
        app_page.goto(demo_server + url)
    last = demo_server + stories[-1]
    poll(app_page, "async (url) => !!(await (await caches.open('masthead-stories')).match(url))", last)
    kept = app_page.evaluate("async () => (await (await caches.open('masthead-stories')).keys()).map((r) => r.url)")
    assert len(kept) == 20
    assert kept == [demo_server + url for url in stories[2:]]  # oldest first; the first two read were let go


def test_install_offer_appears_only_when_the_browser_can_install(app_page, demo_server):
    app_page.goto(demo_server + story_urls(demo_server, 1)[0])
    offer = app_page.locator(".app-cta__install")
    assert offer.count() == 1 and not offer.is_visible()  # hidden until the browser says it can install
    # What Chromium dispatches when the site is installable; the prompt itself is the browser's own UI.
    app_page.evaluate(
        """() => {
            const event = new Event("beforeinstallprompt", {cancelable: true});
            event.prompt = () => { window.__prompted = true; };
            event.userChoice = Promise.resolve({outcome: "accepted"});
            window.dispatchEvent(event);
        }"""
    )
    assert offer.is_visible()
    screenshot(app_page, "install-offer")
    offer.get_by_role("button", name="Install the app").click()
    poll(app_page, "() => window.__prompted === true")
    poll(app_page, "() => document.querySelector('.app-cta__install').hidden")


def test_lite_pages_register_nothing(browser, demo_server):
    context = browser.new_context(viewport=PHONE)
    page = context.new_page()
    try:
        page.goto(demo_server + "/?lite=1")
        page.wait_for_timeout(500)
        assert page.locator("script").count() == 0
        assert page.evaluate("async () => (await navigator.serviceWorker.getRegistrations()).length") == 0
    finally:
        context.close()

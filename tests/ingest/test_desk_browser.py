"""The wire desk in a real browser at 390 and 1280 px: cards on a phone, flash items marked, the preview,
a bulk action, and new items announced without a reload. Screenshots go to test-results/wire-desk-*.png."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from django.core.cache import cache
from django.urls import reverse

from masthead.ingest import pipeline
from masthead.ingest.models import WireItem
from masthead.news import services
from tests.conftest import require

from .test_pipeline import ninjs

pytestmark = pytest.mark.browser

CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking"]
PASSWORD = "not-a-real-password"
RESULTS = Path(__file__).resolve().parents[2] / "test-results"


@pytest.fixture
def browser(monkeypatch):
    require(Path(CHROMIUM).exists(), f"Chromium at {CHROMIUM} (apt-get install chromium)")
    from playwright.sync_api import sync_playwright

    monkeypatch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


def _wire():
    from wagtail.models import Page, Site

    for home in Page.objects.filter(depth=2):
        Site.objects.filter(root_page=home).delete()
        home.delete()
    site = services.create_edition(name="MM News", hostname="localhost", port=80)
    services.create_section(site.root_page.specific, title="World", slug="world")
    stories = [
        ("urn:b1", "Earthquake of magnitude 7.1 strikes off the coast near Karachi", 1, "a"),
        ("urn:b2", "Parliament passes the federal budget after a late-night session", 3, "p"),
        ("urn:b3", "Cricket board names a new captain for the one-day series", 5, "s"),
        ("urn:b4", "Rupee steadies against the dollar in early trading", 2, "f"),
    ]
    for uri, headline, urgency, category in stories:
        body = f"KARACHI (Demo Agency) - {headline}, officials said on Monday.\n\nThis is demo copy written for the test."
        item = pipeline.ingest_payload(ninjs(uri=uri, headline=headline, body=body), source="Demo wire").outcomes[0].item
        WireItem.objects.filter(pk=item.pk).update(urgency=urgency, category=category)


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_the_desk_on_a_phone_and_a_desktop(live_server, browser, django_user_model):
    _wire()
    django_user_model.objects.create_superuser("wire", "wire@example.org", PASSWORD)
    RESULTS.mkdir(exist_ok=True)
    for width, height in ((390, 844), (1280, 900)):
        page = browser.new_page(viewport={"width": width, "height": height})
        page.goto(live_server.url + reverse("wagtailadmin_login"))
        page.fill("input[name=username]", "wire")
        page.fill("input[name=password]", PASSWORD)
        page.click("button[type=submit]")
        page.wait_for_url("**/admin/")
        page.goto(live_server.url + reverse("ingest_desk") + "?sort=urgency")
        table = page.locator("table.wire-desk")
        box = table.bounding_box()
        assert box["x"] >= 0 and box["x"] + box["width"] <= width, f"the desk is cut off at {width} px: {box}"
        first = page.locator("tr.wire-row").first
        assert "Earthquake" in first.inner_text() and "FLASH" in first.inner_text().upper()
        first.locator("details summary").click()
        assert first.locator("details").get_attribute("open") is not None
        page.screenshot(path=str(RESULTS / f"wire-desk-{width}.png"), full_page=True)
        page.close()

    # A bulk ignore from the browser, then new copy announced by the pulse without a reload.
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    page.goto(live_server.url + reverse("wagtailadmin_login"))
    page.fill("input[name=username]", "wire")
    page.fill("input[name=password]", PASSWORD)
    page.click("button[type=submit]")
    page.wait_for_url("**/admin/")
    page.goto(live_server.url + reverse("ingest_desk"))
    page.locator("tr.wire-row input[name=item]").nth(0).check()
    page.locator("tr.wire-row input[name=item]").nth(1).check()
    page.get_by_role("button", name="Ignore", exact=True).click()
    page.wait_for_load_state()
    assert WireItem.objects.filter(status="ignored").count() == 2
    assert "Ignored 2 items" in page.content()
    notice = page.locator("[data-wire-pulse]")
    assert notice.is_hidden()
    pipeline.ingest_payload(ninjs(uri="urn:late", headline="Late copy", body="LAHORE - Demo copy, late."), source="Demo wire")
    cache.clear()
    page.evaluate("document.dispatchEvent(new Event('visibilitychange'))")
    notice.wait_for(state="visible", timeout=5000)
    assert "1 new item" in notice.inner_text() and page.title().startswith("(1) ")
    page.screenshot(path=str(RESULTS / "wire-desk-new-items-1280.png"))
    page.close()

"""The authors chooser in a real browser: search, pick two at once, remove one, save."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from django.urls import reverse

from masthead.news import services
from masthead.news.models import ArticlePage, Author
from tests.conftest import require

CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking"]
PASSWORD = "not-a-real-password"


@pytest.fixture
def browser_page(monkeypatch):
    require(Path(CHROMIUM).exists(), f"Chromium at {CHROMIUM} (apt-get install chromium)")
    from playwright.sync_api import sync_playwright

    # Playwright's sync API runs an event loop in this thread; the test's own ORM calls are still synchronous.
    monkeypatch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
        page = browser.new_page(viewport={"width": 1280, "height": 900})
        yield page
        browser.close()


# Serialized: its flush at the end must not run post_migrate, or the next serialized test cannot restore its rows.
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_an_editor_chooses_authors_by_searching(live_server, browser_page, django_user_model):
    from wagtail.models import Page, Site

    for home in Page.objects.filter(depth=2):
        Site.objects.filter(root_page=home).delete()
        home.delete()
    site = services.create_edition(name="MM News", hostname="localhost", port=80)
    section = services.create_section(site.root_page.specific, title="World", slug="world")
    django_user_model.objects.create_superuser("chooser", "chooser@example.org", PASSWORD)
    for name in ("Sana Qureshi", "Sana Malik", "Omar Farooq"):
        Author.objects.create(name=name)
    story = services.file_story(section, services.StoryDraft(title="Budget agreed", paragraphs=["<p>Text.</p>"]))

    page = browser_page
    page.goto(live_server.url + reverse("wagtailadmin_login"))
    page.fill("input[name=username]", "chooser")
    page.fill("input[name=password]", PASSWORD)
    page.click("button[type=submit]")
    page.wait_for_url("**/admin/")
    page.goto(live_server.url + reverse("wagtailadmin_pages:edit", args=(story.pk,)))

    chooser = page.locator("[data-desk-authors-chooser]")
    assert not chooser.locator("select").is_visible()  # the Ctrl-click list is gone
    chooser.get_by_role("button", name="Choose authors…").click()
    modal = page.locator(".modal-dialog, dialog[open], [role=dialog]").last
    modal.locator("input[name=q]").fill("Sana")
    page.wait_for_timeout(800)  # the chooser searches as one types
    results = modal.locator("tbody tr")
    assert sorted(results.all_inner_texts()) and all("Sana" in text for text in results.all_inner_texts())
    modal.locator("input[type=checkbox][name=id]").nth(0).check()
    modal.locator("input[type=checkbox][name=id]").nth(1).check()
    modal.get_by_role("button", name="Confirm selection").click()
    chosen = chooser.locator("[data-desk-authors-chosen] li")
    chosen.first.wait_for()
    assert sorted(item.split("\n")[0].replace("Remove", "").strip() for item in chosen.all_inner_texts()) == [
        "Sana Malik",
        "Sana Qureshi",
    ]
    chooser.get_by_role("button", name="Remove Sana Malik").click()
    assert chosen.count() == 1

    page.get_by_role("button", name="Save draft").click()
    page.wait_for_load_state()
    latest = ArticlePage.objects.get(pk=story.pk).get_latest_revision_as_object()
    assert [author.name for author in latest.authors.all()] == ["Sana Qureshi"]

"""An editor at work in Wagtail's admin, and how soon anonymous readers see what they publish."""

from __future__ import annotations

import json
import time
from collections.abc import Callable, Iterable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from urllib.parse import urlsplit

from tests.browser.conftest import DESKTOP

LIVE_WITHIN = 1.0  # seconds from the publish to every cached page showing it
GIVE_UP_AFTER = 10.0  # keep looking this long, so a failure says how late rather than only "late"


@dataclass(frozen=True)
class Story:
    id: int
    title: str
    path: str
    section_path: str


def newest_story(fetch: Callable) -> Story:
    """The newest story from the app API: on the front page and first on its section's page."""
    response = fetch("/api/v1/articles")
    assert response.status == 200, response.text[:500]
    item = json.loads(response.body)["items"][0]
    path = urlsplit(item["url"]).path
    return Story(id=item["id"], title=item["title"], path=path, section_path=f"/{item['section']['slug']}/")


def sign_in(browser, base: str, username: str, password: str):
    """A signed-in admin page at desktop width (the admin's own layout), accepting a test certificate."""
    context = browser.new_context(viewport=DESKTOP, ignore_https_errors=True)
    page = context.new_page()
    page.goto(base + "/admin/login/")
    page.fill("#id_username", username)
    page.fill("#id_password", password)
    with page.expect_navigation():
        page.click("form button[type=submit]")
    assert urlsplit(page.url).path == "/admin/", f"{username} could not sign in: {page.url}"
    return page


def publish_headline(page, base: str, story: Story, headline: str) -> float:
    """Publish `headline` through the edit page's footer action menu; returns when the publish was answered."""
    page.goto(f"{base}/admin/pages/{story.id}/edit/")
    page.fill("#id_title", headline)
    page.locator("footer .w-dropdown__toggle").click()
    with page.expect_response(lambda r: r.request.method == "POST" and f"/pages/{story.id}/edit/" in r.url) as posted:
        page.locator("footer button[name=action-publish]").click()
    published = time.monotonic()
    assert posted.value.status == 302, f"publishing answered {posted.value.status}"
    page.wait_for_load_state()
    assert page.locator(".messages .success").count(), "no success message after publishing"
    return published


def schedule_in_admin(page, base: str, story_id: int, go_live: str) -> None:
    """Set the story's go-live time in the status panel's schedule dialog, as typed (the admin's zone), then Publish."""
    page.goto(f"{base}/admin/pages/{story_id}/edit/")
    page.locator('[data-side-panel-toggle="status"]').click()
    page.get_by_role("button", name="Set schedule").click()
    dialog = page.locator("#schedule-publishing-dialog")
    field = dialog.locator("input[name=go_live_at]")
    field.fill(go_live)
    # The date picker that opened on focus covers the dialog's button: put it away as a click outside would.
    page.evaluate("() => document.querySelectorAll('.xdsoft_datetimepicker').forEach((picker) => picker.remove())")
    with page.expect_navigation():
        dialog.get_by_role("button", name="Save schedule").click()
    page.locator("footer .w-dropdown__toggle").click()
    with page.expect_response(lambda r: r.request.method == "POST" and f"/pages/{story_id}/edit/" in r.url) as posted:
        page.locator("footer button[name=action-publish]").click()
    assert posted.value.status == 302, f"publishing answered {posted.value.status}"
    page.wait_for_load_state()
    assert page.locator(".messages .success").count(), "no success message after scheduling"


def seconds_until_shown(fetch: Callable, targets: Iterable[tuple[str, str]], marker: str, since: float) -> dict:
    """For each (host, path): seconds after `since` an anonymous request first showed `marker` (None: never).

    Each page is watched by a reader of its own, so one slow page does not delay noticing the others."""

    def watch(target: tuple[str, str]) -> float | None:
        host, path = target
        while time.monotonic() - since < GIVE_UP_AFTER:
            if marker in fetch(path, host=host).text:
                return round(time.monotonic() - since, 2)
            time.sleep(0.05)
        return None

    targets = list(targets)
    with ThreadPoolExecutor(len(targets)) as readers:
        return dict(zip(targets, readers.map(watch, targets), strict=True))


def late(shown: dict) -> dict:
    """The pages that did not show the change within LIVE_WITHIN seconds, and when (if ever) they did."""
    return {f"{host}{path}": seconds for (host, path), seconds in shown.items() if seconds is None or seconds > LIVE_WITHIN}

"""Outside checkers on the demo's pages: the Nu HTML Checker and axe-core in Chromium."""

from __future__ import annotations

import json
import subprocess
import urllib.error
import urllib.request

import pytest

from tests.browser.conftest import java, node_tool
from tests.conftest import require

pytestmark = pytest.mark.browser

SERIOUS = {"serious", "critical"}


def reader_urls(base: str) -> dict[str, str]:
    """One page of every kind a reader can land on, found by following the demo's own links."""
    import re

    home = urllib.request.urlopen(base + "/", timeout=10).read().decode()
    article = re.search(r'class="card__title"><a href="([^"]+)"', home).group(1)
    section = re.search(r'<nav class="sections".*?<li><a href="/"[^>]*>Home</a></li>\s*<li><a href="([^"]+)"', home, re.S).group(
        1
    )
    article_html = urllib.request.urlopen(base + article, timeout=10).read().decode()
    tag = re.search(r'<ul class="tags"[^>]*><li><a href="([^"]+)"', article_html).group(1)
    return {
        "home": "/",
        "home-lite": "/?lite=1",
        "section": section,
        "section-page-2": section + "?page=abc",
        "article": article,
        "article-lite": article + "?lite=1",
        "tag": tag,
        "agency": "/agencies/interfax/",
        "search": "/search/?q=city",
        "search-empty": "/search/",
        "not-found": "/no-such-page/",
        "offline": "/offline/",
        "corrections": "/corrections/",
        "corrections-lite": "/corrections/?lite=1",
    }


def _download(url: str) -> bytes:
    try:
        return urllib.request.urlopen(url, timeout=10).read()
    except urllib.error.HTTPError as error:  # the 404 page is a page too
        return error.read()


def test_pages_are_valid_html(demo_server, tmp_path):
    vnu = node_tool("vnu-jar", "build", "dist", "vnu.jar")
    require(vnu.exists(), "the Nu HTML Checker is missing: run `npm ci` (make test does) to install vnu-jar")
    require(java() is not None, "Java is missing: install a JRE (Debian: default-jre-headless) to run the Nu HTML Checker")
    files = []
    for name, path in reader_urls(demo_server).items():
        target = tmp_path / f"{name}.html"
        target.write_bytes(_download(demo_server + path))
        files.append(str(target))
    result = subprocess.run(
        [java(), "-jar", str(vnu), "--format", "json", "--errors-only", *files], capture_output=True, text=True, timeout=300
    )
    messages = json.loads(result.stderr or '{"messages": []}')["messages"]
    problems = [f"{m['url'].rsplit('/', 1)[-1]}:{m.get('lastLine')}: {m['message']}" for m in messages]
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("viewport_name", ["phone", "desktop"])
def test_pages_have_no_serious_accessibility_violations(browser, demo_server, viewport_name):
    from tests.browser.conftest import DESKTOP, PHONE

    axe = node_tool("axe-core", "axe.min.js")
    require(axe.exists(), "axe-core is missing: run `npm ci` (make test does) to install it")
    # The page's CSP rightly forbids injected scripts; the checker is allowed past it.
    context = browser.new_context(viewport=PHONE if viewport_name == "phone" else DESKTOP, bypass_csp=True)
    page = context.new_page()
    failures = []
    try:
        for name, path in reader_urls(demo_server).items():
            page.goto(demo_server + path)
            page.add_script_tag(path=str(axe))
            result = page.evaluate("async () => await axe.run(document, {resultTypes: ['violations']})")
            for violation in result["violations"]:
                if violation["impact"] in SERIOUS:
                    targets = [node["target"] for node in violation["nodes"]][:3]
                    failures.append(f"{name}: {violation['id']} ({violation['impact']}): {violation['help']} {targets}")
    finally:
        context.close()
    assert not failures, "\n".join(failures)

"""Fixtures of the deployed stage: one production stack for the session, and Chromium that accepts its certificate."""

from __future__ import annotations

import pytest

from tests.browser.conftest import CHROMIUM, CHROMIUM_ARGS, playwright  # noqa: F401  (the session's one Playwright)
from tests.deployed.stack import deployed_stack


@pytest.fixture(scope="session")
def stack():
    with deployed_stack() as running:
        yield running


@pytest.fixture(scope="session")
def tls_browser(playwright):  # noqa: F811
    # The context option ignore_https_errors covers pages but not service worker scripts: without the
    # flag, registering /sw.js logs "An SSL certificate error occurred when fetching the script".
    browser = playwright.chromium.launch(
        executable_path=CHROMIUM, headless=True, args=[*CHROMIUM_ARGS, "--ignore-certificate-errors"]
    )
    yield browser
    browser.close()

"""A reader's visit in Chromium, and everything that can go wrong with it that a reader would see.

Shared by the deployed stage and by tests/browser/test_demo_as_printed.py, which runs the
same checks against `masthead demo`.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from tests.browser.conftest import PHONE, screenshot

# Playwright injects this before any page script (CSP does not apply to it): the page's own
# record of every violation, including ones Chromium reports only as console warnings.
CSP_LISTENER = """
window.__cspViolations = [];
document.addEventListener('securitypolicyviolation',
    (event) => window.__cspViolations.push(`${event.violatedDirective} blocked ${event.blockedURI || 'inline'}`));
"""
# A reader's scroll, a screen at a time: lazy pictures are asked for as they come near (a jump to the
# bottom, or steps quicker than a few frames, leaves the ones in between unrequested).
SCROLL_THROUGH = """
async () => {
    for (let y = 0; y <= document.scrollingElement.scrollHeight; y += window.innerHeight) {
        window.scrollTo(0, y);
        await new Promise((resolve) => setTimeout(resolve, 150));
    }
}
"""
# Pictures a reader can see (rendered, or eager), once scrolled past: lazy ones have been asked for by then.
PICTURES = """
() => [...document.images]
    .filter((img) => img.loading !== 'lazy' || img.getClientRects().length > 0)
    .map((img) => ({src: img.currentSrc || img.src, complete: img.complete, width: img.naturalWidth,
                    drawn: img.getBoundingClientRect().width * window.devicePixelRatio}))
"""
# Two rules of masthead.css a browser's defaults never produce: body { margin: 0 } and the masthead's 3px rule.
STYLE = """
() => ({
    bodyMargin: getComputedStyle(document.body).marginTop,
    mastheadRule: document.querySelector('.masthead') && getComputedStyle(document.querySelector('.masthead')).borderBottomWidth,
})
"""


@dataclass
class Visit:
    url: str
    status: int
    cache: str  # the document's X-Cache header
    console_errors: list[str] = field(default_factory=list)
    csp_violations: list[str] = field(default_factory=list)
    broken_pictures: list[str] = field(default_factory=list)
    pictures: int = 0
    picture_types: dict[str, str] = field(default_factory=dict)  # each picture's URL: its Content-Type
    oversized_pictures: list[str] = field(default_factory=list)
    style: dict = field(default_factory=dict)

    @property
    def problems(self) -> list[str]:
        found = [f"console: {text}" for text in self.console_errors]
        found += [f"CSP: {text}" for text in self.csp_violations]
        found += [f"picture did not load: {src}" for src in self.broken_pictures]
        found += [f"picture too large for its box: {text}" for text in self.oversized_pictures]
        found += [f"picture not WebP: {src} is {kind!r}" for src, kind in self.picture_types.items() if kind != "image/webp"]
        if self.status != 200:
            found.append(f"status {self.status}")
        if self.style != {"bodyMargin": "0px", "mastheadRule": "3px"}:
            found.append(f"the stylesheet did not apply: {self.style}")
        return found


def read(browser, url: str, name: str = "", *, viewport: dict = PHONE, pixel_ratio: float = 1) -> Visit:
    """One reader with an empty cache reads `url` to the bottom; `name` saves a screenshot under test-results/."""
    context = browser.new_context(viewport=viewport, device_scale_factor=pixel_ratio, ignore_https_errors=True)
    try:
        context.add_init_script(CSP_LISTENER)
        page = context.new_page()
        errors: list[str] = []
        page.on("console", lambda message: errors.append(message.text) if message.type == "error" else None)
        page.on("pageerror", lambda error: errors.append(f"uncaught {error}"))
        content_types: dict[str, str] = {}
        page.on("response", lambda answer: content_types.setdefault(answer.url, answer.headers.get("content-type", "")))
        response = page.goto(url, wait_until="load", timeout=20_000)
        page.evaluate(SCROLL_THROUGH)
        pictures = _settled_pictures(page)
        visit = Visit(
            url=url,
            status=response.status,
            cache=response.headers.get("x-cache", ""),
            console_errors=errors,
            csp_violations=page.evaluate("window.__cspViolations"),
            broken_pictures=[p["src"] for p in pictures if not p["width"]],
            pictures=len(pictures),
            picture_types={p["src"]: content_types.get(p["src"], "") for p in pictures if p["width"]},
            oversized_pictures=[_oversized(p) for p in pictures if p["width"] and _oversized(p)],
            style=page.evaluate(STYLE),
        )
        if name:
            screenshot(page, name)
        return visit
    finally:
        context.close()


# Offered widths step by at most 1.6x (images/responsive.py), so a picture matched to its box is never wider than
# 1.6 times what it fills in device pixels, unless it is the smallest offered.
SMALLEST_WIDTH = 400
LARGEST_STEP = 1.6


def _oversized(picture: dict) -> str:
    if picture["width"] <= SMALLEST_WIDTH or picture["width"] <= picture["drawn"] * LARGEST_STEP:
        return ""
    return f"{picture['src']} is {picture['width']} px wide for {picture['drawn']:.0f} device px"


def _settled_pictures(page, timeout_ms: int = 10_000) -> list[dict]:
    """Every picture finished (loaded or failed), or the state after `timeout_ms`."""
    waited = 0
    while True:
        pictures = page.evaluate(PICTURES)
        if all(p["complete"] for p in pictures) or waited >= timeout_ms:
            return pictures
        page.wait_for_timeout(100)
        waited += 100

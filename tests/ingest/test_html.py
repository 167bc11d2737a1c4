import pytest

from masthead.ingest.formats.base import ParseError
from masthead.ingest.formats.html import HTMLParser, extract_body

PAGE = """<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Harbour opens new terminal | Example News</title>
<meta property="og:title" content="Harbour opens new terminal"><meta property="og:site_name" content="Example News">
<meta name="author" content="Sana Qureshi"><meta property="article:published_time" content="2024-03-05T08:00:00Z">
<script>window.tracker = 1;</script></head>
<body onload="track()"><header><nav><a href="/">Home</a> <a href="/world/">World</a></nav></header>
<article><h1>Harbour opens new terminal</h1>
<p>KARACHI (APP): The port authority opened its fourth container terminal on Tuesday, doubling the harbour's capacity for the largest ships, officials said.</p>
<p onclick="steal()">The terminal, built over three years, can handle ships carrying up to 14,000 containers and will employ about 2,000 people when fully operational.</p>
<p>Read more: Cabinet clears fourth container terminal</p>
<p>Shipping lines welcomed the opening, saying waiting times at anchorage had stretched to four days during the busiest months of last year.</p>
<script>document.write('<p>injected</p>')</script>
<p>Download the Example News app for the latest updates.</p>
</article><footer>Copyright 2024 Example News. Back to top</footer></body></html>"""


def test_an_article_page_gives_headline_dateline_body_and_metadata():
    result = HTMLParser().parse(PAGE.encode())
    item = result.items[0]
    assert item.headline == "Harbour opens new terminal"
    assert item.dateline == "Karachi" and item.agency_credits[0] == "APP"
    assert item.site_name == "Example News" and item.byline == "Sana Qureshi"
    assert item.item_date.year == 2024
    assert item.related_headlines == ["Cabinet clears fourth container terminal"]
    body = "".join(item.paragraphs)
    assert "fourth container terminal on Tuesday" in body
    for bad in (
        "script",
        "onclick",
        "onload",
        "injected",
        "Download the Example News app",
        "Read more",
        "tracker",
        "Back to top",
    ):
        assert bad not in body


def test_extract_body_is_the_text_the_quality_gate_measures():
    text = extract_body(PAGE)
    assert "14,000 containers" in text and "Download the" not in text


@pytest.mark.parametrize("payload", [b"<html><body></body></html>", b"<html><body><nav>Home</nav></body></html>"])
def test_a_page_without_an_article_is_a_clear_error(payload):
    try:
        item = HTMLParser().parse(payload).items[0]
    except ParseError as error:
        assert "no article" in str(error) or "empty" in str(error)
    else:
        assert item.error.startswith(("no headline", "no body"))

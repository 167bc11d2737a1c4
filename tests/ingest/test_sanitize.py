from masthead.ingest.sanitize import blocks, clean_html, sanitize_paragraphs, text_of


def test_scripts_event_handlers_and_javascript_links_are_removed():
    html = (
        '<p onclick="steal()">Hello <a href="javascript:alert(1)">there</a> <a href="https://example.org/x" onmouseover="x()">ok</a></p>'
        "<script>alert('x')</script><style>p{}</style><iframe src='https://evil.example'></iframe>"
        '<img src="x" onerror="alert(1)"><svg onload="alert(1)"><circle/></svg>'
    )
    cleaned = clean_html(html)
    for bad in (
        "script",
        "onclick",
        "onmouseover",
        "onerror",
        "onload",
        "javascript:",
        "<iframe",
        "<style",
        "<img",
        "<svg",
        "alert",
    ):
        assert bad not in cleaned
    assert '<a href="https://example.org/x"' in cleaned


def test_blocks_split_a_body_into_paragraphs_lists_and_subheadings():
    parts = blocks(
        "Loose text <b>bold</b><p>One</p><h1>Head</h1><ul><li>a</li></ul>tail<br>more<blockquote>quoted</blockquote><p> </p>"
    )
    assert parts == [
        "<p>Loose text <b>bold</b></p>",
        "<p>One</p>",
        "<h3>Head</h3>",
        "<ul><li>a</li></ul>",
        "<p>tail</p>",
        "<p>more</p>",
        "<p>quoted</p>",
    ]


def test_sanitising_is_idempotent():
    once = sanitize_paragraphs(["<p>A &amp; B <em>c</em></p>", "<p><a href='https://e.org'>link</a></p>"])
    assert sanitize_paragraphs(once) == once


def test_text_of_drops_markup_and_script_content():
    assert text_of("<p>A &amp; B</p><script>var x = 1;</script>\n<p>C</p>") == "A & B C"

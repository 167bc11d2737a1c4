import pytest

from masthead.ingest import boilerplate


@pytest.mark.parametrize(
    "line",
    [
        "Download MM News mobile application and keep yourself updated.",
        "Back to top",
        "Exit mobile version",
        "Share this article",
        "Share on WhatsApp",
        "Facebook | Twitter | WhatsApp",
        "Follow us on Twitter for the latest news",
        "Advertisement",
        "Skip to content",
    ],
)
def test_listed_chrome_is_recognised(line):
    assert boilerplate.is_listed_chrome(line)


@pytest.mark.parametrize(
    "line",
    [
        "Moscow said it fired cruise missiles at military targets.",
        "The app economy grew by a third last year, the ministry said, as downloads of mobile applications rose.",
        "Back to the negotiating table, the ministers agreed a text.",
    ],
)
def test_news_is_not_chrome(line):
    assert not boilerplate.is_listed_chrome(line)


def test_read_more_gives_the_related_headline():
    assert (
        boilerplate.split_read_more("Read more: Ukraine: India’s Russia stance worries US")
        == "Ukraine: India’s Russia stance worries US"
    )
    assert boilerplate.split_read_more("ALSO READ - Budget passed") == "Budget passed"
    assert boilerplate.split_read_more("He read more than ten books.") is None


def test_learned_lines_are_dropped_only_when_short():
    short = "Subscribe to the Karachi Gazette morning briefing"
    long = "Background: " + "the river treaty has been disputed for decades, " * 5
    learned = {boilerplate.line_key(short), boilerplate.line_key(long)}
    kept, dropped = boilerplate.drop_chrome(["News paragraph.", short, long], learned)
    assert dropped == [short]
    assert kept == ["News paragraph.", long]


def test_line_keys_ignore_case_spacing_and_quote_style():
    assert boilerplate.line_key("Don’t  miss   OUR app") == boilerplate.line_key("don't miss our app")

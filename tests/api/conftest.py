"""The API tests read the same demo-like archive as the feed tests."""

from tests.feeds.conftest import newsroom, picture  # noqa: F401 - fixtures shared with tests/feeds

"""Demo-like data for the channel tests: stories with authors, an agency, tags, pictures and a dateline."""

from __future__ import annotations

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.conftest import paragraphs


@pytest.fixture
def picture(db):
    from wagtail.images.tests.utils import get_test_image_file

    from masthead.images.models import Picture

    def make(title: str = "Harbour at dawn"):
        return Picture.objects.create(title=title, credit="Photo: Staff", file=get_test_image_file(size=(1600, 1200)))

    return make


@pytest.fixture
def newsroom(make_story, author, interfax, picture):
    """A small archive like the demo's: agency copy, staff stories, tags, a picture and a story with a link."""
    stories = [
        make_story(
            title="Russia ready for talks with Ukraine in Belarus: Report",
            dateline="Moscow",
            agency=interfax,
            tags=["ukraine", "russia"],
            standfirst="A delegation has arrived in Gomel, the agency said.",
            paragraphs=["<p>A Russian delegation has arrived in Belarus for talks.</p>", *paragraphs(4)],
            hero_image=picture(),
            hero_caption="The border crossing",
            days_ago=0.2,
        ),
        make_story(
            "pakistan",
            title="Council approves the flood budget & relief plan",
            dateline="Karachi",
            authors=[author],
            tags=["floods"],
            standfirst="Relief <money> reaches Sindh first.",
            days_ago=1.5,
        ),
        make_story("business", title="Markets close higher", tags=["markets"], days_ago=40),
        make_story(title="An old story from the archive", days_ago=800),
    ]
    return stories


def count_queries(client, url: str, **headers) -> int:
    client.get(url, **headers)  # warm: renditions made on first view are not the page's cost
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url, **headers)
    assert response.status_code == 200, (url, response.status_code)
    return len(queries)

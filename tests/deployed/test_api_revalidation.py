"""An app revalidating a cached API list through nginx gets 304 Not Modified, by ETag and by date.

The first answer comes from the app (which fills the cache), the next from nginx reading that
file: a client may hold the validators of either, and both must revalidate.
"""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.browser
LIST = "/api/v1/articles"


def test_a_cached_api_list_answers_304(stack):
    answers = [stack.get(LIST), stack.get(LIST)]
    assert answers[1].status == 200 and answers[1].header("X-Cache") == "NGINX", (answers[1].status, answers[1].header("X-Cache"))

    for answer in answers:
        etag, modified = answer.header("ETag"), answer.header("Last-Modified")
        assert etag and modified, (answer.header("X-Cache"), dict(answer.headers))
        by_etag = stack.get(LIST, headers={"If-None-Match": etag})
        assert by_etag.status == 304 and by_etag.body == b"", (answer.header("X-Cache"), etag, by_etag.status)
        by_date = stack.get(LIST, headers={"If-Modified-Since": modified})
        assert by_date.status == 304 and by_date.body == b"", (answer.header("X-Cache"), modified, by_date.status)

    changed = stack.get(LIST, headers={"If-None-Match": '"not-this-one"'})
    assert changed.status == 200 and changed.body == answers[1].body

"""The served OpenAPI document, checked by schemathesis against the running API (in-process, through WSGI).

schemathesis takes /api/v1/openapi.json, generates valid and invalid
requests for every operation, sends them to Django's WSGI handler and runs
every check it has (``--checks all``): no server error; documented status
codes, content types, headers and bodies; schema-violating requests refused
and schema-valid ones accepted; 405 with ``Allow`` for other methods. Then
the stateful phase follows the document's links (a listing's ids into the
story, a story's web address into the lookup) with the same checks.

Requests ask for ``identity``: schemathesis reads the WSGI body as it comes,
and compression is tested where it is built (the demo run decodes it as a
client would).

The document is built from the API object at collection time (serving it
needs the database, which pytest opens only inside a test); the first test
proves it is byte for byte the one the site serves.
"""

from __future__ import annotations

import json

import pytest
import schemathesis
from django.core.handlers.wsgi import WSGIHandler
from django.core.serializers.json import DjangoJSONEncoder
from hypothesis import HealthCheck, settings

from masthead.api.api import api

EXAMPLES_PER_OPERATION = 25
STATEFUL_EXAMPLES = 15  # scenarios, each a few linked calls: bounded, so the suite stays fast
HEADERS = {"Accept-Encoding": "identity"}

DOCUMENT = json.loads(json.dumps(api.get_openapi_schema(), cls=DjangoJSONEncoder))
schema = schemathesis.openapi.from_dict(DOCUMENT)
schema.app = WSGIHandler()


@pytest.fixture
def in_process_requests():
    """Requests go through Django's WSGI handler inside the test's transaction, as Django's test client does."""
    from django.core.signals import request_finished, request_started
    from django.db import close_old_connections

    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    yield
    request_started.connect(close_old_connections)
    request_finished.connect(close_old_connections)


@pytest.fixture
def archive(newsroom, make_story):
    """More than a page of stories, and an unpublished one, so cursors and tombstones occur."""
    for n in range(3):
        make_story("business", title=f"Business brief {n}", tags=["markets"], days_ago=2 + n)
    make_story(title="Withdrawn after publication").unpublish()
    return newsroom


def test_the_checked_document_is_the_served_one(client, edition):
    response = client.get("/api/v1/openapi.json")
    assert response.status_code == 200
    assert response.json() == DOCUMENT


@schema.parametrize()
@settings(max_examples=EXAMPLES_PER_OPERATION, deadline=None, database=None, suppress_health_check=list(HealthCheck))
def test_api_conforms_to_its_openapi_document(case, archive, in_process_requests):
    case.call_and_validate(headers=HEADERS)  # no checks named: schemathesis runs all of them


def test_the_document_links_stories_for_the_stateful_phase():
    def targets(path):
        return {link["operationId"] for link in DOCUMENT["paths"][path]["get"]["responses"]["200"]["links"].values()}

    get_article, lookup = "masthead_api_endpoints_get_article", "masthead_api_endpoints_lookup_article"
    assert targets("/api/v1/articles") == targets("/api/v1/search") == targets("/api/v1/top") == {get_article, lookup}
    assert targets("/api/v1/articles/{article_id}") == {lookup}
    assert targets("/api/v1/articles/lookup") == {get_article}


STATEFUL_CALLS: list[tuple[str, int]] = []  # (operation path, status), to prove the links were followed


class APIWorkflow(schema.as_state_machine()):
    def get_call_kwargs(self, case):
        return {"headers": HEADERS}

    def after_call(self, response, case):
        STATEFUL_CALLS.append((case.operation.path, response.status_code))


@pytest.mark.django_db
def test_api_conforms_statefully(archive, in_process_requests):
    """The stateful phase: chains of calls along the document's links, every check on every response."""
    APIWorkflow.run(
        settings=settings(
            max_examples=STATEFUL_EXAMPLES,
            stateful_step_count=4,
            deadline=None,
            database=None,
            suppress_health_check=list(HealthCheck),
        )
    )
    followed = {path for path, status in STATEFUL_CALLS if status == 200}
    assert {"/api/v1/articles/{article_id}", "/api/v1/articles/lookup"} <= followed, STATEFUL_CALLS

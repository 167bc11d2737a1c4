"""The served OpenAPI document, checked by schemathesis against the running API (in-process, through WSGI).

schemathesis takes /api/v1/openapi.json, generates valid and invalid
requests for every operation, sends them to Django's WSGI handler and checks
each response: no server error, a documented status code and content type,
and a body that matches the documented schema.

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
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import content_type_conformance, response_schema_conformance, status_code_conformance

from masthead.api.api import api

CHECKS = [not_a_server_error, status_code_conformance, content_type_conformance, response_schema_conformance]
EXAMPLES_PER_OPERATION = 25

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
    case.call_and_validate(checks=CHECKS)

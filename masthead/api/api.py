"""The app API, version 1: django-ninja, mounted at /api/v1/, described at /api/v1/openapi.json."""

from __future__ import annotations

from ninja import NinjaAPI

from masthead.api import errors
from masthead.api.endpoints import router
from masthead.corrections.api import router as corrections_router

DESCRIPTION = """
The JSON API behind the edition's mobile apps: stories, sections, search, the
front page and breaking news, for the edition whose host name you call.

* Every response carries `Cache-Control` and a strong `ETag`; send it back in
  `If-None-Match` to get `304 Not Modified`.
* Lists are paged with an opaque `cursor` (`next_cursor` of the previous page)
  and `limit` (at most 50).
* Apps keep in sync with `GET /articles?updated_since=…` (RFC 3339, with `Z` or
  an offset): updates in `items`, removals in `tombstones`, and `updated_until`
  for the next call.
* A story's web address (a shared link) gives its id and body:
  `GET /articles/lookup?url=…`.
* Browsers on the origins the edition allows (`*` by default) may read every
  answer, `ETag` included; `OPTIONS` answers the CORS preflight.
* Errors are always `{"error": {"code", "message", "details"}}`.
"""

api = NinjaAPI(
    title="Masthead app API",
    version="1",
    description=DESCRIPTION.strip(),
    urls_namespace="api_v1",
    docs_url=None,  # the interactive docs load from a CDN, which the content-security policy forbids
)
errors.install(api)
api.add_router("", router)
api.add_router("", corrections_router)  # GET /corrections (corrections/api.py)

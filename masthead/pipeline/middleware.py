"""An editor's change in the admin is one transaction, so the tasks of its side effects commit with it.

Wagtail's publish action saves the page and then sends ``page_published``
without a transaction of its own: a process killed between the two would
leave a story live whose purge was never enqueued. Inside one transaction
the page, its API change log row, its timeline and its effects task commit
together or not at all. Only the admin's writes are wrapped: readers' GETs
stay free of transactions (and of their queries).
"""

from __future__ import annotations

from django.db import transaction

SAFE_METHODS = frozenset({"GET", "HEAD", "OPTIONS", "TRACE"})


class AtomicAdminWritesMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.method in SAFE_METHODS or not request.path.startswith("/admin/"):
            return self.get_response(request)
        with transaction.atomic():
            response = self.get_response(request)
            if response.status_code >= 500:
                transaction.set_rollback(True)  # an error the view turned into a page: the change did not happen
            return response

"""E-mail notifications that fail are shown to the editor whose action sent them, not only logged.

Wagtail sends its moderation e-mails (submitted for review, approved, rejected) inside the editor's request
and, when sending fails, logs the error on the ``wagtail.admin`` logger and carries on: the editor believes
the sub-editor was told, and nobody was. Here a log handler notes such failures for the request in hand
(a context variable set by :class:`MailFailureMiddleware`), and the middleware turns them into one error
message on the editor's next page.
"""

from __future__ import annotations

import logging
from contextvars import ContextVar

from django.contrib import messages

_failures: ContextVar[list[str] | None] = ContextVar("masthead_mail_failures", default=None)

# The messages Wagtail logs when a notification cannot be sent (wagtail/admin/mail.py).
FAILURE_PREFIXES = ("Failed to send notification email", "Mail connection error")


class NotificationFailureHandler(logging.Handler):
    def emit(self, record: logging.LogRecord) -> None:
        failures = _failures.get()
        if failures is None or not str(record.msg).startswith(FAILURE_PREFIXES):
            return
        reason = ""
        if record.exc_info and record.exc_info[1] is not None:
            error = record.exc_info[1]
            reason = f"{type(error).__name__}: {error}" if str(error) else type(error).__name__
        failures.append(reason)


_handler = NotificationFailureHandler(level=logging.ERROR)


def watch_notification_failures() -> None:
    logger = logging.getLogger("wagtail.admin")
    if _handler not in logger.handlers:
        logger.addHandler(_handler)


def failure_message(failures: list[str]) -> str:
    count = len(failures)
    reasons = sorted({reason for reason in failures if reason})
    why = f" ({'; '.join(reasons)})" if reasons else ""
    what = "An e-mail notification" if count == 1 else f"{count} e-mail notifications"
    return f"{what} could not be sent{why}. Tell the people concerned yourself, and ask an administrator to check the e-mail settings."


class MailFailureMiddleware:
    """Collects the notification failures of one request and shows them to its user as an error message."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        # Again on each request: logging configured after start-up (a second django.setup(), as a command run
        # in-process does) empties the handlers of every logger under "wagtail", this one's included.
        watch_notification_failures()
        token = _failures.set([])
        try:
            response = self.get_response(request)
            failures = _failures.get()
        finally:
            _failures.reset(token)
        if failures and getattr(request, "user", None) is not None and request.user.is_authenticated:
            messages.error(request, failure_message(failures))
        return response

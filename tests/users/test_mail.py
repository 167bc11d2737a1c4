"""A moderation e-mail that cannot be sent is shown to the editor who caused it, not only logged."""

from __future__ import annotations

import socket

import pytest
from django.contrib.auth.models import Group
from django.contrib.messages import get_messages
from django.core import mail
from django.test import Client
from django.urls import reverse

from masthead.news import services as news
from masthead.users import roles
from masthead.users.mail import failure_message
from tests.news.test_publish_once import publish_form


def closed_port() -> int:
    """A loopback port with nothing listening: connecting to it is refused, as an absent mail server is."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture
def submission(edition, django_user_model):
    reporter = django_user_model.objects.create_user("reporter", "reporter@example.org", "pw")
    reporter.groups.add(Group.objects.get(name=roles.REPORTERS))
    sub = django_user_model.objects.create_user("sub", "sub@example.org", "pw")
    sub.groups.add(Group.objects.get(name=roles.SUB_EDITORS))
    story = news.file_story(edition.sections["world"], news.StoryDraft(title="Budget agreed"), user=reporter)
    client = Client()
    client.force_login(reporter)
    data = publish_form(story)
    del data["action-publish"]
    data["action-submit"] = "action-submit"
    return client, story, data


def submit(client, story, data):
    response = client.post(reverse("wagtailadmin_pages:edit", args=(story.pk,)), data)
    assert response.status_code == 302
    story.refresh_from_db()
    assert story.current_workflow_state is not None, "the story was not submitted for review"
    return [str(message) for message in get_messages(response.wsgi_request)]


def test_a_refused_mail_server_is_reported_to_the_editor(settings, submission):
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT, settings.EMAIL_TIMEOUT = "127.0.0.1", closed_port(), 2
    shown = submit(*submission)
    failures = [message for message in shown if "could not be sent" in message]
    assert len(failures) == 1, shown
    assert "ConnectionRefusedError" in failures[0]


def test_mail_that_is_sent_says_nothing(settings, submission):
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    shown = submit(*submission)
    assert not [message for message in shown if "could not be sent" in message]
    assert [message.to for message in mail.outbox] == [["sub@example.org"]]


def test_the_failure_message_counts_and_names_the_reasons():
    assert failure_message(["ConnectionRefusedError: [Errno 111] Connection refused"]).startswith(
        "An e-mail notification could not be sent (ConnectionRefusedError: [Errno 111] Connection refused)."
    )
    assert failure_message(["", ""]).startswith("2 e-mail notifications could not be sent. ")


def test_the_demos_file_backend_keeps_the_moderation_mail(settings, submission, tmp_path):
    settings.EMAIL_BACKEND = "django.core.mail.backends.filebased.EmailBackend"
    settings.EMAIL_FILE_PATH = str(tmp_path / "mail")
    shown = submit(*submission)
    assert not [message for message in shown if "could not be sent" in message]
    written = "".join(path.read_text() for path in (tmp_path / "mail").iterdir())
    assert "To: sub@example.org" in written and "Budget agreed" in written

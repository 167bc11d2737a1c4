"""Wagtail's ``publish_scheduled``, done by the publishing clock: safe to run from cron beside the workers.

Wagtail's own command reads the due revisions and publishes each without claiming it, so two runs at once
publish a story twice. This one is one tick of the clock (``masthead.schedule.clock``), which publishes,
unpublishes and releases embargoes exactly once however many run. It takes Wagtail's place because this app
comes before ``wagtail`` in ``INSTALLED_APPS``.
"""

from __future__ import annotations

from datetime import timedelta

from django.core.management.base import BaseCommand
from django.utils import timezone

from masthead.schedule import clock


class Command(BaseCommand):
    help = "Publish due scheduled revisions, unpublish expired pages and release ended embargoes (one clock tick)."

    def add_arguments(self, parser):
        parser.add_argument("--dryrun", action="store_true", help="list what is due and change nothing")

    def handle(self, *args, **options):
        if options["dryrun"]:
            due = clock.overdue(timezone.now(), grace=timedelta(0), limit=10_000)
            for row in due:
                self.stdout.write(f"{row.due_at:%Y-%m-%d %H:%M:%S}\t{row.action}\t{row.page_id}\t{row.title}")
            self.stdout.write(f"{len(due)} due" if due else "Nothing is due.")
            return
        report = clock.tick()
        self.stdout.write(
            f"published {report.published} ({report.late} late), unpublished {report.unpublished}, "
            f"released {report.released} from embargo" + (f", {report.failed} failed" if report.failed else "")
        )

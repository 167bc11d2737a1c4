"""``masthead manage grant_edition HOST [--staff NAME]``: give an edition to the newsroom's staff, or its own.

A new edition is granted to the newsroom-wide groups when it is made. ``--staff "Urdu edition"`` gives it
staff of its own instead ("Urdu edition reporters", "Urdu edition sub-editors", "Urdu edition editors"),
with a review workflow of theirs; add people to those groups in Settings → Groups.
"""

from __future__ import annotations

from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from wagtail.models import Site

from masthead.users import roles


class Command(BaseCommand):
    help = "Grant an edition (a Wagtail site, by host name) to the newsroom's staff, or to staff of its own."

    def add_arguments(self, parser):
        parser.add_argument("hostname", help="the edition's host name, as in Settings → Sites")
        parser.add_argument("--staff", default="", help='name of the edition\'s own staff, e.g. "Urdu edition"')
        parser.add_argument("--dry-run", action="store_true", help="say what would be granted, change nothing")

    def handle(self, hostname, staff, dry_run, **options):
        site = Site.objects.filter(hostname=hostname).select_related("root_page").first()
        if site is None:
            raise CommandError(f"no edition is served at {hostname!r}; see Settings → Sites")
        with transaction.atomic():
            groups = roles.grant_edition(site.root_page, staff=staff.strip())
            for role, group in groups.items():
                self.stdout.write(f"{role:<12} → {group.name}")
            self.stdout.write(f"{site.site_name or hostname}: {'would be ' if dry_run else ''}granted.")
            if dry_run:
                transaction.set_rollback(True)

from django.core.management.base import BaseCommand

from masthead.news import positions
from masthead.news.models import SectionPage


class Command(BaseCommand):
    help = (
        "Derive every section's listing anchors again from its stories. They are kept true on every publish, "
        "unpublish, move and delete; run this after changing stories with raw SQL or restoring part of a database."
    )

    def handle(self, *args, **options):
        for section in SectionPage.objects.order_by("path"):
            anchors = positions.rebuild(section.pk)
            self.stdout.write(f"{section.url_path}: {anchors:,} anchors, one every {positions.SPACING} stories")

import time

from django.core.management.base import BaseCommand, CommandError

from masthead.news.bench_seed import seed


class Command(BaseCommand):
    help = "Fill the archive with N synthetic live stories, fast (for scale benchmarks; never on a real site)."

    def add_arguments(self, parser):
        parser.add_argument("--articles", type=int, required=True)
        parser.add_argument(
            "--per-day", type=int, default=150, help="stories a day, going back in time from the oldest already there"
        )
        parser.add_argument("--batch", type=int, default=2000)
        parser.add_argument(
            "--no-index", action="store_true", help="skip the search index (faster; search then finds none of them)"
        )

    def handle(self, *args, articles, per_day, batch, no_index, **options):
        if articles < 1:
            raise CommandError("--articles must be at least 1")
        if per_day < 1:
            raise CommandError("--per-day must be at least 1")
        started = time.monotonic()

        def progress(done):
            rate = done / max(time.monotonic() - started, 1e-6)
            self.stdout.write(f"\r{done:,}/{articles:,} stories ({rate:,.0f}/s)", ending="")
            self.stdout.flush()

        created = seed(articles, per_day=per_day, batch=batch, index=not no_index, progress=progress)
        self.stdout.write(f"\ncreated {created:,} stories in {time.monotonic() - started:.1f}s")

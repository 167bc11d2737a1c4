"""The desk's dashboard and story lists as the archive grows (run by hand).

    .venv/bin/python bench/desk_bench.py --sizes 2000,100000                  # SQLite in a scratch home
    DATABASE_URL=postgres://…/empty_db .venv/bin/python bench/desk_bench.py --sizes 10000,1000000

Grows one archive with `bench_seed` to each size (published stories going back in time), gives the bench
user 40 drafts, 40 scheduled stories (5 of them overdue) and 10 stories in review, then asks the dashboard
and each desk list REQUESTS times through Django's test client. Prints p50/p95 (ms) and the query count of
the last request at each size, and the p95 ratio of the largest size over the smallest.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time

LISTS = ("overdue", "review", "drafts", "scheduled", "today")


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--sizes", default="2000,100000")
    parser.add_argument("--requests", type=int, default=20)
    args = parser.parse_args()
    sizes = [int(s) for s in args.sizes.split(",")]
    if not os.environ.get("DATABASE_URL") and not os.environ.get("MASTHEAD_HOME"):
        os.environ["MASTHEAD_HOME"] = tempfile.mkdtemp(prefix="masthead-desk-bench-")
    os.environ.update(
        MASTHEAD_DEMO="1", PAGECACHE="0", DJANGO_SETTINGS_MODULE="masthead.config.settings", ALLOWED_HOSTS="localhost"
    )
    os.environ.setdefault("SECRET_KEY", "desk-bench")
    import django

    django.setup()
    from django.core.management import call_command
    from django.db import connection

    from masthead.news.bench_seed import seed
    from masthead.news.models import ArticlePage

    call_command("migrate", verbosity=0)
    call_command("collectstatic", interactive=False, verbosity=0)
    table: dict[str, dict[int, tuple[float, float, int]]] = {}
    have = ArticlePage.objects.count()
    for size in sizes:
        if size > have:
            started = time.monotonic()
            seed(size - have, seed_value=size)
            print(f"seeded to {size:,} stories in {time.monotonic() - started:.0f}s", file=sys.stderr)
            have = size
        desk_work()
        for name, figures in measure(args.requests).items():
            table.setdefault(name, {})[size] = figures
    print(f"\n{connection.vendor}, {args.requests} requests per view, logged in as a superuser (ms)")
    print(f"{'view':<18}" + "".join(f"{f'{s:,}: p50 / p95 / q':>28}" for s in sizes) + f"{'p95 ratio':>11}")
    for name, by_size in table.items():
        cells = "".join(f"{by_size[s][0]:>11.1f} / {by_size[s][1]:>6.1f} / {by_size[s][2]:>3}" for s in sizes)
        print(f"{name:<18}{cells}{by_size[sizes[-1]][1] / by_size[sizes[0]][1]:>11.2f}")
    return 0


def bench_user():
    from django.contrib.auth import get_user_model

    user_model = get_user_model()
    return user_model.objects.filter(username="desk-bench").first() or user_model.objects.create_superuser(
        "desk-bench", "desk-bench@example.com", "desk-bench"
    )


def desk_work() -> None:
    """The bench user's drafts, schedule and reviews, made once per database."""
    from datetime import timedelta

    from django.utils import timezone
    from wagtail.models import Revision, Workflow

    from masthead.news import services
    from masthead.news.models import ArticlePage, SectionPage

    user = bench_user()
    if ArticlePage.objects.filter(owner=user).exists():
        return
    section = SectionPage.objects.order_by("path").first()
    workflow = Workflow.objects.filter(active=True).first()
    for n in range(40):
        services.file_story(section, services.StoryDraft(title=f"Desk draft {n}", paragraphs=["<p>Draft.</p>"]), user=user)
        story = services.file_story(
            section, services.StoryDraft(title=f"Desk scheduled {n}", paragraphs=["<p>Soon.</p>"]), user=user
        )
        story.go_live_at = timezone.now() + timedelta(hours=n + 1)
        story.save_revision(user=user).publish(user=user)
        if n < 5:
            Revision.page_revisions.filter(object_id=str(story.pk), approved_go_live_at__isnull=False).update(
                approved_go_live_at=timezone.now() - timedelta(minutes=10)
            )
        if n < 10 and workflow is not None:
            review = services.file_story(
                section, services.StoryDraft(title=f"Desk review {n}", paragraphs=["<p>Check.</p>"]), user=user
            )
            workflow.start(review, user)


def measure(requests: int) -> dict[str, tuple[float, float, int]]:
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext
    from django.urls import reverse

    client = Client(HTTP_HOST="localhost")
    client.force_login(bench_user())
    urls = {"dashboard": reverse("wagtailadmin_home")} | {f"desk {slug}": reverse("desk_list", args=(slug,)) for slug in LISTS}
    figures = {}
    for name, url in urls.items():
        assert client.get(url).status_code == 200, name
        timings = []
        for _ in range(requests):
            with CaptureQueriesContext(connection) as queries:
                started = time.perf_counter()
                client.get(url)
                timings.append((time.perf_counter() - started) * 1000)
        timings.sort()
        figures[name] = (statistics.median(timings), timings[max(0, int(len(timings) * 0.95) - 1)], len(queries.captured_queries))
    return figures


if __name__ == "__main__":
    sys.exit(main())

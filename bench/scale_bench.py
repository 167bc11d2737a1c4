"""Uncached latency and query count of the reader pages as the archive grows (run by hand).

    .venv/bin/python bench/scale_bench.py --sizes 10000,100000                 # SQLite in a scratch home
    DATABASE_URL=postgres://… .venv/bin/python bench/scale_bench.py --sizes 10000,1000000

Grows one archive with `bench_seed` to each size in turn and, at each, asks
every page REQUESTS times through Django (page cache off: this measures the
render), printing p50/p95 latency and the query count, then the ratio of
the largest size's p95 to the smallest's (the target is at most 1.5).
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--sizes", default="10000,100000")
    parser.add_argument("--requests", type=int, default=30)
    args = parser.parse_args()
    sizes = [int(s) for s in args.sizes.split(",")]

    if not os.environ.get("DATABASE_URL"):
        os.environ["MASTHEAD_HOME"] = tempfile.mkdtemp(prefix="masthead-scale-")
    os.environ.update(
        MASTHEAD_DEMO="1", PAGECACHE="0", DJANGO_SETTINGS_MODULE="masthead.config.settings", ALLOWED_HOSTS="localhost"
    )
    import django

    django.setup()
    from django.core.management import call_command
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    from masthead.news.bench_seed import seed
    from masthead.news.models import ArticlePage, SectionPage

    call_command("migrate", verbosity=0)
    call_command("collectstatic", interactive=False, verbosity=0)
    client = Client(HTTP_HOST="localhost")
    table: dict[str, dict[int, tuple[float, float, int]]] = {}
    have = ArticlePage.objects.count()
    for size in sizes:
        if size > have:
            started = time.monotonic()
            seed(size - have, seed_value=size)
            print(f"seeded to {size:,} stories in {time.monotonic() - started:.0f}s", file=sys.stderr)
            have = size
        section = SectionPage.objects.order_by("path").first()
        in_section = ArticlePage.objects.filter(section=section, live=True).count()
        deep = max(1, min(10_000, in_section // 20))
        middle = ArticlePage.objects.order_by("published_at")[have // 2]
        month = middle.published_at
        urls = {
            "home": "/",
            "section page 1": f"/{section.slug}/",
            "section deep page": f"/{section.slug}/?page={deep}",
            "year archive": f"/{section.slug}/{month.year}/",
            "article": middle.url,
            "tag": "/tags/topic-7/",
            "search": "/search/?q=harbour+council",
            "month sitemap": f"/sitemaps/{month:%Y-%m}.xml",
            "news sitemap": "/news-sitemap.xml",
            "API list": "/api/v1/articles",
        }
        for name, url in urls.items():
            if client.get(url).status_code != 200:
                table.setdefault(name, {})[size] = (float("nan"), float("nan"), -1)
                continue
            timings = []
            for _ in range(args.requests):
                with CaptureQueriesContext(connection) as queries:
                    started = time.perf_counter()
                    client.get(url)
                    timings.append((time.perf_counter() - started) * 1000)
            timings.sort()
            p95 = timings[max(0, int(len(timings) * 0.95) - 1)]
            table.setdefault(name, {})[size] = (statistics.median(timings), p95, len(queries))
        print(f"{size:,}: section deep page is page {deep:,}", file=sys.stderr)

    print(f"\n{connection.vendor}, {args.requests} requests per page, uncached (ms)")
    header = "".join(f"{f'{s:,}: p50 / p95 / q':>28}" for s in sizes)
    print(f"{'page':<22}{header}{'p95 ratio':>12}")
    for name, by_size in table.items():
        cells = "".join(f"{by_size[s][0]:>11.1f} / {by_size[s][1]:>6.1f} / {by_size[s][2]:>3}" for s in sizes)
        first, last = by_size[sizes[0]][1], by_size[sizes[-1]][1]
        print(f"{name:<22}{cells}{last / first if first == first and first else float('nan'):>12.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""Editor-side latency and query count as the archive grows (run by hand).

    .venv/bin/python bench/admin_bench.py --sizes 10000,100000                 # SQLite in a scratch home
    DATABASE_URL=postgres://…/empty_db .venv/bin/python bench/admin_bench.py --sizes 10000,1000000

Grows one archive with `bench_seed` to each size in turn (as scale_bench.py
does; a database seeded by an earlier run is grown, not re-seeded) and, at
each size, asks every admin view REQUESTS times through Django's test client,
logged in as a superuser: the dashboard, the explorer on a section and on its
newest year folder, a story's edit view, the page search, the page chooser
browsing that year folder and searching, and the publish action (the edit
form POSTed with "Publish", to its response). Prints p50/p95 and the query
count of the last request, then each p95 over the smallest size's.

`--out FILE` keeps the figures as JSON; `--baseline FILE` prints ratios against
an earlier run's smallest size (to measure 10,000 and a million in two
databases when growing one would take too long).
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
import tempfile
import time

SEARCH = "harbour coun"  # as typed: one word whole, the next half-way


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--sizes", default="10000,100000")
    parser.add_argument("--requests", type=int, default=30)
    parser.add_argument("--out")
    parser.add_argument("--baseline")
    parser.add_argument("--only", help="comma-separated views to measure (default: all)")
    args = parser.parse_args()
    sizes = [int(s) for s in args.sizes.split(",")]

    if not os.environ.get("DATABASE_URL") and not os.environ.get("MASTHEAD_HOME"):
        os.environ["MASTHEAD_HOME"] = tempfile.mkdtemp(prefix="masthead-admin-bench-")
    os.environ.update(
        MASTHEAD_DEMO="1", PAGECACHE="0", DJANGO_SETTINGS_MODULE="masthead.config.settings", ALLOWED_HOSTS="localhost"
    )
    os.environ.setdefault("SECRET_KEY", "admin-bench")
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
        elif size < have:
            print(f"the database holds {have:,} stories: measuring at {have:,} for {size:,}", file=sys.stderr)
        only = set(args.only.split(",")) if args.only else None
        for name, figures in measure(args.requests, only).items():
            table.setdefault(name, {})[size] = figures

    baseline = None
    if args.baseline:
        with open(args.baseline) as file:
            saved = json.load(file)
        baseline = {name: by_size[min(by_size, key=int)] for name, by_size in saved["table"].items()}
    print(f"\n{connection.vendor}, {args.requests} requests per view, logged in as a superuser (ms)")
    header = "".join(f"{f'{s:,}: p50 / p95 / q':>28}" for s in sizes)
    print(f"{'view':<18}{header}{'p95 ratio':>11}")
    for name, by_size in table.items():
        cells = "".join(f"{by_size[s][0]:>11.1f} / {by_size[s][1]:>6.1f} / {by_size[s][2]:>3}" for s in sizes)
        first = baseline[name][1] if baseline and name in baseline else by_size[sizes[0]][1]
        last = by_size[sizes[-1]][1]
        print(f"{name:<18}{cells}{last / first if first == first and first else float('nan'):>11.2f}")
    print("targets: each p95 ratio <= 1.5; publish action p95 <= 300 ms at a million")
    if "publish action" in table:
        print(f"publish action p95 at {sizes[-1]:,}: {table['publish action'][sizes[-1]][1]:.0f} ms")
    if args.out:
        with open(args.out, "w") as file:
            json.dump({"vendor": connection.vendor, "sizes": sizes, "table": table}, file, indent=1)
    return 0


def measure(requests: int, only: set[str] | None = None) -> dict[str, tuple[float, float, int]]:
    from django.test import Client
    from django.urls import reverse

    from masthead.news.models import ArchiveYearPage, ArticlePage, SectionPage

    client = Client(HTTP_HOST="localhost")
    client.force_login(bench_user())
    section = SectionPage.objects.order_by("path").first()
    folder = ArchiveYearPage.objects.child_of(section).order_by("-slug").first()
    story = ArticlePage.objects.filter(folder=folder).order_by("-published_at").first()
    gets = {
        "dashboard": reverse("wagtailadmin_home"),
        "explorer section": reverse("wagtailadmin_explore", args=(section.pk,)),
        "year folder": reverse("wagtailadmin_explore", args=(folder.pk,)),
        "edit view": reverse("wagtailadmin_pages:edit", args=(story.pk,)),
        "admin search": reverse("wagtailadmin_pages:search") + f"?q={SEARCH.replace(' ', '+')}",
        "chooser browse": reverse("wagtailadmin_choose_page_child", args=(folder.pk,)) + "?page_type=news.articlepage",
        "chooser search": reverse("wagtailadmin_choose_page_search")
        + f"?q={SEARCH.replace(' ', '+')}&page_type=news.articlepage",
    }
    figures = {}
    for name, url in gets.items():
        if only and name not in only:
            continue
        if client.get(url).status_code != 200:
            figures[name] = (float("nan"), float("nan"), -1)
            continue
        figures[name] = timed(requests, lambda url=url: client.get(url))

    edit_url = gets["edit view"]
    if only and "publish action" not in only:
        return figures
    count = iter(range(10**6))

    def publish():
        data = edit_form_data(ArticlePage.objects.get(pk=story.pk))
        data["standfirst"] = f"Revised {next(count)}: {data.get('standfirst', '')}"[:500]
        data["action-publish"] = "action-publish"
        response = client.post(edit_url, data)
        if response.status_code != 302:
            errors = response.context and response.context.get("form") and response.context["form"].errors
            raise SystemExit(f"publish answered {response.status_code}: {errors}")
        return response

    publish()
    figures["publish action"] = timed(requests, publish, exclude=lambda: edit_form_data(ArticlePage.objects.get(pk=story.pk)))
    story.refresh_from_db()
    assert story.standfirst.startswith("Revised"), "the publish did not take"
    return figures


def timed(requests: int, call, exclude=None) -> tuple[float, float, int]:
    """p50, p95 and the last call's query count; ``exclude`` runs before each call, outside the timing."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    timings = []
    for _ in range(requests):
        if exclude:
            exclude()
        with CaptureQueriesContext(connection) as queries:
            started = time.perf_counter()
            call()
            timings.append((time.perf_counter() - started) * 1000)
    timings.sort()
    p95 = timings[max(0, int(len(timings) * 0.95) - 1)]
    return statistics.median(timings), p95, len(queries)


def bench_user():
    from django.contrib.auth import get_user_model

    user_model = get_user_model()
    user = user_model.objects.filter(username="admin-bench").first()
    return user or user_model.objects.create_superuser("admin-bench", "admin-bench@example.com", "admin-bench")


def edit_form_data(page) -> dict:
    """What the edit form posts for ``page`` as it stands, built from the form Wagtail draws (as a browser would send it)."""
    from wagtail.admin.forms.tags import TagField
    from wagtail.blocks import ListBlock, StreamBlock, StructBlock

    def block_data(block, value, prefix, data):
        if isinstance(block, StreamBlock):
            data[f"{prefix}-count"] = len(value)
            for n, child in enumerate(value):
                data.update({f"{prefix}-{n}-type": child.block_type, f"{prefix}-{n}-deleted": "", f"{prefix}-{n}-order": n})
                data[f"{prefix}-{n}-id"] = child.id or ""
                block_data(child.block, child.value, f"{prefix}-{n}-value", data)
        elif isinstance(block, StructBlock):
            for name, child_block in block.child_blocks.items():
                block_data(child_block, value[name], f"{prefix}-{name}", data)
        elif isinstance(block, ListBlock):
            items = list(value.bound_blocks) if hasattr(value, "bound_blocks") else list(value)
            data[f"{prefix}-count"] = len(items)
            for n, item in enumerate(items):
                data.update(
                    {f"{prefix}-{n}-deleted": "", f"{prefix}-{n}-order": n, f"{prefix}-{n}-id": getattr(item, "id", "") or ""}
                )
                block_data(block.child_block, getattr(item, "value", item), f"{prefix}-{n}-value", data)
        else:
            state = block.get_form_state(value)
            data[prefix] = state.get("id", "") if isinstance(state, dict) else ("" if state is None else state)

    def form_fields(form, data):
        for name, field in form.fields.items():
            key = form.add_prefix(name)
            bound = form[name]
            value = bound.value()
            block = getattr(getattr(field, "block", None), "child_blocks", None) and field.block
            if block is not None:
                block_data(block, value, key, data)
            elif isinstance(field, TagField):
                data[key] = field.widget.format_value(value) or ""
            elif isinstance(value, bool):
                if value:
                    data[key] = "on"
            elif isinstance(value, list | tuple):
                data[key] = [str(item.pk if hasattr(item, "pk") else item) for item in value]
            elif value is None:
                data[key] = ""
            else:
                data[key] = field.widget.format_value(value) if hasattr(field.widget, "format_value") else value
                if data[key] is None:
                    data[key] = ""
        for formset in getattr(form, "formsets", {}).values():
            data.update({formset.management_form.add_prefix(k): v for k, v in formset.management_form.initial.items()})
            for subform in formset.forms:
                form_fields(subform, data)

    user = bench_user()
    edit_handler = page.get_edit_handler()
    form_class = edit_handler.get_form_class()
    form = form_class(instance=page, for_user=user, parent_page=page.get_parent())
    data: dict = {}
    form_fields(form, data)
    return data


if __name__ == "__main__":
    sys.exit(main())

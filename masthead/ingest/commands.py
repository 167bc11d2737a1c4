"""What ``masthead ingest`` and ``masthead poll`` do; cli.py only parses arguments and calls these.

Both print a summary an operator can read at a glance and a cron mail can
carry: counts (new, updated, duplicates, stale, rejected…) and every
rejection with its reason.
"""

from __future__ import annotations

import sys
import time
from collections import Counter
from pathlib import Path
from typing import TextIO

ITEM_LINES_UP_TO = 25
DISTINCT_REASONS_SHOWN = 20


def expand_inputs(inputs: list[str]) -> list[str]:
    """Files and URLs to read: directories become their files (sorted, recursively, hidden ones skipped)."""
    out: list[str] = []
    for raw in inputs:
        if raw.startswith(("http://", "https://")):
            out.append(raw)
            continue
        path = Path(raw)
        if path.is_dir():
            out.extend(
                str(child)
                for child in sorted(path.rglob("*"))
                if child.is_file() and not any(part.startswith(".") for part in child.relative_to(path).parts)
            )
        else:
            out.append(raw)
    return out


def _read_file(path: str, limit: int) -> bytes:
    with open(path, "rb") as handle:
        return handle.read(limit + 1)  # one byte over the limit is enough to refuse it


def _line_for(outcome) -> str:
    item = outcome.item
    parts = [f"{outcome.kind:<9} {outcome.message}"]
    if item is not None and outcome.kind in ("new", "updated"):
        facts = []
        if item.agency:
            facts.append(item.agency.name)
        elif item.agency_credit:
            facts.append(f"agency “{item.agency_credit}” unknown")
        if item.dateline:
            facts.append(f"{item.dateline.upper()}:")
        if outcome.stale:
            facts.append("STALE")
        if outcome.held:
            facts.append("held by embargo")
        if outcome.clustered:
            facts.append("joined a cluster")
        if facts:
            parts.append(" [" + ", ".join(facts) + "]")
    if outcome.story is not None:
        story = outcome.story
        parts.append(
            f"\n          → {'published' if outcome.story_published else 'draft'}: {story.title} ({story.get_url() or story.url_path})"
        )
    if outcome.stale and outcome.item is not None and outcome.kind in ("new", "updated"):
        parts.append(f"\n          stale: {outcome.item.stale_reason}")
    return "".join(parts)


def payload_line(report) -> str:
    """One line for one payload, for a dry run over many files: its format and each item's headline, or why not."""
    if report.error:
        return f"{report.origin}: refused: {report.error}"
    shown = []
    for outcome in report.outcomes:
        item = outcome.item
        if outcome.kind == "rejected":
            shown.append(f"rejected: {outcome.reason or outcome.message}")
        elif item is not None:
            shown.append(f"{outcome.kind}: “{item.headline}”")
        else:
            shown.append(f"{outcome.kind}: {outcome.message}")
    if not shown:
        shown.append("no items" + (f" ({'; '.join(report.warnings)})" if report.warnings else ""))
    more = f" (+{len(shown) - 3} more)" if len(shown) > 3 else ""
    return f"{report.origin}: {report.format}: " + "; ".join(shown[:3]) + more


def run_ingest(
    inputs: list[str],
    *,
    source_name: str = "",
    section_slug: str = "",
    publish: bool = False,
    dry_run: bool = False,
    format_hint: str = "",
    out: TextIO | None = None,
    err: TextIO | None = None,
) -> int:
    from tqdm import tqdm

    out = out or sys.stdout
    err = err or sys.stderr

    from masthead.ingest import config, pipeline
    from masthead.ingest.fetch import FetchError, fetch
    from masthead.ingest.polling import fetch_policy
    from masthead.ingest.reports import IngestReport
    from masthead.news import lookups

    section = None
    if section_slug:
        try:
            section = lookups.section_by_slug(section_slug)
        except ValueError as error:
            print(f"masthead ingest: {error}", file=err)
            return 2
    files = expand_inputs(inputs)
    if not files:
        print("masthead ingest: nothing to read", file=err)
        return 2
    limit = config.max_payload_bytes()
    reports = []
    started = time.monotonic()
    for name in tqdm(files, desc="ingest", unit="payload", file=err, disable=len(files) < 2, leave=False):
        hint = format_hint or None
        if name.startswith(("http://", "https://")):
            try:
                fetched = fetch(name, policy=fetch_policy())
            except FetchError as error:
                reports.append(IngestReport(origin=name, error=f"not fetched: {error}"))
                continue
            content, origin, content_type = fetched.content, fetched.url, fetched.content_type
        else:
            try:
                content = _read_file(name, limit)
            except OSError as error:
                reports.append(IngestReport(origin=name, error=f"cannot read the file: {error.strerror or error}"))
                continue
            origin, content_type = name, ""
        report = pipeline.ingest_payload(
            content,
            source=source_name or None,
            origin=origin,
            content_type=content_type,
            hint=hint,
            section=section,
            publish=publish,
            dry_run=dry_run,
        )
        reports.append(report)
    elapsed = time.monotonic() - started
    _summarise(reports, out, elapsed=elapsed, dry_run=dry_run)
    return 1 if any(report.error for report in reports) else 0


def _summarise(reports, out: TextIO, *, elapsed: float, dry_run: bool) -> None:
    counts: Counter = Counter()
    outcomes = [outcome for report in reports for outcome in report.outcomes]
    for report in reports:
        counts.update(report.counts)
    failed = [report for report in reports if report.error]
    show_items = len(outcomes) <= ITEM_LINES_UP_TO
    for report in reports:
        if report.error:
            print(f"rejected  {report.origin}: {report.error}", file=out)
            continue
        for warning in report.warnings:
            print(f"warning   {report.origin}: {warning}", file=out)
        if show_items:
            for outcome in report.outcomes:
                print(_line_for(outcome), file=out)
    if dry_run and not show_items and len(reports) > 1:
        print("Payloads:", file=out)
        for report in reports:
            print(f"  {payload_line(report)}", file=out)
    reasons = Counter(outcome.reason or outcome.message for outcome in outcomes if outcome.kind == "rejected")
    if not show_items and reasons:
        print("Rejected items, by reason:", file=out)
        for reason, number in reasons.most_common(DISTINCT_REASONS_SHOWN):
            print(f"  {number:>5} × {reason}", file=out)
    rejected = counts["rejected"] + len(failed)
    prefix = "Dry run, nothing written: would be " if dry_run else ""
    print(
        f"{prefix}{len(reports)} payload{'s' if len(reports) != 1 else ''}, {len(outcomes)} item{'s' if len(outcomes) != 1 else ''} "
        f"in {elapsed:.1f}s: "
        f"{counts['new']} new ({counts['clustered']} near-duplicates clustered), {counts['updated']} updated, "
        f"{counts['duplicate']} duplicates, {counts['stale']} stale, {rejected} rejected, "
        f"{counts['killed']} killed, {counts['held']} held, {counts['published']} published, {counts['drafted']} drafted",
        file=out,
    )


def run_poll(*, only: list[str] | None = None, force: bool = False, loop: bool = False, out: TextIO | None = None) -> int:
    from masthead.ingest.polling import poll_sources

    out = out or sys.stdout

    while True:
        run = poll_sources(only=only, force=force)
        for result in run.results:
            print(f"{result.status:<13} {result.source.name}: {result.message}", file=out)
        if not run.results:
            print("no source due", file=out)
        if run.released:
            print(f"released {run.released} item{'s' if run.released != 1 else ''} from embargo", file=out)
        if not loop:
            return 0
        out.flush()
        time.sleep(30)

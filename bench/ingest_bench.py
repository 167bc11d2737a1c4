"""Wire-desk throughput per format, and extraction quality beside trafilatura's (run by hand).

    .venv/bin/python bench/ingest_bench.py [--data ../shared/data] [--skip-ingest]

Reads the shared samples in place (``../shared/data`` beside the checkout,
or ``--data`` / ``MASTHEAD_SHARED_DATA``) and prints, per format:

- parse: items per second through the pure parser alone (bytes → items),
  each corpus repeated until it has run for at least a second;
- ingest: items per second through ``ingest_payload`` into a scratch SQLite
  database (store raw, parse, sanitise, freshness, MinHash clustering,
  agency resolution; no stories filed), each item ingested once;

then the body-extraction F1 of Masthead and of plain trafilatura on the
181 pages of the Scrapinghub benchmark, in the same run.

Corpora: feed = the 19 real publishers' feeds; ninjs = IPTC's examples and
should_pass suite; newsml = IPTC's G2 examples, should_pass newsItems and
the NITF sample; html = the 181 benchmark pages; text = the seed page plus
the benchmark's annotated bodies written out as pasted text; newsml12 =
AFP's, ANA-MPE's and Business Wire's NewsML 1.2; anpa = AP's ANPA-1312;
iptc7901 = dpa's IPTC 7901 (the last two from the AGPL fixtures, read in
place). The wire corpora are small (3-8 payloads): their parse figures
repeat them for a second; their ingest figures are one pass, so noisier.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def corpora(data: Path) -> dict[str, list[bytes]]:
    import json

    feeds = sorted(p for p in (data / "feeds/news-real").rglob("*") if p.suffix in (".xml", ".rss", ".atom"))
    ninjs = sorted((data / "wire-samples/ninjs/iptc-examples").rglob("*.json"))
    ninjs = [p for p in ninjs if "schema-extension" not in str(p)] + sorted(
        (data / "wire-samples/ninjs/iptc-test-suite").glob("*/should_pass/*.json")
    )
    newsml = sorted((data / "wire-samples/newsml-g2/iptc-examples").glob("*.xml")) + sorted(
        (data / "wire-samples/newsml-g2/iptc-unit-tests").glob("*/should_pass/*.xml")
    )
    newsml += sorted((data / "wire-samples/nitf").glob("*.xml")) + sorted(
        (data / "wire-samples/newsml-g2/agency-samples").glob("*.xml")
    )
    bench = data / "extraction-benchmark/scrapinghub-article-extraction-benchmark"
    from masthead.ingest.evaluation import load_pages

    pages = load_pages(bench)
    truth = json.loads((bench / "ground-truth.json").read_text())
    seed = data.parent / "seed" / "000_7c085cc8e503c361.txt"
    texts = [seed.read_bytes()] if seed.is_file() else []
    for key, _, body in pages:
        headline = truth[key].get("url", key).rstrip("/").rsplit("/", 1)[-1].replace("-", " ")[:120] or key
        texts.append(f"{headline}\n\n{body}\n".encode())
    agpl = data / "wire-samples/superdesk-fixtures-AGPL"  # read in place, never copied (see the data README)
    newsml12 = (
        sorted((data / "wire-samples/newsml-1.2").glob("*.xml"))
        + sorted((agpl / "newsml-1.2").glob("*.xml"))
        + sorted((data / "wire-samples/ninjs/iptc-examples/NewsML").glob("*.xml"))
    )
    return {
        "feed": [p.read_bytes() for p in feeds],
        "ninjs": [p.read_bytes() for p in ninjs],
        "newsml": [p.read_bytes() for p in newsml],
        "html": [html.encode("utf-8") for _, html, _ in pages],
        "text": texts,
        "newsml12": [p.read_bytes() for p in newsml12],
        "anpa": [p.read_bytes() for p in sorted((agpl / "anpa-1312").glob("*.tst"))],
        "iptc7901": [p.read_bytes() for p in sorted((agpl / "iptc7901").glob("*.txt"))],
    }


def parse_rate(name: str, payloads: list[bytes]) -> tuple[int, float]:
    from masthead.ingest.formats import registry
    from masthead.ingest.formats.base import ParseError

    parser = registry.get(name)
    items = 0
    rounds = 0
    started = time.perf_counter()
    while True:
        for payload in payloads:
            try:
                items += len(parser.parse(payload).items)
            except ParseError:
                pass
        rounds += 1
        elapsed = time.perf_counter() - started
        if elapsed >= 1.0 or name == "html":  # trafilatura is slow enough: one round of 181 pages
            return items, elapsed


def ingest_rate(name: str, payloads: list[bytes]) -> tuple[int, float]:
    from masthead.ingest import pipeline

    items = 0
    started = time.perf_counter()
    for number, payload in enumerate(payloads):
        report = pipeline.ingest_payload(payload, source=f"bench-{name}", origin=f"{name}-{number}", hint=name)
        items += sum(1 for outcome in report.outcomes if outcome.item is not None)
    return items, time.perf_counter() - started


def main() -> int:
    arguments = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    arguments.add_argument("--data", default=os.environ.get("MASTHEAD_SHARED_DATA") or str(ROOT.parent / "shared" / "data"))
    arguments.add_argument("--skip-ingest", action="store_true", help="parsers and extraction only (no database)")
    args = arguments.parse_args()
    data = Path(args.data)
    if not data.is_dir():
        print(f"shared data not found at {data}; pass --data", file=sys.stderr)
        return 2

    home = tempfile.mkdtemp(prefix="masthead-ingest-bench-")
    os.environ.update(MASTHEAD_HOME=home, MASTHEAD_DEMO="1", DJANGO_SETTINGS_MODULE="masthead.config.settings", LOG_LEVEL="ERROR")
    os.environ.pop("DATABASE_URL", None)
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()
    from django.core.management import call_command

    from masthead.ingest import evaluation

    sets = corpora(data)
    print(f"{'format':<9} {'payloads':>8}  {'parse items/s':>14}  {'ingest items/s':>15}")
    if not args.skip_ingest:
        call_command("migrate", verbosity=0)
    for name, payloads in sets.items():
        items, seconds = parse_rate(name, payloads)
        parse = items / seconds if seconds else 0.0
        ingest_text = "-"
        if not args.skip_ingest:
            ingested, ingest_seconds = ingest_rate(name, payloads)
            ingest_text = f"{ingested / ingest_seconds:,.0f} ({ingested} items)"
        print(f"{name:<9} {len(payloads):>8}  {parse:>14,.0f}  {ingest_text:>15}")

    folder = data / "extraction-benchmark/scrapinghub-article-extraction-benchmark"
    pages = evaluation.load_pages(folder)
    ours = evaluation.evaluate("masthead", pages, evaluation.masthead_extractor)
    theirs = evaluation.evaluate("trafilatura", pages, evaluation.trafilatura_default)
    print()
    print("Body extraction, Scrapinghub benchmark (token P/R/F1, mean over pages):")
    print(f"  {ours.line()}")
    print(f"  {theirs.line()}")
    print(f"  F1 difference: {ours.f1 - theirs.f1:+.4f}")
    return 0 if ours.f1 >= theirs.f1 else 1


if __name__ == "__main__":
    sys.exit(main())

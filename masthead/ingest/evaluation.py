"""Scoring body extraction against the Scrapinghub article-extraction benchmark. Pure.

Used by the quality gate (tests/ingest/test_extraction_quality.py) and by
bench/ingest_bench.py, so both report the same numbers. For each page the
extracted text and the annotated ``articleBody`` are compared as bags of
lower-cased word tokens: precision = shared / extracted, recall = shared /
annotated, F1 their harmonic mean; the figures reported are means over
pages. The benchmark's files are read where they are (``ground-truth.json``
and ``html/<id>.html.gz``), never copied.
"""

from __future__ import annotations

import gzip
import json
import re
import time
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

_TOKEN = re.compile(r"\w+", re.UNICODE)


@dataclass(frozen=True)
class Score:
    precision: float
    recall: float
    f1: float


@dataclass(frozen=True)
class BenchmarkResult:
    name: str
    pages: int
    precision: float
    recall: float
    f1: float
    seconds: float

    def line(self) -> str:
        return f"{self.name:<12} F1 {self.f1:.4f}  precision {self.precision:.4f}  recall {self.recall:.4f}  ({self.pages} pages, {self.seconds:.1f} s)"


def score(extracted: str, truth: str) -> Score:
    got = Counter(_TOKEN.findall((extracted or "").lower()))
    want = Counter(_TOKEN.findall((truth or "").lower()))
    shared = sum((got & want).values())
    precision = shared / sum(got.values()) if got else 0.0
    recall = shared / sum(want.values()) if want else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return Score(precision, recall, f1)


def load_pages(folder: Path) -> list[tuple[str, str, str]]:
    """(id, html, annotated body) for every page of the benchmark, in id order."""
    truth = json.loads((folder / "ground-truth.json").read_text(encoding="utf-8"))
    pages = []
    for key in sorted(truth):
        with gzip.open(folder / "html" / f"{key}.html.gz", "rb") as handle:
            html = handle.read().decode("utf-8", errors="replace")
        pages.append((key, html, truth[key]["articleBody"]))
    return pages


def evaluate(name: str, pages: list[tuple[str, str, str]], extractor: Callable[[str], str]) -> BenchmarkResult:
    started = time.perf_counter()
    scores = [score(extractor(html) or "", body) for _, html, body in pages]
    seconds = time.perf_counter() - started
    count = len(scores) or 1
    return BenchmarkResult(
        name=name,
        pages=len(scores),
        precision=sum(s.precision for s in scores) / count,
        recall=sum(s.recall for s in scores) / count,
        f1=sum(s.f1 for s in scores) / count,
        seconds=seconds,
    )


def trafilatura_default(html: str) -> str:
    """trafilatura as it comes: ``trafilatura.extract`` with its default options."""
    import trafilatura

    return trafilatura.extract(html) or ""


def masthead_extractor(html: str) -> str:
    from masthead.ingest.formats.html import extract_body

    return extract_body(html)

"""The quality gate: Masthead's article extraction scores no lower than trafilatura's own on the same pages.

Runs the whole Scrapinghub benchmark (181 pages, a few seconds each way) in
one run, prints both figures, and fails if Masthead's F1 falls below
trafilatura's defaults (or below an absolute floor, so that a regression of
both cannot pass unnoticed).
"""

import pytest

from masthead.ingest import evaluation

F1_FLOOR = 0.94


@pytest.fixture(scope="module")
def pages(shared_data):
    folder = shared_data / "extraction-benchmark/scrapinghub-article-extraction-benchmark"
    return evaluation.load_pages(folder)


def test_masthead_extraction_is_at_least_as_good_as_trafilatura(pages, capsys):
    ours = evaluation.evaluate("masthead", pages, evaluation.masthead_extractor)
    theirs = evaluation.evaluate("trafilatura", pages, evaluation.trafilatura_default)
    with capsys.disabled():
        print(f"\n  {ours.line()}\n  {theirs.line()}")
    assert ours.pages == theirs.pages == 181
    assert ours.f1 >= theirs.f1, f"Masthead F1 {ours.f1:.4f} < trafilatura {theirs.f1:.4f}"
    assert ours.f1 >= F1_FLOOR


def test_scoring():
    assert evaluation.score("a b c", "a b c").f1 == 1.0
    half = evaluation.score("a b", "a b c d")
    assert (half.precision, half.recall) == (1.0, 0.5)
    assert evaluation.score("", "a").f1 == 0.0

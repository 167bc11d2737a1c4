"""Every file in ../shared/data/wire-samples, ingested as a dry run: a sensible item or a named refusal, never a bug.

The listing (one line per file: its format and each item's headline, or
why it was refused) is printed, so ``pytest -s`` shows it whole; the test
fails on an internal error, on "unknown format" for a file of a format
Masthead reads, and on mojibake left in any headline or body.
"""

from __future__ import annotations

import re

import pytest

from masthead.ingest import commands
from masthead.ingest.formats.charsets import MOJIBAKE
from tests.conftest import require
from tests.ingest.conftest import shared_root

WIRE_SAMPLES = shared_root() / "wire-samples"
# Files of formats Masthead reads: "unknown format" for one of these is a detection bug.
KNOWN_FORMAT = re.compile(r"\.(xml|json|tst|txt)$")
NOT_WIRE_COPY = re.compile(r"(^|/)(schema/|LICENSE)|\.xsd$|other/ritzau_news\.xml$")
# Folders whose files must be read by one reader (not plain text, not refused).
FOLDER_FORMAT = {
    "superdesk-fixtures-AGPL/anpa-1312/": "anpa",
    "superdesk-fixtures-AGPL/iptc7901/": "iptc7901",
    "superdesk-fixtures-AGPL/newsml-1.2/": "newsml12",
    "newsml-1.2/": "newsml12",
    "ninjs/iptc-examples/NewsML/": "newsml12",
}


@pytest.mark.django_db
def test_every_wire_sample_is_an_item_or_a_named_refusal(capsys):
    require(WIRE_SAMPLES.is_dir(), f"wire samples not found at {WIRE_SAMPLES} (set MASTHEAD_SHARED_DATA to the shared data)")
    from masthead.ingest import pipeline

    files = commands.expand_inputs([str(WIRE_SAMPLES)])
    assert len(files) > 500
    lines, problems = [], []
    for path in files:
        relative = path[len(str(WIRE_SAMPLES)) + 1 :]
        with open(path, "rb") as handle:
            content = handle.read()
        report = pipeline.ingest_payload(content, origin=relative, source="Samples", dry_run=True)
        line = commands.payload_line(report)
        lines.append(line)
        if "internal error" in line:
            problems.append(line)
        if (
            "unknown" in report.error
            and "format" in report.error
            and KNOWN_FORMAT.search(relative)
            and not NOT_WIRE_COPY.search(relative)
        ):
            problems.append(line)
        for folder, expected in FOLDER_FORMAT.items():
            if relative.startswith(folder) and report.format != expected:
                problems.append(f"{relative}: read as {report.format or 'nothing'}, not {expected}: {line}")
        for outcome in report.outcomes:
            item = outcome.item
            if item is not None and MOJIBAKE.search(f"{item.headline}\n{item.body_html}\n{item.dateline}"):
                problems.append(f"{relative}: mojibake left in {item.headline!r}")
    with capsys.disabled():
        print(f"\n{len(lines)} wire samples, dry run:")
        for line in lines:
            print(f"  {line}")
    assert not problems, "\n".join(problems)


@pytest.mark.django_db
def test_a_dry_run_over_many_files_lists_each_payload():
    import io

    folder = WIRE_SAMPLES / "ninjs/iptc-test-suite/1.0"
    require(folder.is_dir(), f"wire samples not found at {folder}")
    out = io.StringIO()
    commands.run_ingest([str(folder)], dry_run=True, out=out, err=io.StringIO())
    listing = out.getvalue()
    assert "Payloads:" in listing
    assert "001_no_uri_declared.json: refused: ninjs: the item has no 'uri'" in listing
    assert sum(1 for line in listing.splitlines() if line.startswith("  /")) == len(commands.expand_inputs([str(folder)]))

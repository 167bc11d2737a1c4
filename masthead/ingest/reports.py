"""What an ingest tells its caller (the CLI, the poller, the admin): one outcome per item, a report per payload."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from masthead.ingest.models import WireItem, WireSource


@dataclass
class Outcome:
    """What happened to one item (or to a whole payload that could not be read)."""

    kind: str  # new, updated, duplicate, rejected, killed
    message: str = ""
    reason: str = ""  # for rejections: why, without the item's name (summaries group on it)
    item: WireItem | None = None
    stale: bool = False
    held: bool = False
    clustered: bool = False
    story: object | None = None
    story_published: bool = False


@dataclass
class IngestReport:
    origin: str
    format: str = ""
    source: WireSource | None = None
    outcomes: list[Outcome] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    error: str = ""  # the payload as a whole could not be read
    dry_run: bool = False

    @property
    def counts(self) -> Counter:
        counts = Counter(outcome.kind for outcome in self.outcomes)
        counts["stale"] = sum(1 for outcome in self.outcomes if outcome.stale and outcome.kind in ("new", "updated"))
        counts["held"] = sum(1 for outcome in self.outcomes if outcome.held)
        counts["clustered"] = sum(1 for outcome in self.outcomes if outcome.clustered)
        counts["published"] = sum(1 for outcome in self.outcomes if outcome.story_published)
        counts["drafted"] = sum(1 for outcome in self.outcomes if outcome.story is not None and not outcome.story_published)
        return counts

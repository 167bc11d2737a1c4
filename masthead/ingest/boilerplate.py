"""Site chrome in copy: listed patterns, and lines learned per source.

Text pasted or scraped from a news site carries the site's furniture with
it: ``Download MM News mobile application…``, ``Back to top``, ``Exit
mobile version``, share prompts. Some of it is universal and listed here;
the rest differs by site, so it is learned: a short line that recurs across
several items of one source is that source's chrome, not news.
``Read more: <headline>`` is not chrome to throw away but a related-story
link; :func:`split_read_more` takes it out of the body for the pipeline to
resolve against the archive.

The functions down to :func:`drop_chrome` are pure (the format parsers use
them); the last three keep the learned lines per source in the database
(``LearnedChrome``), importing the model where they use it so the parsers
stay free of Django.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from collections.abc import Iterable
from datetime import timedelta

# Whole lines that are site furniture, never news. Matched against one
# line of text, case-insensitively, after whitespace is folded.
CHROME_PATTERNS: tuple[re.Pattern[str], ...] = tuple(
    re.compile(pattern, re.IGNORECASE)
    for pattern in (
        r"download (?:the |our )?.{0,60}\b(?:mobile )?app(?:lication)?\b.*",
        r"get (?:the |our )?.{0,40}\bapp\b.{0,60}",
        r"(?:back|go|return) to top\.?",
        r"exit (?:mobile|desktop|amp) version",
        r"(?:view|switch to) (?:mobile|desktop|full|amp) (?:version|site)",
        r"skip to (?:main )?content",
        r"(?:share|share this(?: story| article| post)?|share on \w+|tweet|pin it|copy link|print|email)\s*[:!]?",
        r"(?:share|share this(?: story| article| post)?)\s*[:!]?\s*(?:facebook|twitter|x|whatsapp|linkedin|telegram|email|reddit)(?:\W+\w+){0,6}",
        r"(?:facebook|twitter|x|whatsapp|linkedin|telegram|email|reddit|pinterest)(?:\s*[|·•,/]\s*(?:facebook|twitter|x|whatsapp|linkedin|telegram|email|reddit|pinterest))+",
        r"follow us on .{0,60}",
        r"(?:subscribe|sign up) (?:to|for) (?:our|the) .{0,60}(?:newsletter|channel|updates|alerts).*",
        r"advertisement|sponsored content|promoted content|continue reading(?: below)?|story continues below(?: advertisement)?",
        r"(?:click|tap) here to .{0,80}",
        r"(?:all rights reserved|copyright ©?).{0,80}",
        r"(?:related|more)(?: stories| articles| news)?\s*:?",
        r"(?:loading|please wait)\.{0,3}",
    )
)

READ_MORE = re.compile(
    r"^\s*(?:read more|also read|read also|see also|related)\s*[:\-–—]\s*(?P<headline>\S.{2,250}?)\s*$", re.IGNORECASE
)

# Learned chrome: a line of at most this length seen in this many distinct
# items of one source. Longer lines are prose: agencies legitimately repeat
# background paragraphs, and losing one would be worse than keeping chrome.
LEARNED_MAX_LENGTH = 160
LEARNED_MIN_ITEMS = 3

_SPACE = re.compile(r"\s+")


def normalise_line(line: str) -> str:
    """A line as chrome is compared: NFKC, whitespace folded, quotes straightened, case folded."""
    line = unicodedata.normalize("NFKC", line)
    line = line.replace("’", "'").replace("‘", "'").replace("“", '"').replace("”", '"')
    return _SPACE.sub(" ", line).strip().casefold()


def line_key(line: str) -> str:
    """A short stable key for a normalised line, for the per-source counts."""
    return hashlib.sha1(normalise_line(line).encode("utf-8")).hexdigest()[:20]


def is_listed_chrome(line: str) -> bool:
    text = _SPACE.sub(" ", line).strip()
    if not text:
        return False
    return any(pattern.fullmatch(text) for pattern in CHROME_PATTERNS)


def split_read_more(line: str) -> str | None:
    """The headline of a ``Read more: <headline>`` line, or None if the line is not one."""
    match = READ_MORE.match(line)
    return match.group("headline").strip() if match else None


def learnable_lines(lines: Iterable[str]) -> set[str]:
    """Keys of the lines of one item that may count towards learned chrome (short, distinct)."""
    return {line_key(line) for line in lines if 0 < len(normalise_line(line)) <= LEARNED_MAX_LENGTH}


def drop_chrome(lines: Iterable[str], learned: set[str] | frozenset[str] = frozenset()) -> tuple[list[str], list[str]]:
    """Split lines into (kept, dropped): listed chrome and learned chrome are dropped."""
    kept: list[str] = []
    dropped: list[str] = []
    for line in lines:
        if is_listed_chrome(line) or (learned and len(normalise_line(line)) <= LEARNED_MAX_LENGTH and line_key(line) in learned):
            dropped.append(line)
        else:
            kept.append(line)
    return kept, dropped


# ---------------------------------------------------------------------------
# Learned per source, stored.


def learned_chrome(source) -> frozenset[str]:
    """Keys of the lines seen in enough of this source's items to count as its chrome."""
    from masthead.ingest.models import LearnedChrome

    return frozenset(LearnedChrome.objects.filter(source=source, items_seen__gte=LEARNED_MIN_ITEMS).values_list("key", flat=True))


def learn_chrome(source, paragraphs: list[str]) -> None:
    """Count the short lines of one new item of this source towards its learned chrome."""
    from django.utils import timezone

    from masthead.ingest.models import LearnedChrome
    from masthead.ingest.sanitize import text_of

    lines = [text_of(p) for p in paragraphs]
    keys = learnable_lines(lines)
    if not keys:
        return
    samples = {line_key(line): line[:200] for line in lines}
    existing = {row.key: row for row in LearnedChrome.objects.filter(source=source, key__in=keys)}
    now = timezone.now()
    for key in keys:
        if key in existing:
            LearnedChrome.objects.filter(pk=existing[key].pk).update(items_seen=existing[key].items_seen + 1, last_seen=now)
    LearnedChrome.objects.bulk_create(
        [
            LearnedChrome(source=source, key=key, sample=samples.get(key, ""), items_seen=1, last_seen=now)
            for key in keys
            if key not in existing
        ],
        ignore_conflicts=True,
    )


def prune_learned_chrome(*, older_than_days: int = 30) -> int:
    """Forget lines seen in a single item long ago: they were news, not chrome, and the table must not grow forever."""
    from django.utils import timezone

    from masthead.ingest.models import LearnedChrome

    cutoff = timezone.now() - timedelta(days=older_than_days)
    deleted, _ = LearnedChrome.objects.filter(items_seen__lt=LEARNED_MIN_ITEMS, last_seen__lt=cutoff).delete()
    return deleted

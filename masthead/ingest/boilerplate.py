"""Site chrome in copy: listed patterns, and lines learned per source. Pure.

Text pasted or scraped from a news site carries the site's furniture with
it: ``Download MM News mobile application…``, ``Back to top``, ``Exit
mobile version``, share prompts. Some of it is universal and listed here;
the rest differs by site, so it is learned: a short line that recurs across
several items of one source is that source's chrome, not news.
``Read more: <headline>`` is not chrome to throw away but a related-story
link; :func:`split_read_more` takes it out of the body for the service to
resolve against the archive.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from collections.abc import Iterable

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

"""When the events in a piece of copy happened, and whether the copy is stale. Pure.

Agency copy says ``on Thursday``, ``since Feb. 24``, ``day three of the
invasion`` and leaves the reader to know the week and the year. Pages
re-published months later keep those words and change the date on top —
the seed page is dated 28 May 2023 and reports the first days of February
2022. This module resolves such references and estimates the copy's own
"now", then compares it with the date the item carries.

How the copy's "now" is found:

1. Dates without a year (``Feb. 24``) take the latest year that puts them
   on or before the item's date — unless the copy names a weekday in a
   sentence about the same thing (``invaded on Thursday`` beside
   ``invasion on Feb. 24``) and an earlier year puts the date on that
   weekday: then that year is the date's year, and the date is an *anchor*.
2. ``day three of the invasion`` is an anchor too, counted from the date of
   the sentence that speaks of the invasion.
3. With anchors, the copy's "now" is the first day on or after the latest
   anchor from which every weekday the copy names (``on Sunday``, ``late
   Saturday``) falls on or after the earliest anchor. Without anchors it is
   the item's date, and weekdays resolve to the week before it.

The copy is stale when its "now" is more than ``stale_after_days`` before
the item's date. Dates with an explicit year are background (``the 2005
earthquake``) and never make copy stale on their own. This is a heuristic
for the desk to see, not a rule that rejects copy.
"""

from __future__ import annotations

import datetime
import re
from dataclasses import dataclass, field

STALE_AFTER_DAYS = 30
_YEARS_BACK = 7

WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_MONTHS = {
    "jan": 1,
    "feb": 2,
    "mar": 3,
    "apr": 4,
    "may": 5,
    "jun": 6,
    "jul": 7,
    "aug": 8,
    "sep": 9,
    "sept": 9,
    "oct": 10,
    "nov": 11,
    "dec": 12,
}
_MONTH = r"(?P<month>Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?"
_DAY = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?"
_YEAR = r"(?:,?\s+(?P<year>(?:19|20)\d\d))?"
DATE_MONTH_FIRST = re.compile(rf"\b{_MONTH}\s+{_DAY}\b{_YEAR}")
DATE_DAY_FIRST = re.compile(rf"\b{_DAY}\s+(?:of\s+)?{_MONTH}{_YEAR}\b")
WEEKDAY = re.compile(
    r"\b(?P<prefix>on|late|early|last|this|since|by|until|from|next|before|after)?\s*"
    r"(?P<weekday>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)(?:'s|’s)?\b(?P<part>\s+(?:morning|afternoon|evening|night))?"
)
RELATIVE = re.compile(r"\b(?P<word>yesterday|today|tomorrow|tonight)\b", re.IGNORECASE)
_NUMBER_WORDS = {
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "thirteen": 13,
    "fourteen": 14,
    "fifteen": 15,
    "twenty": 20,
    "thirty": 30,
    "first": 1,
    "second": 2,
    "third": 3,
    "fourth": 4,
    "fifth": 5,
    "sixth": 6,
    "seventh": 7,
    "eighth": 8,
    "ninth": 9,
    "tenth": 10,
}
DAY_N_OF = re.compile(
    r"\b(?:day\s+(?P<n1>\d{1,3}|[a-z]+)|(?:the\s+)?(?P<n2>\d{1,3}(?:st|nd|rd|th)|[a-z]+)\s+day)\s+of\s+(?P<what>[\w’'-]+(?:\s+[\w’'-]+){0,3}?)"
    r"(?=\s*[,.;:!?)]|\s+(?:as|when|while|and|but|with|after|before|in|on|at|to|for|by|from)\b|\s*$)",
    re.IGNORECASE,
)
_SENTENCE_END = re.compile(r"(?<=[.!?”\"])\s+(?=[A-Z“\"‘'])")
_WORD = re.compile(r"[A-Za-z]{5,}")
_STOP = frozenset(
    "about after again against among because before being between could during every first from have having into "
    "other their there these thing those through under until where which while would said says saying since "
    "officials official people country government added told".split()
)


@dataclass(frozen=True)
class TimeReference:
    text: str
    kind: str  # "date", "weekday", "relative", "day_n"
    resolved: datetime.date | None
    note: str = ""

    def as_dict(self) -> dict:
        return {
            "text": self.text,
            "kind": self.kind,
            "resolved": self.resolved.isoformat() if self.resolved else None,
            "note": self.note,
        }


@dataclass(frozen=True)
class Freshness:
    item_date: datetime.date
    copy_date: datetime.date  # the copy's own "now", as estimated
    stale: bool
    lag_days: int
    references: list[TimeReference] = field(default_factory=list)
    reason: str = ""


@dataclass
class _Date:
    text: str
    sentence: int
    month: int
    day: int
    year: int | None
    prefix: str


@dataclass
class _Weekday:
    text: str
    sentence: int
    weekday: int
    prefix: str


def _sentences(text: str) -> list[str]:
    out: list[str] = []
    for paragraph in re.split(r"\n\s*\n|\n", text):
        out.extend(part for part in _SENTENCE_END.split(paragraph) if part.strip())
    return out


def _stems(sentence: str) -> set[str]:
    return {word.lower()[:4] for word in _WORD.findall(sentence) if word.lower() not in _STOP}


def _safe_date(year: int, month: int, day: int) -> datetime.date | None:
    try:
        return datetime.date(year, month, day)
    except ValueError:
        return None


def _number(raw: str) -> int | None:
    raw = raw.lower().rstrip("stndrh") if raw[:1].isdigit() else raw.lower()
    if raw.isdigit():
        return int(raw)
    return _NUMBER_WORDS.get(raw)


def _find_dates(sentences: list[str]) -> list[_Date]:
    found: list[_Date] = []
    for index, sentence in enumerate(sentences):
        taken: list[tuple[int, int]] = []
        for pattern in (DATE_MONTH_FIRST, DATE_DAY_FIRST):
            for match in pattern.finditer(sentence):
                if any(start < match.end() and match.start() < end for start, end in taken):
                    continue
                month = _MONTHS[match.group("month").lower()[:3]]
                day = int(match.group("day"))
                if not 1 <= day <= 31:
                    continue
                year = int(match.group("year")) if match.group("year") else None
                before = sentence[: match.start()].rstrip().rsplit(" ", 1)[-1].lower() if match.start() else ""
                taken.append((match.start(), match.end()))
                found.append(_Date(match.group(0).strip(), index, month, day, year, before))
    return found


def _find_weekdays(sentences: list[str]) -> list[_Weekday]:
    found: list[_Weekday] = []
    for index, sentence in enumerate(sentences):
        for match in WEEKDAY.finditer(sentence):
            found.append(
                _Weekday(
                    match.group(0).strip(),
                    index,
                    WEEKDAYS.index(match.group("weekday").lower()),
                    (match.group("prefix") or "").lower(),
                )
            )
    return found


def _latest_on_or_before(month: int, day: int, limit: datetime.date) -> datetime.date | None:
    for year in range(limit.year, limit.year - 2, -1):
        candidate = _safe_date(year, month, day)
        if candidate is not None and candidate <= limit:
            return candidate
    return None


def _weekday_on_or_before(weekday: int, limit: datetime.date) -> datetime.date:
    return limit - datetime.timedelta(days=(limit.weekday() - weekday) % 7)


def _resolve_weekday(mention: _Weekday, now: datetime.date) -> datetime.date:
    if mention.prefix == "next":
        return now + datetime.timedelta(days=((mention.weekday - now.weekday()) % 7) or 7)
    if mention.prefix == "last":
        return now - datetime.timedelta(days=((now.weekday() - mention.weekday) % 7) or 7)
    return _weekday_on_or_before(mention.weekday, now)


def assess(text: str, item_date: datetime.date, *, stale_after_days: int = STALE_AFTER_DAYS) -> Freshness:
    """Resolve the copy's time references against ``item_date`` and say whether the copy is stale."""
    sentences = _sentences(text)
    stems = [_stems(sentence) for sentence in sentences]
    dates = _find_dates(sentences)
    weekdays = [mention for mention in _find_weekdays(sentences) if mention.prefix != "next"]
    references: list[TimeReference] = []
    anchors: list[tuple[datetime.date, str]] = []
    resolved_by_sentence: dict[int, datetime.date] = {}
    limit = item_date + datetime.timedelta(days=1)

    for mention in dates:
        if mention.year is not None:
            when = _safe_date(mention.year, mention.month, mention.day)
            references.append(TimeReference(mention.text, "date", when, "year given"))
            continue
        default = _latest_on_or_before(mention.month, mention.day, limit)
        if default is None:
            references.append(TimeReference(mention.text, "date", None, "no such day"))
            continue
        when, note = default, f"latest {default.strftime('%d %B').lstrip('0')} on or before the item's date"
        coreferent = [w for w in weekdays if w.sentence != mention.sentence and stems[w.sentence] & stems[mention.sentence]]
        coreferent += [w for w in weekdays if w.sentence == mention.sentence]
        if coreferent and not any(default.weekday() == w.weekday for w in coreferent):
            for years_back in range(1, _YEARS_BACK):
                candidate = _safe_date(default.year - years_back, mention.month, mention.day)
                match = next((w for w in coreferent if candidate and candidate.weekday() == w.weekday), None)
                if match is not None:
                    when = candidate
                    note = f"falls on a {WEEKDAYS[match.weekday].title()} in {candidate.year}, as “{match.text}” says"
                    anchors.append((when, f"“{mention.text}” with “{match.text}”"))
                    break
        elif coreferent:
            anchors.append((when, f"“{mention.text}” with “{coreferent[0].text}”"))
        references.append(TimeReference(mention.text, "date", when, note))
        resolved_by_sentence.setdefault(mention.sentence, when)

    for index, sentence in enumerate(sentences):
        for match in DAY_N_OF.finditer(sentence):
            number = _number(match.group("n1") or match.group("n2") or "")
            if not number:
                continue
            head = re.sub(r"(?:'s|’s)$", "", match.group("what").split()[-1].lower())[:4]
            start = next(
                (when for other, when in resolved_by_sentence.items() if other != index and head and head in stems[other]),
                None,
            )
            if start is None:
                references.append(TimeReference(match.group(0), "day_n", None, "no start date in the copy"))
                continue
            when = start + datetime.timedelta(days=number - 1)
            references.append(TimeReference(match.group(0), "day_n", when, f"day {number} counted from {start.isoformat()}"))
            anchors.append((when, f"“{match.group(0)}”"))

    if anchors:
        earliest = min(when for when, _ in anchors)
        latest = max(when for when, _ in anchors)
        now = latest
        for shift in range(7):
            candidate = latest + datetime.timedelta(days=shift)
            if all(_resolve_weekday(w, candidate) >= earliest for w in weekdays):
                now = candidate
                break
        basis = f"the copy's own time frame ({'; '.join(note for _, note in anchors)})"
    else:
        now = item_date
        basis = "the item's date"

    for mention in weekdays:
        references.append(
            TimeReference(mention.text, "weekday", _resolve_weekday(mention, now), f"relative to {now.isoformat()}")
        )
    for sentence in sentences:
        for match in RELATIVE.finditer(sentence):
            offset = {"yesterday": -1, "today": 0, "tonight": 0, "tomorrow": 1}[match.group("word").lower()]
            references.append(
                TimeReference(match.group(0), "relative", now + datetime.timedelta(days=offset), f"relative to {now.isoformat()}")
            )

    lag = (item_date - now).days
    stale = lag > stale_after_days
    reason = ""
    if stale:
        reason = (
            f"The events appear to date from {now.strftime('%d %B %Y').lstrip('0')}, {lag} days before the item's date "
            f"({item_date.strftime('%d %B %Y').lstrip('0')}); resolved from {basis}."
        )
    return Freshness(item_date=item_date, copy_date=now, stale=stale, lag_days=lag, references=references, reason=reason)

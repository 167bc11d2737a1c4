"""Demo content for Masthead: a fictional newsroom, its sections, staff and stories.

Everything here is invented for the demo site. The towns, companies,
ministers, teams and countries are fictional, and no story describes a real
event. The module is pure data (no Django imports); ``masthead.demo.load``
turns it into pages and ``masthead.demo.pictures`` draws the illustrations.

Story bodies are written as one text block per story, paragraphs separated
by a blank line; ``_paras`` splits them and folds line breaks into spaces.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class SectionSpec:
    slug: str
    title: str
    intro: str


@dataclass(frozen=True)
class AuthorSpec:
    key: str
    name: str
    role: str
    bio: str


@dataclass(frozen=True)
class AgencySpec:
    key: str
    name: str
    short_name: str
    aliases: tuple[str, ...]


@dataclass(frozen=True)
class PictureSpec:
    motif: str  # a name in masthead.demo.pictures.MOTIFS
    palette: str  # a name in masthead.demo.pictures.PALETTES
    label: str  # short text drawn on the picture, e.g. "Harbour"


@dataclass(frozen=True)
class StorySpec:
    key: str
    section: str
    title: str
    standfirst: str
    dateline: str
    paragraphs: tuple[str, ...]
    authors: tuple[str, ...] = ()
    agency: str = ""
    tags: tuple[str, ...] = ()
    age_days: float = 0.5
    updated_hours_after: float | None = None
    picture: PictureSpec | None = None
    caption: str = ""
    credit: str = ""
    related: str = ""


def _paras(text: str) -> tuple[str, ...]:
    """Split a text block on blank lines; fold each paragraph onto one line."""
    blocks = [" ".join(block.split()) for block in text.strip().split("\n\n")]
    return tuple(block for block in blocks if block)


CREDIT = "Illustration: Masthead demo"

SITE_NAME = "Masthead Demo News"
TAGLINE = "Fictional stories for a demo news site: every place, person and event here is invented."

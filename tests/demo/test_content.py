"""The demo content and its pictures: counts, cross-references and house rules.

Pure Python, no database: run with ``pytest tests/demo -q -p no:django``.
"""

from __future__ import annotations

import ast
import collections
import dataclasses
import io
import re
import time

import pytest
from PIL import Image

from masthead.demo import content, pictures
from masthead.demo.content import (
    AGENCIES,
    AUTHORS,
    LEAD_STORY,
    SECTIONS,
    SITE_NAME,
    STORIES,
    TAGLINE,
    PictureSpec,
    StorySpec,
)

SECTION_SLUGS = {s.slug for s in SECTIONS}
AUTHOR_KEYS = {a.key for a in AUTHORS}
AGENCY_KEYS = {a.key for a in AGENCIES}
STORY_KEYS = {s.key for s in STORIES}
BY_KEY = {s.key: s for s in STORIES}
PICTURED = [s for s in STORIES if s.picture is not None]


# ---------------------------------------------------------------------------
# Site, sections, people


def test_site_reads_as_demo():
    assert "demo" in SITE_NAME.lower()
    assert "fictional" in TAGLINE.lower() or "invented" in TAGLINE.lower()


def test_module_is_pure_data():
    tree = ast.parse(open(content.__file__, encoding="utf-8").read())
    imported = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            imported.update(alias.name.split(".")[0] for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            imported.add((node.module or "").split(".")[0])
    assert imported <= {"__future__", "dataclasses"}, imported


def test_spec_classes_are_frozen():
    for cls in (content.SectionSpec, content.AuthorSpec, content.AgencySpec, PictureSpec, StorySpec):
        assert dataclasses.is_dataclass(cls)
        assert cls.__dataclass_params__.frozen


def test_sections():
    assert len(SECTIONS) >= 6
    assert len(SECTION_SLUGS) == len(SECTIONS)
    for section in SECTIONS:
        assert re.fullmatch(r"[a-z][a-z0-9-]*", section.slug)
        assert section.title and section.intro


def test_authors():
    assert 6 <= len(AUTHORS) <= 8
    assert len(AUTHOR_KEYS) == len(AUTHORS)
    assert len({a.name for a in AUTHORS}) == len(AUTHORS)
    for author in AUTHORS:
        assert author.name and author.role and author.bio


def test_agencies():
    assert len(AGENCY_KEYS) == len(AGENCIES)
    by_key = {a.key: a for a in AGENCIES}
    interfax = by_key["interfax"]
    assert interfax.name == "Interfax"
    assert "Ifax" in interfax.aliases
    for key in ("app", "reuters", "afp"):
        assert key in by_key
    assert by_key["app"].name == "Associated Press of Pakistan"
    for agency in AGENCIES:
        assert agency.name and agency.short_name
        assert isinstance(agency.aliases, tuple) and agency.aliases


# ---------------------------------------------------------------------------
# Stories: counts and cross-references


def test_story_counts():
    assert len(STORIES) >= 45
    per_section = collections.Counter(s.section for s in STORIES)
    assert set(per_section) == SECTION_SLUGS
    assert min(per_section.values()) >= 5, per_section


def test_keys_and_titles_unique():
    keys = [s.key for s in STORIES]
    titles = [s.title for s in STORIES]
    assert len(set(keys)) == len(keys)
    assert len(set(titles)) == len(titles)
    for key in keys:
        assert re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", key), key


def test_references_resolve():
    for story in STORIES:
        assert story.section in SECTION_SLUGS, story.key
        assert set(story.authors) <= AUTHOR_KEYS, story.key
        assert story.agency == "" or story.agency in AGENCY_KEYS, story.key
        assert story.related == "" or story.related in STORY_KEYS, story.key
        assert story.related != story.key


def test_every_story_has_a_byline():
    for story in STORIES:
        assert bool(story.agency) != bool(story.authors), story.key
        assert len(story.authors) <= 2, story.key


def test_agency_stories():
    agency = [s for s in STORIES if s.agency]
    assert len(agency) >= 10
    counts = collections.Counter(s.agency for s in agency)
    assert counts["interfax"] >= 3
    assert len(counts) >= 3
    # an Interfax world story with the anatomy of a wire report
    assert any(s.agency == "interfax" and s.section == "world" and s.dateline == "Moscow" for s in STORIES)


def test_related_picks():
    assert sum(1 for s in STORIES if s.related) >= 3


def test_lead_story():
    assert LEAD_STORY in STORY_KEYS
    lead = BY_KEY[LEAD_STORY]
    assert lead.picture is not None
    assert lead.caption and lead.credit


# ---------------------------------------------------------------------------
# Stories: text


def test_text_fields():
    for story in STORIES:
        assert story.title.strip() == story.title and story.title, story.key
        assert story.standfirst.strip(), story.key
        assert isinstance(story.paragraphs, tuple), story.key
        assert isinstance(story.tags, tuple) and isinstance(story.authors, tuple), story.key


def test_datelines():
    blank = [s for s in STORIES if not s.dateline]
    assert len(blank) <= 5
    for story in STORIES:
        if story.dateline:
            assert story.dateline == story.dateline.strip()
            assert story.dateline[0].isupper() and story.dateline != story.dateline.upper(), story.key


def test_paragraph_counts():
    for story in STORIES:
        assert 5 <= len(story.paragraphs) <= 12, (story.key, len(story.paragraphs))


def test_paragraphs_are_plain_text():
    for story in STORIES:
        for paragraph in story.paragraphs:
            assert paragraph == paragraph.strip() and paragraph, story.key
            assert "\n" not in paragraph and "  " not in paragraph, story.key
            assert "<" not in paragraph and ">" not in paragraph, story.key


def test_no_dateline_prefix_in_text():
    for story in STORIES:
        if not story.dateline:
            continue
        caps = story.dateline.upper()
        for paragraph in story.paragraphs:
            assert not paragraph.startswith(caps), (story.key, paragraph[:40])
        assert not story.paragraphs[0].startswith(story.dateline + ":"), story.key


def test_quotes_are_straight_and_balanced():
    for story in STORIES:
        for text in (story.title, story.standfirst, story.caption, *story.paragraphs):
            assert not set(text) & set("\u201c\u201d\u2018\u2019"), story.key
            assert text.count('"') % 2 == 0, (story.key, text[:60])


# ---------------------------------------------------------------------------
# Stories: ages, updates, tags


def test_age_spread():
    ages = [s.age_days for s in STORIES]
    assert all(a > 0 for a in ages)
    assert sum(a <= 14 for a in ages) > len(ages) / 2
    assert sum(a <= 2 for a in ages) >= 5
    assert sum(30 <= a <= 300 for a in ages) >= 4
    old = [a for a in ages if a > 365]
    assert len(old) >= 4
    assert all(400 <= a <= 1200 for a in old)
    assert sum(a > 730 for a in ages) >= 1  # shows "more than 2 years old"


def test_updates():
    updated = [s for s in STORIES if s.updated_hours_after is not None]
    assert len(updated) >= 6
    for story in updated:
        assert story.updated_hours_after > 0
        assert story.updated_hours_after / 24 < story.age_days, story.key


def test_tags():
    vocabulary = collections.Counter(t for s in STORIES for t in s.tags if t != "demo")
    assert 15 <= len(vocabulary) <= 30
    for story in STORIES:
        assert "demo" in story.tags, story.key
        topical = [t for t in story.tags if t != "demo"]
        assert 2 <= len(topical) <= 4, story.key
        assert len(set(story.tags)) == len(story.tags), story.key
        for tag in story.tags:
            assert re.fullmatch(r"[a-z]+(-[a-z]+)*", tag), tag
    # clusters, so automatic related-story choice finds something
    assert sum(1 for n in vocabulary.values() if n >= 4) >= 8
    for story in STORIES:
        neighbours = [other for other in STORIES if other is not story and set(other.tags) & set(story.tags) - {"demo"}]
        assert neighbours, story.key


# ---------------------------------------------------------------------------
# Pictures in content


def test_picture_share():
    share = len(PICTURED) / len(STORIES)
    assert 0.5 <= share <= 0.75, share


def test_pictures_have_captions_and_credit():
    for story in STORIES:
        if story.picture is None:
            assert not story.caption and not story.credit, story.key
        else:
            assert story.caption, story.key
            assert story.credit == "Illustration: Masthead demo", story.key
            assert story.picture.label and len(story.picture.label) <= 24, story.key


def test_content_motifs_and_palettes_are_known():
    for story in PICTURED:
        assert story.picture.motif in pictures.MOTIFS, story.key
        assert story.picture.palette in pictures.PALETTES, story.key


# ---------------------------------------------------------------------------
# pictures.draw


def _open(data: bytes) -> Image.Image:
    image = Image.open(io.BytesIO(data))
    image.load()
    return image


def test_motif_and_palette_names():
    assert len(pictures.MOTIFS) >= 10 and len(set(pictures.MOTIFS)) == len(pictures.MOTIFS)
    assert len(pictures.PALETTES) >= 6 and len(set(pictures.PALETTES)) == len(pictures.PALETTES)
    for name in ("skyline", "harbour", "field", "chart", "stadium", "circuit", "waves", "mountains", "crowd", "books"):
        assert name in pictures.MOTIFS


@pytest.mark.parametrize("size", [(1600, 900), (640, 360), (300, 400)])
def test_draw_returns_jpeg_of_size(size):
    data = pictures.draw(PictureSpec("harbour", "dusk", "Harbour"), size=size)
    assert data[:3] == b"\xff\xd8\xff"
    image = _open(data)
    assert image.format == "JPEG"
    assert image.size == size
    assert image.mode == "RGB"


def test_draw_default_size():
    assert _open(pictures.draw(PictureSpec("books", "rose", "Books"))).size == (1600, 900)


def test_draw_is_deterministic():
    spec = PictureSpec("skyline", "saffron", "Heatwave")
    assert pictures.draw(spec, (800, 450)) == pictures.draw(spec, (800, 450))
    assert pictures.draw(spec, (800, 450)) == pictures.draw(PictureSpec("skyline", "saffron", "Heatwave"), (800, 450))


def test_draw_differs_between_motifs_palettes_and_labels():
    by_motif = {pictures.draw(PictureSpec(m, "ocean", "Label"), (400, 225)) for m in pictures.MOTIFS}
    assert len(by_motif) == len(pictures.MOTIFS)
    by_palette = {pictures.draw(PictureSpec("waves", p, "Label"), (400, 225)) for p in pictures.PALETTES}
    assert len(by_palette) == len(pictures.PALETTES)
    assert pictures.draw(PictureSpec("chart", "ink", "One"), (400, 225)) != pictures.draw(
        PictureSpec("chart", "ink", "Two"), (400, 225)
    )


def test_motifs_look_different():
    """Not just different bytes: the pictures differ visibly."""
    small = {}
    for motif in pictures.MOTIFS:
        image = _open(pictures.draw(PictureSpec(motif, "slate", ""), (320, 180))).convert("L").resize((32, 18))
        small[motif] = image.tobytes()
    names = list(small)
    for i, a in enumerate(names):
        for b in names[i + 1 :]:
            diff = sum(abs(x - y) for x, y in zip(small[a], small[b], strict=True)) / len(small[a])
            assert diff > 4, (a, b, diff)


def test_draw_rejects_unknown_names():
    with pytest.raises(ValueError):
        pictures.draw(PictureSpec("volcano", "ocean", "x"))
    with pytest.raises(ValueError):
        pictures.draw(PictureSpec("waves", "plaid", "x"))


def test_every_content_picture_draws():
    for story in PICTURED:
        assert _open(pictures.draw(story.picture, (320, 180))).size == (320, 180), story.key


def test_draw_is_fast():
    pictures.draw(PictureSpec("waves", "ocean", "Warm-up"))  # font loading
    for motif in pictures.MOTIFS:
        started = time.perf_counter()
        pictures.draw(PictureSpec(motif, "dawn", "Timing"))
        assert time.perf_counter() - started < 0.5, motif  # ~0.03 s typical; generous for slow CI

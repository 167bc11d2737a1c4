"""The Urdu edition's demo content: Urdu text that reads as demo, references that resolve, translations of real keys.

Pure Python, no database.
"""

from __future__ import annotations

import re

from masthead.demo import content, content_ur, pictures

URDU_LETTERS = re.compile(r"[\u0600-\u06ff]")
LATIN_RUN = re.compile(r"[A-Za-z]{3,}")
ENGLISH = {spec.key: spec for spec in content.STORIES}


def test_the_edition_reads_as_demo():
    assert "ڈیمو" in content_ur.SITE_NAME and "ڈیمو" in content_ur.TAGLINE and "خیالی" in content_ur.TAGLINE
    assert content_ur.HOSTNAME.endswith(".localhost"), "a demo host that resolves to loopback with nothing configured"
    assert "{site_name}" in content_ur.APP_CTA
    for spec in content_ur.AUTHORS:
        assert "فرضی" in spec.bio, spec.key


def test_sections_translate_english_ones_with_the_same_latin_slugs():
    english = {spec.slug for spec in content.SECTIONS}
    assert [spec.title for spec in content_ur.SECTIONS] == ["پاکستان", "دنیا", "کاروبار", "کھیل", "ثقافت"]
    for spec in content_ur.SECTIONS:
        assert spec.slug in english and spec.slug.isascii() and URDU_LETTERS.search(spec.intro)


def test_references_resolve():
    sections = {spec.slug for spec in content_ur.SECTIONS}
    authors = {spec.key for spec in content_ur.AUTHORS}
    agencies = {spec.key for spec in content_ur.AGENCIES}
    keys = [spec.key for spec in content_ur.STORIES]
    assert len(keys) == len(set(keys)) >= 10 and content_ur.LEAD_STORY in keys
    assert {spec.key for spec in content.AGENCIES} >= agencies
    assert sum(spec.key in {a.key for a in content.AUTHORS} for spec in content_ur.AUTHORS) == 3
    for spec in content_ur.STORIES:
        assert spec.section in sections and set(spec.authors) <= authors and (not spec.agency or spec.agency in agencies)
        assert spec.authors or spec.agency, f"{spec.key} has no byline"
        assert not spec.related or spec.related in keys, spec.key
    assert [spec.key for spec in content_ur.STORIES if spec.agency] == ["jasmine-line"]
    assert any(spec.related for spec in content_ur.STORIES)


def test_translations_are_of_english_stories_in_the_same_section():
    assert len(content_ur.TRANSLATION_OF) >= 3
    urdu = {spec.key: spec for spec in content_ur.STORIES}
    for key, source in content_ur.TRANSLATION_OF.items():
        assert source in ENGLISH and key in urdu, key
        assert urdu[key].section == ENGLISH[source].section and urdu[key].agency == ENGLISH[source].agency
        assert abs(urdu[key].age_days - ENGLISH[source].age_days) < 1, "a translation follows its source"


def test_stories_are_urdu_prose_with_latin_names_and_figures_inside():
    mixed = 0
    for spec in content_ur.STORIES:
        for text in (spec.title, spec.standfirst, spec.dateline, *spec.paragraphs):
            assert URDU_LETTERS.search(text), (spec.key, text[:40])
            assert not set(text) & set("\u201c\u201d\u2018\u2019<>") and text.count('"') % 2 == 0, (spec.key, text[:40])
            assert text == text.strip() and "\n" not in text and "  " not in text, spec.key
        assert 5 <= len(spec.paragraphs) <= 6, spec.key
        assert "ڈیمو" in spec.tags and all(URDU_LETTERS.search(tag) for tag in spec.tags), spec.key
        body = " ".join(spec.paragraphs)
        mixed += bool(LATIN_RUN.search(body)) and bool(re.search(r"\d", body))
    assert mixed >= 5, "Latin names and figures inside Urdu text, for the bidi isolation to be exercised"


def test_every_picture_draws():
    for spec in content_ur.STORIES:
        if spec.picture:
            assert spec.caption and spec.credit == content_ur.CREDIT, spec.key
            assert pictures.draw(spec.picture, size=(64, 36))[:3] == b"\xff\xd8\xff", spec.key

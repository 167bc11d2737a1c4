"""Folding: the spellings of one Urdu word, as typed on Urdu, Arabic and Persian keyboards, made one."""

from __future__ import annotations

import pytest

from masthead.search.folding import fold


@pytest.mark.parametrize(
    ("typed", "folded"),
    [
        ("كراچي", "کراچی"),  # Arabic kaf and yeh
        ("مصطفى", "مصطفی"),  # alef maksura
        ("کراچی", "کراچی"),  # Urdu's own letters stay
        ("پاکِستان", "پاکستان"),  # zer
        ("وزیرِ اعظم", "وزیر اعظم"),
        ("اعلیٰ", "اعلی"),  # superscript alef
        ("ﻙﺮﺍچی", "کراچی"),  # presentation forms, as copied from an old PDF
        ("ـخبـر", "خبر"),  # tatweel
        ("دل\u200cچسپ", "دلچسپ"),  # zero-width non-joiner
        ("\u200fقومی\u200f", "قومی"),  # right-to-left marks
        ("شهر", "شہر"),  # Arabic heh
        ("سلسلۂ کلام", "سلسلہ کلام"),  # izafat heh with hamza
        ("سلسله\u0654", "سلسلہ"),  # the same, hamza typed apart
        ("جاۓ", "جائے"),
        ("زكوة", "زکوۃ"),  # teh marbuta
        ("إسلام آباد", "اسلام آباد"),  # hamza on alef goes, madda stays
        ("۲۰۲۶ اور ٢٠٢٦", "2026 اور 2026"),
    ],
)
def test_spellings_of_one_word_fold_to_one(typed, folded):
    assert fold(typed) == folded


@pytest.mark.parametrize("word", ["بھی", "آن", "ان", "ہے", "ہی", "گئے", "کوئی", "ؤ", "ں"])
def test_letters_that_make_different_words_stay_apart(word):
    # Do-chashmi heh (aspirate), alef madda, yeh barree, the hamza letters and noon ghunna are letters of their own.
    assert fold(word) == word


def test_english_is_left_as_it_is():
    text = 'Flood report: 12 dead, NOT "official"'
    assert fold(text) is text


def test_folding_twice_changes_nothing():
    text = "كراچي میں پاکِستان ریلوے کا ۲۰۲۶ کا بجٹ، جاۓ سلسلۂ"
    assert fold(fold(text)) == fold(text)

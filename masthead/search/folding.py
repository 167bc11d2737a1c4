"""Text as the search index holds it: spellings a reader sees as the same word folded to one.

Urdu is typed on Urdu, Arabic and Persian keyboards and pasted from old
software, so one word reaches the index in several code point spellings
that look alike on screen: ``كراچي`` (Arabic kaf and yeh) and ``کراچی``
(Urdu's), ``پاکِستان`` with a vowel mark and ``پاکستان`` without. Both
full-text tokenizers also cut a word at a vowel mark (neither counts marks
as letters), so a marked word was not even found by its own unmarked
spelling. ``fold`` is applied to every text the index stores
(``backend.FoldingIndex``) and to every query (``engine.words`` and the
backend's ``search``/``autocomplete``), so both sides meet on one spelling:

- Arabic yeh ي and alef maksura ى → Urdu yeh ی; Arabic kaf ك → keheh ک;
  Arabic heh ه → heh goal ہ, the Urdu normalisers' choice (the aspirate's
  do-chashmi heh ھ stays: بہت and بھت are different words); ۀ, ۂ (the
  izafat's heh with hamza) → ہ; teh marbuta ة → Urdu's ۃ; ۓ → ئے;
- alef with hamza or wasla (أ إ ٱ, Arabic spellings Urdu writes with a
  bare alef) → ا; alef madda آ stays a letter of its own (آن is not ان);
- vowel marks and Quranic signs (zer, zabar, pesh, shadda, jazm, the
  superscript alef of اعلیٰ, a separately typed hamza) and tatweel removed;
- zero-width non-joiner and joiner, bidi controls, soft hyphen removed:
  they change how a word is drawn, not which word it is (دل‌چسپ is دلچسپ);
- Arabic-Indic and Urdu digits → 0-9, so ۲۰۲۶ and 2026 find each other;
- Unicode compatibility forms (NFKC: Arabic presentation forms from old
  PDFs, full-width Latin) → their plain letters.

Stored index rows are folded as they are written: after changing this,
``masthead manage update_index`` rebuilds them (see the README).
"""

from __future__ import annotations

import re
import unicodedata

YEH, KEHEH, HEH_GOAL, ALEF = "\u06cc", "\u06a9", "\u06c1", "\u0627"

LETTERS = {
    "\u064a": YEH,  # ي Arabic yeh
    "\u0649": YEH,  # ى alef maksura
    "\u0643": KEHEH,  # ك Arabic kaf
    "\u0647": HEH_GOAL,  # ه Arabic heh
    "\u06c0": HEH_GOAL,  # ۀ heh with yeh above
    "\u06c2": HEH_GOAL,  # ۂ heh goal with hamza above
    "\u06d5": HEH_GOAL,  # ە ae, typed for a final heh by some older keyboards
    "\u0629": "\u06c3",  # ة teh marbuta → ۃ teh marbuta goal
    "\u06d3": "\u0626\u06d2",  # ۓ yeh barree with hamza → ئے
    "\u0623": ALEF,  # أ
    "\u0625": ALEF,  # إ
    "\u0671": ALEF,  # ٱ alef wasla
}
DIGITS = {chr(zero + n): str(n) for zero in (0x0660, 0x06F0) for n in range(10)}  # ٠-٩ and ۰-۹
INVISIBLE = [
    "\u0640",  # tatweel
    "\u00ad",  # soft hyphen
    "\u200c",  # zero-width non-joiner
    "\u200d",  # zero-width joiner
    "\u200e",  # left-to-right mark
    "\u200f",  # right-to-left mark
    "\u061c",  # Arabic letter mark
    "\ufeff",  # byte order mark
    *map(chr, range(0x202A, 0x202F)),  # bidi embeddings and overrides
    *map(chr, range(0x2066, 0x206A)),  # bidi isolates
]
FOLDS = LETTERS | DIGITS | dict.fromkeys(INVISIBLE, "")
# Harakat and Quranic signs: combining marks of the Arabic block (and a hamza above left over when typed apart).
MARKS = "\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06dc\u06df-\u06e8\u06ea-\u06ed"
# One pass, calling back only for the few characters that change (str.translate looks up every character: 30 times slower).
FOLDED = re.compile("[" + re.escape("".join(FOLDS)) + MARKS + "]")


def fold(text: str) -> str:
    """``text`` with the spellings of one word made one (see the module's docstring); idempotent."""
    if text.isascii():
        return text  # English: nothing to fold, and the cost of indexing a story stays as it was
    # NFKC first: presentation forms become letters the table knows, and a letter typed with a separate
    # mark (yeh + hamza above) becomes the one letter (ئ) an Urdu keyboard types.
    return FOLDED.sub(_folded_character, unicodedata.normalize("NFKC", text))


def _folded_character(match: re.Match) -> str:
    return FOLDS.get(match.group(), "")  # a mark is dropped

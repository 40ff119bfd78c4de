"""Is this article in English? A small, fast, dependency-free check run before coding.

Dotterel's model, lexicon and dictionaries are English; text in another language parses
into nonsense and is coded into wrong events, or silently into none. So each article is
checked first, and one that is clearly not English is reported instead of coded.

The check reads two statistics, both cheap even on a 10 MB article (it looks at most at
three 20,000-character windows):

1. **Script.** When most letters are outside the Latin script (Cyrillic, Arabic, CJK...),
   the text is not English, whatever its length.
2. **Function words.** English prose is about a quarter to a third function words ("the",
   "of", "and", "to", "in", "said"...). Latin-script text is rejected only when it has
   enough words to judge (``MIN_WORDS``) and either another language's function words
   (Spanish, French, German, Italian, Portuguese, Dutch) clearly outnumber the English
   ones, or almost none of a long text's words are English function words.

It is conservative on purpose: a short headline, a dateline, or an English article dense
with foreign names always passes, because wrongly dropping English news loses events
while wrongly coding a foreign article mostly yields no events.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from dataclasses import dataclass

# Too few words to judge by function words: short headlines and datelines pass.
MIN_WORDS = 8
# English prose sits near 0.25-0.35; at this share a text is English, whatever else it has.
ENGLISH_SURE = 0.12
# Another language is named when its function words are at least this share of the words
# and at least OTHER_OVER_ENGLISH times the English share.
OTHER_MIN = 0.15
OTHER_OVER_ENGLISH = 2.0
# A text this long with (nearly) no English function words is not English prose, unless
# it is mostly capitalised words (a list of names, a title-case headline).
LONG_WORDS = 40
ENGLISH_FLOOR = 0.03
NAMES_SHARE = 0.5
# A text is "mostly" another script above this share of its letters.
OTHER_SCRIPT_SHARE = 0.5
MIN_LETTERS = 3
WINDOW = 20_000  # characters per window examined

ENGLISH = frozenset("""
the of and to in a an is that for on with said was by as at from it he she his her has
have had be been were are not but this which who will would after its they their or also
than more about over into against while during since up out there them we i you our says
told could should may can no one two new last year years other some all what when where
before between under because these those being did does do such most only both any
""".split())

# Common function words of other languages, chosen to overlap little with ENGLISH.
OTHER_LANGUAGES: dict[str, frozenset[str]] = {
    "Spanish": frozenset("""de la que el en y los del las por un una con para se al es lo
        como más pero sus su le fue este esta ha sobre también dijo entre desde según
        muy sin hasta donde porque cuando""".split()),
    "French": frozenset("""le la les de des et est un une du en que qui dans pour pas sur
        au aux avec il elle ils ont été ce cette ne plus par son sa ses mais selon lors
        nous vous leur être sont""".split()),
    "German": frozenset("""der die das und ist nicht ein eine zu den mit von sich auf dem
        des im für wurde auch es sie er nach bei aus wie am sind hat einer vor über dass
        zum zur werden noch oder""".split()),
    "Italian": frozenset("""il di che la e è un una per del della non sono le con si dei
        gli da al nel alla ha anche più ma come questo ed delle nella""".split()),
    "Portuguese": frozenset("""de a o que e do da em um uma para com não os no na se por
        mais as dos das ao foi pelo pela também disse são""".split()),
    "Dutch": frozenset("""de het een van en is dat op te zijn niet met voor die er aan ook
        maar om bij werd naar heeft wordt""".split()),
}

# Unicode character-name prefixes of non-Latin scripts, and what text in them likely is.
SCRIPT_LANGUAGES = {
    "CYRILLIC": "Russian or another Cyrillic-script language",
    "ARABIC": "Arabic",
    "CJK": "Chinese or Japanese",
    "HIRAGANA": "Japanese",
    "KATAKANA": "Japanese",
    "HANGUL": "Korean",
    "GREEK": "Greek",
    "HEBREW": "Hebrew",
    "DEVANAGARI": "Hindi or another Devanagari-script language",
    "THAI": "Thai",
    "BENGALI": "Bengali",
    "ARMENIAN": "Armenian",
    "GEORGIAN": "Georgian",
    "ETHIOPIC": "Amharic or another Ethiopic-script language",
    "TAMIL": "Tamil",
}

_LETTER = re.compile(r"[^\W\d_]", re.UNICODE)
# Basic Latin letters, Latin-1 letters, Latin Extended-A/B and Latin Extended Additional
_LATIN_LETTER = re.compile(r"[A-Za-z\u00C0-\u00D6\u00D8-\u00F6\u00F8-\u024F\u1E00-\u1EFF]")
_WORD = re.compile(r"[^\W\d_]+", re.UNICODE)


@dataclass(frozen=True)
class LanguageCheck:
    """The verdict on one text: English or not, the language it looks like, and why."""

    english: bool
    looks_like: str  # "English", "Spanish", "Arabic", "another language", ...
    detail: str  # the figures the verdict rests on, for the message

    @property
    def reason(self) -> str:
        """The message for a rejected article: ``not English (looks like X: detail)``."""
        return (f"not English (looks like {self.looks_like}: {self.detail}); Dotterel codes "
                f"English text only - translate it first")


def _sample(text: str) -> str:
    """The text itself when short, else its beginning, middle and end windows.

    Three windows keep the check fast on huge inputs and still see an article whose
    first part is an English preamble (or boilerplate) and the rest another language.
    """
    if len(text) <= 3 * WINDOW:
        return text
    middle = len(text) // 2 - WINDOW // 2
    return " ".join((text[:WINDOW], text[middle:middle + WINDOW], text[-WINDOW:]))


def _main_script(letters: list[str]) -> str:
    """The language most non-Latin ``letters`` suggest, from their Unicode names."""
    scripts: Counter[str] = Counter()
    for ch in letters[:2000]:  # enough to name the script; bounded for speed
        name = unicodedata.name(ch, "")
        scripts[name.split(" ", 1)[0] if name else "UNKNOWN"] += 1
    script, _ = scripts.most_common(1)[0]
    return SCRIPT_LANGUAGES.get(script, f"{script.title()}-script text")


def check_language(text: str) -> LanguageCheck:
    """Judge whether ``text`` is English (see the module docstring for how)."""
    sample = _sample(text)
    letters = _LETTER.findall(sample)
    if len(letters) >= MIN_LETTERS:
        latin = len(_LATIN_LETTER.findall(sample))
        other = len(letters) - latin
        if other / len(letters) > OTHER_SCRIPT_SHARE:
            foreign = [ch for ch in letters if not _LATIN_LETTER.match(ch)]
            return LanguageCheck(False, _main_script(foreign),
                                 f"{other / len(letters):.0%} of its letters are not Latin")

    raw_words = _WORD.findall(sample)
    if len(raw_words) < MIN_WORDS:
        return LanguageCheck(True, "English", f"{len(raw_words)} words, too few to judge")
    words = [w.lower() for w in raw_words]
    n = len(words)
    counts = Counter(words)
    english = sum(c for w, c in counts.items() if w in ENGLISH) / n
    if english >= ENGLISH_SURE:
        return LanguageCheck(True, "English", f"{english:.0%} English function words")
    best, best_share = max(
        ((name, sum(c for w, c in counts.items() if w in vocab) / n)
         for name, vocab in OTHER_LANGUAGES.items()),
        key=lambda pair: pair[1])
    if best_share >= OTHER_MIN and best_share >= OTHER_OVER_ENGLISH * english:
        return LanguageCheck(False, best, f"{best_share:.0%} of its words are {best} function "
                                          f"words, {english:.0%} English ones")
    capitalised = sum(w[0].isupper() for w in raw_words) / n
    if n >= LONG_WORDS and english < ENGLISH_FLOOR and capitalised < NAMES_SHARE:
        return LanguageCheck(False, "another language",
                             f"only {english:.0%} of its {n} words are common English words")
    return LanguageCheck(True, "English", f"{english:.0%} English function words")


def not_english(text: str) -> str | None:
    """The rejection reason when ``text`` is not English, else None."""
    verdict = check_language(text)
    return None if verdict.english else verdict.reason

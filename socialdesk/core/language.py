"""Which language a mention or a draft is written in, offline.

CLD2 (Google's Compact Language Detector 2, through ``pycld2``: about 14 MB installed, a few
microseconds a text) decides whenever it calls its own answer reliable. Short texts it cannot call
("gracias!!", "como cambio mi pin") fall back to the common words of each language SocialDesk has
word lists for (``resources/language/<code>/common-words.txt``). Texts mostly in a non-Latin script
are named by the script. Anything unsure is English: the English checks would rather run than step
aside by mistake.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import cache, lru_cache

from socialdesk.resources import resource_path

__all__ = ["LANGUAGES", "Language", "detect"]

# The languages with their own word lists, and the name a person reads.
LANGUAGES = {
    "en": "English",
    "de": "German",
    "es": "Spanish",
    "fr": "French",
    "pt": "Portuguese",
    "nl": "Dutch",
    "it": "Italian",
}


@dataclass(frozen=True)
class Language:
    code: str  # ISO 639-1 ("en", "de"), or "" for a script or a language CLD2 could not name
    name: str  # for people: "German", "Chinese or Japanese"
    how: str  # "detector", "common words", "script" or "default"

    @property
    def english(self) -> bool:
        return self.code == "en"

    @property
    def listed(self) -> bool:
        """SocialDesk has word lists in this language."""
        return self.code in LANGUAGES


ENGLISH = Language("en", "English", "default")
_NOISE = re.compile(r"@[\w.@-]+|https?://\S+|www\.\S+|#\w+|&\w+;")
_TOKENS = re.compile(r"[^\W\d_]+")
_LETTER = re.compile(r"[^\W\d_]")
# Letters outside the Latin blocks (Basic, Latin-1, Extended-A/B, IPA, Extended Additional).
_NON_LATIN = re.compile(r"[^\W\d_A-Za-z\u00C0-\u02AF\u1E00-\u1EFF]")
# CLD2 reads UTF-8 and refuses control characters and lone surrogates.
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")


def detect(text: str) -> Language:
    """The language of ``text``; @handles, links, hashtags and HTML entities are left out."""
    text = text[:2_000]
    # Each arm of _NOISE needs one of these: without them it would change nothing.
    if "@" in text or "#" in text or "&" in text or "://" in text or "www." in text:
        text = _NOISE.sub(" ", text)
    return _detect(text)


@lru_cache(maxsize=8192)  # the composer asks again on every keystroke with the same mention
def _detect(text: str) -> Language:
    if not _LETTER.search(text):
        return ENGLISH
    if not text.isascii():
        foreign = _NON_LATIN.findall(text)
        if len(foreign) * 2 > len(_LETTER.findall(text)):
            return Language("", _SCRIPT_NAMES.get(_script(foreign[0]), "another script"), "script")
    voted, votes = _by_common_words(text)
    if votes["en"] >= 3 and votes["en"] > 2 * max(v for c, v in votes.items() if c != "en"):
        return Language("en", "English", "common words")  # plain English: CLD2 would agree
    code = _cld2(text)
    if not code:
        return voted
    # CLD2 errs on short texts even when it calls itself reliable ("l'application plante dès que
    # je lance un film" is English to it, "sois unos ladrones" Galician): the common words of a
    # listed language, with no English one among them, win then.
    if code not in LANGUAGES and voted.listed and not voted.english:
        return voted
    if code == "en" and not voted.english and votes[voted.code] >= 2 and not votes["en"]:
        return voted
    return Language(code, LANGUAGES.get(code) or _cld2_name(code), "detector")


def _cld2(text: str) -> str | None:
    """CLD2's answer when it calls it reliable, else None."""
    import pycld2

    clean = _CONTROL.sub(" ", text).encode("utf-8", "ignore")
    try:
        reliable, _bytes, details = pycld2.detect(clean)
    except pycld2.error:
        return None
    # pycld2 has no types: details are (name, code, percent, score), the likeliest first.
    code: str = details[0][1]
    if not reliable or code in ("un", "xx-Qaai") or ("-" in code and code != "zh-Hant"):
        return None
    return code


def _cld2_name(code: str) -> str:
    import pycld2

    languages: tuple[tuple[str, str], ...] = pycld2.LANGUAGES  # (NAME, code); no types
    for name, known in languages:
        if known == code:
            return name.title().replace("_", " ")
    return "another language"


def _by_common_words(text: str) -> tuple[Language, dict[str, int]]:
    """The listed language with the most common words in ``text`` (English on a tie), and the
    count for each."""
    scores = dict.fromkeys(LANGUAGES, 0)
    languages_of = _languages_of()
    for token in set(_TOKENS.findall(text.lower())):
        for code in languages_of.get(token, ()):
            scores[code] += 1
    # The first language with the most, English where it has as many.
    most = max(scores.values())
    if scores["en"] < most:
        best = next(code for code, n in scores.items() if n == most)
        return Language(best, LANGUAGES[best], "common words"), scores
    return ENGLISH, scores


@cache
def _languages_of() -> dict[str, tuple[str, ...]]:
    """Each common word, and the languages whose list has it (in LANGUAGES' order)."""
    out: dict[str, tuple[str, ...]] = {}
    for code, listed in _common_words().items():
        for word in listed:
            out[word] = (*out.get(word, ()), code)
    return out


@cache
def _common_words() -> dict[str, frozenset[str]]:
    words = {}
    for code in LANGUAGES:
        path = resource_path("language", code, "common-words.txt")
        lines = path.read_text(encoding="utf-8").splitlines()
        words[code] = frozenset(
            w.lower() for line in lines if not line.startswith("#") for w in line.split()
        )
    return words


def load() -> None:
    """Load CLD2 and the common words now rather than on the first text."""
    _languages_of()
    _cld2("warm up")


_SCRIPT_NAMES = {
    "CJK": "Chinese or Japanese",
    "HIRAGANA": "Japanese",
    "KATAKANA": "Japanese",
    "HANGUL": "Korean",
    "ARABIC": "Arabic",
    "HEBREW": "Hebrew",
    "CYRILLIC": "a Cyrillic-script language",
    "GREEK": "Greek",
    "THAI": "Thai",
    "DEVANAGARI": "Hindi or another Devanagari-script language",
}


def _script(ch: str) -> str:
    return unicodedata.name(ch, "UNKNOWN").split(" ", 1)[0]

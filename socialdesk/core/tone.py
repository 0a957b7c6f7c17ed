"""Tone checks for reply drafts: the composer's coach (customer-care.md, "Reply tone checks").

Every check is an explainable rule — a phrase from a word list in ``resources/tone/``, a pattern, a
measure — so each finding can say what fired and why. Runs offline on every keystroke: the lists and
VADER load once, then ``check`` costs well under a millisecond for a 280-character draft.

English-list checks step aside for drafts in another language (and a finding says so); length,
capitals, punctuation, private data, thread depth, trolls, crisis and the client's banned phrases
always run.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cache, lru_cache

from socialdesk.core.counter import count
from socialdesk.core.limits import NetworkLimits
from socialdesk.core.links import find_urls
from socialdesk.resources import resource_path

__all__ = ["CODES", "BannedPhrase", "Finding", "ReplyContext", "check", "load"]

# Most severe first; within a severity, the order of the table in customer-care.md.
CODES = (
    ("empty", "block"),
    ("over-limit", "block"),
    ("crisis-individual-reply", "warning"),
    ("feeding-troll", "warning"),
    ("private-data", "warning"),
    ("blames-customer", "warning"),
    ("defensive", "warning"),
    ("profanity", "warning"),
    ("negative-tone", "warning"),
    ("missing-apology", "warning"),
    ("no-next-step", "warning"),
    ("brand-voice", "warning"),
    ("shouting", "warning"),
    ("move-to-dm", "info"),
    ("robotic", "info"),
    ("unthanked-praise", "info"),
    ("excess-punctuation", "info"),
    ("other-language", "info"),
)
_SEVERITY = dict(CODES)
_ORDER = {code: i for i, (code, _) in enumerate(CODES)}
_RANK = {"block": 0, "warning": 1, "info": 2}


@dataclass(frozen=True)
class BannedPhrase:
    """A client's brand-voice rule: a word or phrase to avoid, and why (in the client's words)."""

    phrase: str
    message: str = ""
    suggestion: str | None = None


@dataclass(frozen=True)
class ReplyContext:
    network: str = "x"
    mention_text: str = ""
    mention_category: str | None = None  # a triage category
    thread_depth: int = 0  # public replies the brand already posted to this person in this thread
    author_flags: frozenset[str] = frozenset()  # "troll", "vip"
    crisis: bool = False  # the mention is about the client's active crisis
    recent_replies: tuple[str, ...] = ()  # texts this account sent in the last 24 hours
    limits: NetworkLimits | None = None  # the account's own limits (a Mastodon server's maximum)
    brand_contacts: tuple[str, ...] = ()  # the client's public email, hotline, help URL
    banned_phrases: tuple[BannedPhrase, ...] = ()
    private: bool = False  # a direct message, not a public reply
    mention_sentiment: float | None = None  # -1..1, when the caller already knows it


@dataclass(frozen=True)
class Finding:
    code: str
    severity: str  # "info", "warning" or "block"
    message: str  # plain words, to the person writing
    span: tuple[int, int] | None = None  # in the draft; an empty span marks where to insert
    suggestion: str | None = None  # replaces draft[span[0]:span[1]]


def check(draft: str, context: ReplyContext = ReplyContext()) -> list[Finding]:
    if not isinstance(draft, str):
        raise TypeError(f"draft must be a str, not {type(draft).__name__}")
    if not isinstance(context, ReplyContext):
        raise TypeError(f"context must be a ReplyContext, not {type(context).__name__}")
    draft_ = _Draft(draft)
    if not draft_.content:
        return [_finding("empty", "There is nothing to send yet: write a reply first.")]
    findings = [*_over_limit(draft_, context), *_situation(draft_, context)]
    findings += [*_private_data(draft_, context), *_shouting(draft_), *_punctuation(draft_)]
    findings += [*_repetition(draft_, context), *_brand_voice(draft_, context)]
    language = _language(draft_.content)
    if language == "English":
        findings += _english(draft_, context)
    else:
        findings.append(
            _finding(
                "other-language",
                f"This reply looks like {language}. The checks for apology, next step, blame, "
                "defensiveness, profanity, tone, boilerplate and thanks read English only, so they "
                "were skipped; length, capitals, punctuation and private data were checked.",
            )
        )
    return sorted(findings, key=_sort_key)


def load() -> None:
    """Read the word lists and VADER now (they load lazily on the first check otherwise)."""
    _lists()
    _vader()


def _sort_key(f: Finding) -> tuple:
    return (_RANK[f.severity], _ORDER.get(f.code, len(_ORDER)), f.span or (-1, -1))


def _finding(code: str, message: str, span=None, suggestion=None) -> Finding:
    return Finding(code, _SEVERITY[code], message, span, suggestion)


# -- the draft, prepared once ---------------------------------------------------------------------
_LEADING_MENTIONS = re.compile(r"^(?:\s*@[\w.@-]+)*\s*")


class _Draft:
    """The text and what every check needs from it: where the body starts after the leading
    @handles, and a copy with curly apostrophes straightened (same length, so spans carry over)."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.body_start = _LEADING_MENTIONS.match(text).end()
        self.flat = text.replace("\u2019", "'").replace("\u2018", "'")
        self.content = text[self.body_start :].strip()

    def insert_at_body(self) -> tuple[int, int]:
        return (self.body_start, self.body_start)

    def insert_at_end(self) -> tuple[int, int]:
        end = len(self.text.rstrip())
        return (end, end)


# -- length and the situation the reply is written in --------------------------------------------
def _over_limit(draft: _Draft, context: ReplyContext) -> Iterable[Finding]:
    counted = count(draft.text, context.network, limits=context.limits)
    if counted.weighted_length > counted.limit:
        over = counted.weighted_length - counted.limit
        start = counted.overflow_start if counted.overflow_start is not None else len(draft.text)
        yield _finding(
            "over-limit",
            f"This is {over} character{'s' * (over != 1)} over the {counted.limit} the network "
            "allows; the highlighted end would not fit.",
            (start, len(draft.text)),
        )


def _situation(draft: _Draft, context: ReplyContext) -> Iterable[Finding]:
    if context.crisis:
        yield _finding(
            "crisis-individual-reply",
            "The client is in a crisis and this mention is about it. Answering people one by one "
            "invites more replies and commits the brand to answering everyone: point them to the "
            "public statement instead, or mark the mention as covered by it.",
        )
    if context.private:
        return
    if context.mention_category == "abuse" or "troll" in context.author_flags:
        why = (
            "was triaged as abuse"
            if context.mention_category == "abuse"
            else "is flagged as a troll"
        )
        yield _finding(
            "feeding-troll",
            f"This author {why}. A public reply gives the abuse an audience: ignore, hide or "
            "block, or write to them privately.",
        )
    if context.thread_depth >= 2 and not _lists().private_channel.search(draft.flat):
        yield _finding(
            "move-to-dm",
            f"This would be public reply number {context.thread_depth + 1} to this person here. "
            "Going back and forth in public is not a good look: invite them to continue by DM.",
            draft.insert_at_end(),
            _appended(draft, "Could you send us a DM so we can carry on there?"),
        )


def _appended(draft: _Draft, sentence: str) -> str:
    before = draft.text[: draft.insert_at_end()[0]]
    joiner = "" if not before or before[-1] in " \n" else " "
    if before and before[-1] not in ".!?\n":
        joiner = ". "
    return joiner + sentence


# -- private data --------------------------------------------------------------------------------
_EMAIL = re.compile(r"(?<![@\w.+-])[\w.+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}\b")
_PHONE = re.compile(
    r"(?<![\w+])(?:\+\d{1,3}[\s.-]?(?:\(\d{1,4}\)[\s.-]?)?\d{2,4}(?:[\s.-]?\d{2,4}){1,4}"
    r"|\(?\d{3}\)?[\s.-]\d{3}[\s.-]\d{4}"
    r"|0\d{2,4}[\s-]?\d{3,4}[\s-]?\d{3,4})(?![\w])"
)
_CARD = re.compile(r"(?<![\d-])\d(?:[ -]?\d){12,18}(?![\d-])")
_REFERENCE = re.compile(
    r"\b(?:order|account|acct|booking|reservation|tracking|invoice|policy|membership|customer|"
    r"loyalty|card|confirmation)\s*(?:no\.?|number|num|nr|id|ref|reference)?\s*[:#]?\s*"
    r"(?=[A-Za-z0-9-]*\d)[A-Za-z0-9][A-Za-z0-9-]{3,}",
    re.IGNORECASE,
)
_STREET = re.compile(
    r"\b\d{1,5}[A-Za-z]?,?\s+(?:[A-Z][\w'-]*\s+){1,3}(?:Street|St|Road|Rd|Avenue|Ave|Lane|Ln|"
    r"Drive|Dr|Boulevard|Blvd|Court|Ct|Way|Place|Pl|Terrace|Close|Crescent|Square|Sq|Parkway|"
    r"Highway|Hwy)\b\.?"
)
_POSTCODE = re.compile(r"\b[A-Z]{1,2}\d[A-Z\d]?\s\d[A-Z]{2}\b")
_TOLL_FREE = re.compile(r"^(?:\+?1[\s.-]?)?\(?(?:800|888|877|866|855|844|833)\b|^0800|^0808|^1800")
# Text just before a number or address that makes it the brand's own ("call us on", "our store at").
_BRAND_LEAD = re.compile(
    r"\b(?:our\s+(?:\w+\s+)?(?:number|hotline|helpline|line|office|store|shop|branch|address|hq)"
    r"|call us|ring us|text us|email us|e-mail us|contact us|reach us|visit us|find us)"
    r"\b[^.!?\n]{0,30}$",
    re.IGNORECASE,
)
_NEGATED_ASK = re.compile(r"\b(?:don't|do not|never|no need|not)\b", re.IGNORECASE)
_SENTENCE = re.compile(r"[^.!?\n]+[.!?]*")


def _private_data(draft: _Draft, context: ReplyContext) -> Iterable[Finding]:
    if context.private:
        return
    found = _data_in_draft(draft, context)
    if found:
        (start, end), kind = found
        yield _finding(
            "private-data",
            f"This looks like a customer's {kind} in a public reply. Take it out and ask for it "
            "by direct message instead.",
            (start, end),
            "",
        )
        return
    ask = _asks_for_data(draft)
    if ask:
        (start, end), noun = ask
        yield _finding(
            "private-data",
            f"This asks for the customer's {noun} in public, where anyone can read the answer. "
            "Ask them to send it by direct message.",
            (start, end),
            f"Could you send us your {noun} by DM?",
        )


def _data_in_draft(draft: _Draft, context: ReplyContext):
    text = draft.text
    brand = _brand_contacts(context)
    for pattern, kind in (
        (_EMAIL, "email address"),
        (_CARD, "card or account number"),
        (_PHONE, "phone number"),
        (_REFERENCE, "order or account number"),
        (_STREET, "address"),
        (_POSTCODE, "postcode"),
    ):
        for m in pattern.finditer(text):
            if not _is_brand_contact(m[0], kind, text[: m.start()], brand):
                return (m.start(), m.end()), kind
    return None


def _brand_contacts(context: ReplyContext) -> frozenset[str]:
    """The client's own contact points (and their email domains), without case or spacing."""
    contacts = {_squash(c) for c in context.brand_contacts}
    contacts |= {c.rsplit("@", 1)[-1] for c in contacts if "@" in c}
    return frozenset(contacts)


def _squash(value: str) -> str:
    return re.sub(r"[\s().-]", "", value.lower())


def _is_brand_contact(value: str, kind: str, before: str, brand: frozenset[str]) -> bool:
    squashed = _squash(value)
    if squashed in brand or any(squashed.endswith(b) for b in brand if b.isdigit()):
        return True
    if kind == "email address":
        local, domain = value.lower().rsplit("@", 1)
        return local in _lists().brand_mailboxes or domain in brand
    if kind == "phone number" and _TOLL_FREE.match(value):
        return True
    return bool(_BRAND_LEAD.search(before))


def _asks_for_data(draft: _Draft):
    """A sentence that asks for one of the customer's details without sending them to a private
    channel: "Can you reply with your order number?"."""
    lists = _lists()
    for sentence in _SENTENCE.finditer(draft.flat):
        said = sentence[0]
        noun = lists.data_asks.search(said)
        if not noun or not _REQUEST.search(said) or not _THEIRS.search(said):
            continue
        if lists.private_channel.search(said) or _NEGATED_ASK.search(said[: noun.start()]):
            continue
        start = sentence.start() + len(said) - len(said.lstrip())
        return (start, sentence.end()), noun[0].lower()
    return None


_REQUEST = re.compile(
    r"\?|\b(?:send|share|post|reply with|tell us|give us|provide|let us know|include|confirm|"
    r"drop|leave|pop|comment|what's|what is|what was|need|can we (?:get|have)|may we have)\b",
    re.IGNORECASE,
)
_THEIRS = re.compile(r"\byour\b|\bthe\b.*\byou", re.IGNORECASE)


# -- capitals and punctuation (any language) -----------------------------------------------------
# Words of two letters or more ("I" and "a" are neither shouting nor quiet).
# Words with two letters or more: "I" and "a" say nothing about shouting.
_WORDS = re.compile(r"[^\W\d_][\w'’-]*[^\W\d_][\w'’-]*")


def _shouting(draft: _Draft) -> Iterable[Finding]:
    words = list(_WORDS.finditer(draft.text, draft.body_start))
    acronyms = _lists().acronyms
    shouted = [m for m in words if m[0].isupper() and m[0].lower().strip("'’") not in acronyms]
    if len(shouted) >= 3 and len(shouted) * 2 > len(words):
        span = (shouted[0].start(), shouted[-1].end())
        yield _finding(
            "shouting",
            f"{len(shouted)} of {len(words)} words are in capitals, which reads as shouting.",
            span,
            _sentence_case(draft.text[span[0] : span[1]], acronyms),
        )


def _sentence_case(text: str, acronyms: frozenset[str]) -> str:
    out, new_sentence = [], True
    for piece in re.split(r"(\W+)", text):
        if piece.isupper() and piece.lower() not in acronyms and len(piece) > 1:
            piece = piece.capitalize() if new_sentence else piece.lower()
        if piece.strip():
            new_sentence = bool(re.search(r"[.!?]\s*$", piece)) if not piece[0].isalnum() else False
        out.append(piece)
    return "".join(out)


_PUNCTUATION_RUN = re.compile(r"[!?！？]*[!！][!?！？]*[!?！？]|[?？]{2,}|[?？][!！]+[!?！？]*")


def _punctuation(draft: _Draft) -> Iterable[Finding]:
    run = _PUNCTUATION_RUN.search(draft.text)
    exclamations = draft.text.count("!") + draft.text.count("！")
    if run:
        mark = "?" if "?" in run[0] or "？" in run[0] else "!"
        yield _finding(
            "excess-punctuation",
            f"“{run[0]}” reads as shouting or exasperation; one mark is enough.",
            run.span(),
            mark,
        )
    elif exclamations >= 3:
        first = draft.text.index("!") if "!" in draft.text else draft.text.index("！")
        yield _finding(
            "excess-punctuation",
            f"{exclamations} exclamation marks in one reply read as over-excited; keep one.",
            (first, first + 1),
            ".",
        )


# -- repetition and the client's own rules -------------------------------------------------------
def _repetition(draft: _Draft, context: ReplyContext) -> Iterable[Finding]:
    mine = _normalised(draft.text)
    sent = sum(1 for reply in context.recent_replies if _normalised(reply) == mine)
    if sent >= 3:
        yield _finding(
            "robotic",
            f"This exact text was already sent {sent} times in the last 24 hours. Personalise it "
            "(their name, their issue) so it doesn't read as pasted.",
        )


@lru_cache(maxsize=4096)  # the same recent replies come back on every keystroke
def _normalised(text: str) -> str:
    body = text[_LEADING_MENTIONS.match(text).end() :]
    return " ".join(body.casefold().split()).rstrip(".!? ")


def _brand_voice(draft: _Draft, context: ReplyContext) -> Iterable[Finding]:
    for rule in context.banned_phrases:
        if not rule.phrase.strip():
            continue
        m = _phrase_pattern([rule.phrase]).search(draft.flat)
        if m:
            yield _finding(
                "brand-voice",
                rule.message or f"“{m[0]}” is on this client's list of words to avoid.",
                m.span(),
                rule.suggestion,
            )


# -- English word lists --------------------------------------------------------------------------
def _english(draft: _Draft, context: ReplyContext) -> list[Finding]:
    lists = _lists()
    found = [
        *_listed(draft, lists.blame, "blames-customer", _BLAME_MESSAGE),
        *_listed(draft, lists.defensive, "defensive", _DEFENSIVE_MESSAGE),
        *_profanity(draft),
        *_negative_tone(draft),
        *_listed(draft, lists.boilerplate, "robotic", _BOILERPLATE_MESSAGE),
    ]
    category = context.mention_category
    if _needs_apology(context) and not lists.acknowledgement.search(draft.flat):
        found.append(
            _finding(
                "missing-apology",
                "You are replying to a complaint without acknowledging it. Start by saying sorry "
                "or showing you understand (“That's frustrating, let's fix it”).",
                draft.insert_at_body(),
                "Sorry about this! ",
            )
        )
    if category in ("complaint", "question") and not _has_next_step(draft, category):
        found.append(
            _finding(
                "no-next-step",
                f"This reply to a {category} offers nothing concrete: give an answer, an action, "
                "a time frame, a link or a way to continue privately.",
                draft.insert_at_end(),
                _appended(draft, "Send us a DM and we'll sort this out for you."),
            )
        )
    if category == "praise" and not lists.thanks.search(draft.flat):
        found.append(
            _finding(
                "unthanked-praise",
                "They said something nice: thank them. A simple thank you goes a long way.",
                draft.insert_at_body(),
                "Thank you! ",
            )
        )
    return found


_BLAME_MESSAGE = "“{}” puts the fault on the customer; in public that starts an argument."
_DEFENSIVE_MESSAGE = "“{}” argues with the customer; acknowledge their view and explain instead."
_BOILERPLATE_MESSAGE = "“{}” reads as a pasted stock phrase; say it in your own words."


def _listed(draft: _Draft, table: _PhraseTable, code: str, message: str) -> Iterable[Finding]:
    for m in table.pattern.finditer(draft.flat):
        if not _NOT_BLAME.match(draft.flat, m.end()) or "should" not in m[0].lower():
            yield _finding(code, message.format(m[0]), m.span(), table.suggestion(m[0]))
            return


# "You should have received an email" tells them what to expect; "you should have checked" blames.
_NOT_BLAME = re.compile(
    r"\s+(?:a|an|the|your|it|one|access|received|got|gotten|been|had|heard|seen)\b", re.IGNORECASE
)


def _needs_apology(context: ReplyContext) -> bool:
    if context.mention_category == "complaint":
        return True
    if context.mention_category not in (None, "criticism"):
        return False
    mood = context.mention_sentiment
    if mood is None and context.mention_text:
        mood = _vader_score(context.mention_text)
    return mood is not None and mood <= -0.6


_TIME_FRAME = re.compile(
    r"\b(?:\d+(?:[.:]\d+)?\s*(?:am|pm|h|hrs?|hours?|mins?|minutes?|days?|weeks?|working days)"
    r"|\d{1,2}:\d{2}|within|by (?:the )?(?:end|today|tonight|tomorrow|monday|tuesday|wednesday"
    r"|thursday|friday|saturday|sunday|\d))\b",
    re.IGNORECASE,
)
# "Today" is a time frame in "it ships today", not in "sorry about the delay today".
_WHEN = re.compile(
    r"\b(?:today|tonight|tomorrow|this (?:morning|afternoon|evening|week)|next week|monday|tuesday"
    r"|wednesday|thursday|friday|saturday|sunday)\b",
    re.IGNORECASE,
)
_WILL = re.compile(
    r"\b(?:will|going to|comes?|coming|goes out|lands?|open|opens|back|ready|available)\b|'ll\b",
    re.IGNORECASE,
)
_NUMBER = re.compile(r"[$€£¥]\s?\d|\d")


def _has_next_step(draft: _Draft, category: str) -> bool:
    lists = _lists()
    text = draft.flat
    if lists.next_step.search(text) or _TIME_FRAME.search(text) or find_urls(text):
        return True
    if any(_WHEN.search(said) and _WILL.search(said) for said in _SENTENCE.findall(text)):
        return True
    if _EMAIL.search(text) or _PHONE.search(text):  # a way to get in touch
        return True
    return category == "question" and bool(lists.answer.search(text) or _NUMBER.search(text))


# -- profanity -----------------------------------------------------------------------------------
_TOKEN = re.compile(r"[^\s,;:\"()\[\]{}<>/]+")
_LEET = str.maketrans("0134579@$!|", "oieastgasii")
_WILDCARDS = re.compile(r"[*#%]")
_STRETCHED = re.compile(r"(.)\1\1")


def _profanity(draft: _Draft) -> Iterable[Finding]:
    words = _lists().profanity
    for m in _TOKEN.finditer(draft.text, draft.body_start):
        token = m[0].strip(".,!?'\"")
        if not token or token.startswith("@") or not any(c.isalpha() for c in token):
            continue
        if _is_profane(token.lower(), words):
            start = m.start() + m[0].index(token)
            yield _finding(
                "profanity",
                f"“{token}” is a swear word (however it is spelled); keep the reply clean.",
                (start, start + len(token)),
                "",
            )
            return


def _is_profane(token: str, words: _Profanity) -> bool:
    if token.isalpha() and not _STRETCHED.search(token):  # most words: nothing to undo
        return token in words.exact or token.startswith(words.stems)
    # Undo leet spellings, dots and stretched letters ("fuuuck"); wildcards stay one per letter.
    plain = re.sub(
        r"([a-z])\1{2,}", r"\1", token.translate(_LEET).replace(".", "").replace("-", "")
    )
    if plain in words.exact or plain.startswith(words.stems):
        return True
    if _WILDCARDS.search(plain) and plain[0].isalpha() and 3 <= len(plain) <= 16:
        # "f**k" and "f***ing": each wildcard stands for one letter of a listed word or stem.
        shape = [("[a-z]" if c in "*#%" else re.escape(c)) for c in plain]
        whole = re.compile("".join(shape))
        if any(whole.fullmatch(word) for word in words.by_length.get(len(plain), ())):
            return True
        return any(
            re.fullmatch("".join(shape[: len(stem)]), stem)
            for stem in words.stems
            if len(stem) < len(plain)
        )
    return False


# -- negative tone -------------------------------------------------------------------------------
def _negative_tone(draft: _Draft) -> Iterable[Finding]:
    """A word that attacks or dismisses the customer, or a clearly negative VADER score once
    apologies and the words naming their problem are taken out: saying sorry or "your parcel
    arrived damaged" is not hostility."""
    lists = _lists()
    hostile = lists.hostile.search(draft.flat, draft.body_start)
    if hostile:
        yield _finding(
            "negative-tone",
            f"“{hostile[0]}” reads as hostile or dismissive. Keep it calm and about the fix.",
            hostile.span(),
        )
        return
    vader = _vader()
    kept = lists.problem_words.sub(
        " ", lists.acknowledgement.sub(" ", draft.flat[draft.body_start :])
    )
    score = _vader_score(kept)
    if score > -0.5:
        return
    harsh = [w for w in re.findall(r"[a-z']+", kept.lower()) if vader.lexicon.get(w, 0) <= -1.5]
    words = ", ".join(f"“{w}”" for w in dict.fromkeys(harsh)) or "its wording"
    yield _finding(
        "negative-tone",
        f"This reads as negative or hostile (VADER score {score:.2f}; from {words}). "
        "Keep it calm and about the fix.",
    )


def _vader_score(text: str) -> float:
    """VADER's compound score of the most negative sentence. VADER's cost grows with the square of
    the words it is given (an emoji counts as the words of its name), so it reads pieces of at most
    60 words and 200 characters, and only the first 5,000 characters (past any network's limit)."""
    vader, scores = _vader(), [0.0]
    for sentence in _SENTENCE.findall(text[:5_000]):
        words = sentence.split()
        for i in range(0, len(words), 60):
            piece = " ".join(words[i : i + 60])
            for j in range(0, len(piece), 200):
                scores.append(vader.polarity_scores(piece[j : j + 200])["compound"])
    return min(scores)


# -- language ------------------------------------------------------------------------------------
def _language(text: str) -> str:
    """ "English", or the name of the language or script the draft is mostly in. Short or mixed
    drafts count as English: the checks would rather run than step aside by mistake."""
    letters = [c for c in text if c.isalpha()] if not text.isascii() else []
    foreign = [c for c in letters if not c.isascii() and _script(c) != "LATIN"]
    if letters and len(foreign) * 2 > len(letters):
        return _SCRIPT_NAMES.get(_script(foreign[0]), "another script")
    tokens = re.findall(r"[^\W\d_]+", text.lower())
    scores = {
        name: sum(1 for t in tokens if t in words) for name, words in _lists().languages.items()
    }
    best = max(scores, key=scores.get)
    if best != "English" and scores[best] >= 2 and scores[best] > scores["English"]:
        return best
    return "English"


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


# -- the lists, loaded once ----------------------------------------------------------------------
def _phrase_pattern(phrases: Iterable[str]) -> re.Pattern:
    """One pattern for a list: longest phrases first, whole words only, spaces match any
    whitespace, apostrophes are optional, and a ``[word]`` may be left out ("that's [simply]
    false")."""
    parts = [_phrase_regex(p) for p in sorted({p.lower() for p in phrases}, key=len, reverse=True)]
    return re.compile(rf"(?<![\w'])(?:{'|'.join(parts)})(?![\w'])", re.IGNORECASE)


def _phrase_regex(phrase: str) -> str:
    regex = ""
    for word in phrase.split():
        escaped = re.escape(word.strip("[]")).replace("'", "'?")
        if word.startswith("["):
            regex += rf"(?:\s+{escaped})?"
        else:
            regex += (r"\s+" if regex else "") + escaped
    return regex


@dataclass(frozen=True)
class _PhraseTable:
    pattern: re.Pattern
    suggestions: list[tuple[re.Pattern, str]]

    def search(self, text: str, pos: int = 0):
        return self.pattern.search(text, pos)

    def sub(self, replacement: str, text: str) -> str:
        return self.pattern.sub(replacement, text)

    def suggestion(self, matched: str) -> str | None:
        """The replacement for the phrase that matched (found again only on a hit)."""
        for pattern, suggestion in self.suggestions:
            if pattern.fullmatch(matched):
                return suggestion
        return None


@dataclass(frozen=True)
class _Profanity:
    exact: frozenset[str]
    stems: tuple[str, ...]
    by_length: dict[int, tuple[str, ...]] = field(default_factory=dict)


@dataclass(frozen=True)
class _Lists:
    acknowledgement: _PhraseTable
    next_step: _PhraseTable
    answer: _PhraseTable
    blame: _PhraseTable
    defensive: _PhraseTable
    boilerplate: _PhraseTable
    thanks: _PhraseTable
    private_channel: _PhraseTable
    data_asks: _PhraseTable
    profanity: _Profanity
    problem_words: _PhraseTable
    hostile: _PhraseTable
    brand_mailboxes: frozenset[str]
    acronyms: frozenset[str]
    languages: dict[str, frozenset[str]]


def _lines(name: str) -> list[str]:
    text = resource_path("tone", name).read_text(encoding="utf-8")
    return [line.strip() for line in text.splitlines() if line.strip() and line[0] != "#"]


def _table(name: str) -> _PhraseTable:
    phrases, suggestions = [], []
    for line in _lines(name):
        phrase, _, suggestion = (part.strip() for part in line.partition("=>"))
        phrases.append(phrase)
        if suggestion:
            suggestions.append((re.compile(_phrase_regex(phrase.lower()), re.I), suggestion))
    return _PhraseTable(_phrase_pattern(phrases), suggestions)


def _profanity_list() -> _Profanity:
    words = _lines("profanity.txt")
    exact = frozenset(w for w in words if not w.endswith("*"))
    stems = tuple(w[:-1] for w in words if w.endswith("*"))
    by_length: dict[int, tuple[str, ...]] = {}
    for word in {*exact, *stems}:
        by_length[len(word)] = (*by_length.get(len(word), ()), word)
    return _Profanity(exact, stems, by_length)


def _language_words() -> dict[str, frozenset[str]]:
    words: dict[str, set[str]] = {}
    for line in _lines("languages.txt"):
        _code, name, *rest = line.split()
        words.setdefault(name, set()).update(rest)
    return {name: frozenset(found) for name, found in words.items()}


@cache
def _lists() -> _Lists:
    return _Lists(
        acknowledgement=_table("acknowledgement.txt"),
        next_step=_table("next-step.txt"),
        answer=_table("answer.txt"),
        blame=_table("blame.txt"),
        defensive=_table("defensive.txt"),
        boilerplate=_table("boilerplate.txt"),
        thanks=_table("thanks.txt"),
        private_channel=_table("private-channel.txt"),
        data_asks=_table("private-data-asks.txt"),
        profanity=_profanity_list(),
        problem_words=_table("problem-words.txt"),
        hostile=_table("hostile.txt"),
        brand_mailboxes=frozenset(_lines("brand-mailboxes.txt")),
        acronyms=frozenset(w for line in _lines("acronyms.txt") for w in line.split()),
        languages=_language_words(),
    )


@cache
def _vader():
    from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

    return SentimentIntensityAnalyzer()

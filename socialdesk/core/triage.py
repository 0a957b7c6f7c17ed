"""Triage: what a mention is (customer-care.md's categories), why, what to do about it, and how
urgent it is. Explainable rules, offline; every verdict carries the words that decided it.

The borderline calls follow customer-care.md: a fault plus a question is a complaint; swearing about
a fault is still a complaint; insults aimed at people and contentless rants are abuse; sarcasm
counts as what it means.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass

from socialdesk.core import html_text
from socialdesk.core.models import AuthorFlag, Category
from socialdesk.core.sentiment import sentiment
from socialdesk.core.sla import ClockState, ResponseClock

ACTIONS = {
    Category.QUESTION: "Reply — high priority: answer it.",
    Category.COMPLAINT: "Apologise, then fix it or offer something — high priority.",
    Category.CRITICISM: "Consider it: reply with empathy, or leave it.",
    Category.FEEDBACK: "Thank them and log the idea.",
    Category.PRAISE: "Thank them — a simple thank you goes a long way.",
    Category.ABUSE: "Do not engage in public: ignore, hide or block.",
    Category.SPAM: "Ignore it.",
    Category.OTHER: "Optional: reply if it helps.",
}


@dataclass(frozen=True)
class Triage:
    category: str
    sentiment: float
    reasons: tuple[str, ...]
    action: str


def _words(*phrases: str) -> re.Pattern:
    """One pattern for a list of words/phrases, matched on word boundaries.

    The phrases are grouped by their first letter (``l(?:ate|ost)|...``): Python's regex engine
    tries alternatives one by one, so this lets it skip most of a long list at each position —
    about five times faster on these lists."""
    groups: dict[str, list[str]] = {}
    rest = []
    for phrase in sorted(phrases, key=len, reverse=True):
        first, tail = phrase[:1].lower(), phrase[1:]
        if first.isalpha() and first.isascii() and tail[:1] not in ("?", "*", "+", "{"):
            groups.setdefault(first, []).append(tail)
        else:
            rest.append(phrase)
    parts = [f"{first}(?:{'|'.join(tails)})" for first, tails in groups.items()] + rest
    return re.compile(rf"(?<![\w@#])(?:{'|'.join(parts)})(?!\w)", re.IGNORECASE)


FAULT = _words(
    r"broken",
    r"broke",
    r"not working",
    r"doesn'?t work",
    r"don'?t work",
    r"won'?t (?:load|work|open|start|restart|connect|let)",
    r"isn'?t working",
    r"stopped working",
    r"stop(?:s|ped)? working",
    r"crash(?:es|ed|ing)?",
    r"error\w*",
    r"bug(?:gy|s)?",
    r"freez(?:es|ing)",
    r"frozen",
    r"down",
    r"outage",
    # "went offline", not "does it work offline?" (a capability question)
    r"(?:is|are|went|gone|been|still|keeps? going) offline",
    r"offline (?:again|since|all day)",
    # the same fault again: a follow-up in a thread is still a complaint (customer-care.md)
    r"same (?:thing|issue|problem|error|again)",
    r"tried again",
    r"(?:still|keeps?) happening",
    r"happen(?:ed|ing|s) again",
    r"late",
    r"delay(?:ed|s)?",
    r"never (?:arrived|came|showed|made|received)",
    r"hasn'?t arrived",
    r"didn'?t (?:arrive|come|get|receive|work)",
    r"still (?:not|no|waiting|haven'?t|broken|down|nothing)",
    r"haven'?t (?:heard|received|got)",
    r"charged (?:twice|double|me)",
    r"double[- ]charged",
    r"overcharged",
    r"refund",
    r"missing",
    r"wrong (?:order|item|size|address|charge|amount)",
    r"cold(?! brew)",
    r"burnt",
    r"stale",
    r"damaged",
    r"leak(?:s|ing)?",
    r"can'?t (?:log ?in|login|sign in|access|connect|pay|find my|cancel|get)",
    r"locked out",
    r"failed",
    r"fails",
    r"failing",
    r"keeps? (?:crashing|failing|skipping|dropping|logging)",
    r"skipping",
    r"disconnect\w*",
    r"drains?",
    r"dead end",
    r"no one (?:here|answers|replied)",
    r"nobody (?:answers|replied|responds|helps)",
    r"waiting (?:for|since)",
    r"waited",
    r"lost my",
    r"cancell?ed my",
    r"ages to load",
    r"slow",
    r"glitch\w*",
    r"flat tyre",
    r"squeal\w*",
    r"wrong",
    r"expired",
    r"declined",
    r"rejected",
    r"no (?:signal|service|internet|wifi|delivery slots)",
    r"stuck",
    r"400|401|403|404|500|502|503",
    r"paralys\w+",
    r"killing my battery",
    r"battery (?:drain\w*|dies|dying|dead)",
    r"kaputt",
    r"funktioniert nicht",
    r"no funciona",
    r"ne marche pas",
    r"não funciona",
    r"roto",
    r"nicht angekommen",
    r"partiu",
    r"cancell?ed",
    r"renewed even though",
    r"even though",
    r"supposed to",
    r"ripped",
    r"dies",
    r"more than my contract",
    r"cut out",
    r"still says",
    r"won'?t download",
    r"not showing up",
    r"tasted? (?:sour|off|awful)",
    r"nothing like",
    r"losing",
    r"lost",
    r"given to someone else",
    r"never took",
    r"on hold",
    r"fraud\w+",
    r"soaked",
    r"disappeared",
    r"logged me out",
    r"wiped",
    r"off for \d+",
    r"no engineer",
    r"nobody came",
    r"no one came",
    r"got basically",
    r"since (?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|yesterday|last week)",
    r"marked delivered",
    r"ate my card",
    r"instead of",
    r"i paid for",
    r"reset itself",
    r"problem with",
    r"issues? with",
    r"having issues",
    r"i'?ve tried",
    r"tried everything",
    r"suffering",
    r"(?:does|do|did|will)(?:n'?t| not) let me",
    r"reschedul\w+",
    r"cumbersome",
    r"slowdown",
    r"too many sent",
    r"haven'?t rec(?:ei)?v?e?d",
    r"called \d",
    r"telemarketer",
    r"started (?:immediately )?after",
    r"after (?:i |the )?updat\w*",
    r"since the update",
    r"dropped \d+",
    r"causing",
    r"disregarded",
    r"someone else'?s",
    r"don'?t exist",
    r"dont exist",
    r"took my",
    r"fee after",
    r"paralysed",
    r"smashed",
    r"cracked?",
    r"power cut",
    r"nobody announced",
    r"too high",
    r"bill is",
    r"cut my",
)
ASK = _words(
    r"how (?:do|can|to|long|much|many)",
    r"where (?:is|are|do|can)",
    r"when (?:is|will|does|do|are)",
    r"what (?:is|are|time|happens|does)",
    r"why (?:is|does|do|are|can'?t)",
    r"which",
    r"can (?:i|you|we)",
    r"could (?:i|you)",
    r"do you",
    r"does (?:it|the|this|anyone)",
    r"is (?:there|it|this|the)",
    r"are (?:you|there|the)",
    r"any (?:way|idea|update|news|chance)",
    r"anyone know",
    r"will i",
    r"is it possible",
    r"help me",
    r"please help",
    r"can someone",
    r"wie",
    r"wo ist",
    r"gibt es",
    r"cómo",
    r"dónde",
    r"cuándo",
    r"tienen",
    r"est-ce que",
    r"comment",
    r"où",
)
SUGGEST = _words(
    r"you should",
    r"please add",
    r"would be (?:nice|great|cool|amazing|awesome)",
    r"it would be",
    r"suggestion",
    r"idea",
    r"feature request",
    r"bring back",
    r"i wish",
    r"wish you",
    r"would love (?:a|an|to see|if)",
    r"could you (?:add|make|bring)",
    r"consider (?:adding|making)",
    r"should (?:open|add|make|have|do|bring)",
    r"how about",
    r"needs? (?:a|an|more)",
    r"option (?:to|of|for)",
    r"bitte (?:mehr|bringt)",
    r"deberían",
    r"would be",
    r"would love (?:more|a|an|to see|if)",
    r"just saying",
)
PRAISE = _words(
    r"thanks?",
    r"thank you",
    r"thx",
    r"ty",
    r"cheers",
    r"love",
    r"loved",
    r"loving",
    r"amazing",
    r"awesome",
    r"great",
    r"best",
    r"brilliant",
    r"fantastic",
    r"excellent",
    r"perfect",
    r"legend",
    r"superb",
    r"wonderful",
    r"shout ?out",
    r"kudos",
    r"10/10",
    r"five stars",
    r"5 stars",
    r"well done",
    r"nailed it",
    r"obsessed",
    r"delicious",
    r"gorgeous",
    r"beautiful",
    r"problem solved",
    r"danke",
    r"gracias",
    r"merci",
    r"obrigad[oa]",
    r"genial",
    r"super",
    r"loves",
    r"parfait",
    r"ótimo",
)
CRITIC = _words(
    r"used to be (?:good|great|better)",
    r"worse",
    r"worst",
    r"terrible",
    r"awful",
    r"horrible",
    r"rubbish",
    r"garbage",
    r"trash",
    r"overpriced",
    r"rip[- ]?off",
    r"never again",
    r"disgrace",
    r"disappoint\w*",
    r"ridiculous",
    r"joke",
    r"hate",
    r"sucks?",
    r"sux",
    r"pathetic",
    r"greedy",
    r"boycott",
    r"not what it used to be",
    r"going downhill",
    r"gone downhill",
    r"shame on",
    r"not happy",
    r"unhappy",
    r"meh",
    r"mediocre",
    r"too expensive",
    r"keep raising prices",
    r"raising prices",
    r"lost a customer",
    r"switching to",
    r"hire (?:colleagues|people|staff)",
    r"common[- ]sense",
    r"the point is",
    r"enforced",
    r"you won'?t",
    r"hope you (?:all )?change",
    r"nicht mehr",
    r"früher",
    r"schade",
    r"not anymore",
    r"used to be",
    r"never buying",
    r"staying home won",
    r"doesn'?t care",
    r"only profit",
    r"always a gamble",
    r"now it'?s just",
    r"law is",
    r"not worth it",
    r"might cancel",
    r"were better",
    r"price rises?",
    r"gone up",
    r"lost its",
)
INSULT = _words(
    r"idiots?",
    r"morons?",
    r"stupid",
    r"dumb",
    r"scum",
    r"clowns?",
    r"losers?",
    r"imbeciles?",
    r"pathetic losers",
    r"f+\*+k (?:you|off|your)",
    r"fuck (?:you|off|your|ur)",
    r"f u",
    r"screw you",
    r"go to hell",
    r"die",
    r"kill (?:you|yourself)",
    r"thie(?:f|ves)",
    r"crooks?",
    r"frauds?",
    r"scammers?",
    r"liars?",
    r"useless (?:idiots?|people|person|staff|bunch)",
    r"absolute (?:idiot|moron|clown|joke)",
    r"incompetent (?:idiots?|clowns?|fools?)",
    r"shut up",
    r"trash company",
    r"bunch of",
)
SPAM_STRONG = _words(
    r"follow back",
    r"followforfollow",
    r"free followers",
    r"crypto",
    r"bitcoin",
    r"nft",
    r"airdrop",
    r"vbucks",
    r"generator",
    r"casino",
    r"giveaway",
    r"dm (?:me |us )?for rates",
    r"collab",
    r"link in bio",
    r"flagged for a violation",
    r"earn \$?\d+",
    r"make money",
)
SPAM = _words(
    r"follow (?:back|me|us)",
    r"free followers",
    r"followers",
    r"crypto",
    r"bitcoin",
    r"nft",
    r"airdrop",
    r"earn \$?\d+",
    r"make money",
    r"click (?:here|the link)",
    r"dm (?:me|us) for",
    r"promo code",
    r"giveaway",
    r"\d+% off",
    r"discount code",
    r"cheap",
    r"buy now",
    r"limited offer",
    r"check (?:out )?my (?:profile|page|channel|shop|store|bio)",
    r"link in bio",
    r"collab",
    r"promotion",
    r"boost your",
    r"verify (?:here|your account)",
    r"flagged for a violation",
    r"win big",
    r"casino",
    r"betting",
    r"likes?",
    r"sponsor",
    r"feature you",
    r"dm us",
)
SARCASM = re.compile(
    r"(?:^|[\s.!,])(?:great|love|thanks|perfect|brilliant|awesome|nice|wonderful)\b[^.!?]{0,40}"
    r"(?:again|another|crash\w*|broken|freez\w*|down|stop\w*|drain\w*|\bnot\b|never)|"
    r"\b(?:great|love|thanks|perfect|brilliant)\b.{0,8}(?:🙄|😒|🤦|🙃)|"
    r"(?:again|another)\b[^.!?]{0,30}(?:great|love|brilliant|fantastic|wonderful)\b",
    re.IGNORECASE,
)
RESOLVED = _words(
    r"seems to be working",
    r"seems to work",
    r"working at this stage",
    r"at the mo",
    r"fingers crossed",
    r"will let you know",
    r"nvm",
    r"never ?mind",
    r"found it",
    r"works now",
    r"it works",
    r"working now",
)
THANKED_FIX = re.compile(
    r"\b(?:thanks?|thank you|cheers)\b.{0,25}\b(?:fix\w*|sort\w*|resolv\w*|solv\w*)", re.IGNORECASE
)
QUESTION_START = re.compile(
    r"^\W*(?:what'?s|whats|what|how|where|when|why|which|who|do|does|did|is|are|can|could|will|"
    r"would|should|has|have|any)\b",
    re.IGNORECASE,
)
FIRST_PERSON = re.compile(r"\b(?:my|our|i|i'?m|i'?ve|we|me)\b", re.IGNORECASE)
# Shouting words; a rant is three or more of them and no lower case. Kept as two simple tests:
# one pattern for the whole rant backtracks exponentially on long capitals.
SHOUTED_WORD = re.compile(r"[A-Z]{3,}")
MENTIONS_OR_LINKS = re.compile(r"@[\w.@-]+|https?://\S+|www\.\S+")
# The bare-domain arm starts only where a run of name characters starts, and never gives back
# what it took: "a-a-a-…" from a stranger is read once, not once per position (quadratic).
LINKS = re.compile(
    r"https?://\S+|www\.\S+|(?<![a-z0-9-])[a-z0-9-]++\.(?:xyz|biz|ly|io|link|click|top)/\S*",
    re.IGNORECASE,
)


def plain_text(text: str, network: str | None = None) -> str:
    """What the person wrote, as plain text: Mastodon's HTML converted, X's escapes undone."""
    if network == "mastodon" or ("<" in text and re.search(r"</?(?:p|br|a|span)\b", text)):
        return html_text.to_plain(text)
    return html.unescape(text)


# X's longest posts (25,000 characters) are the longest any network carries.
MAX_READ_CHARS = 25_000


def classify(
    text: str,
    *,
    network: str | None = None,
    author_flags: frozenset[str] = frozenset(),
    author_history: int = 0,
) -> Triage:
    """``author_flags`` and ``author_history`` (earlier mentions from this person) inform only
    the reasons here; priority() weighs them."""
    text = text if isinstance(text, str) else ""
    # Nothing a network would carry is longer; past it a stranger's text is read in part.
    cut = len(text) > MAX_READ_CHARS
    plain = plain_text(text[:MAX_READ_CHARS], network)
    body = MENTIONS_OR_LINKS.sub(" ", plain).strip()
    score, carriers = sentiment(body)
    category, reasons = _decide(plain, body, score)
    if cut:
        reasons.append(f"very long: only the first {MAX_READ_CHARS:,} characters were read")
    if AuthorFlag.TROLL in author_flags and category != Category.ABUSE:
        reasons.append("author flagged as a troll")
    if author_history >= 3:
        reasons.append(f"{author_history} earlier mentions from this person")
    if carriers and category in (Category.COMPLAINT, Category.CRITICISM, Category.PRAISE):
        reasons.append("tone: " + ", ".join(f'"{w}"' for w in carriers))
    return Triage(category.value, round(score, 3), tuple(reasons), ACTIONS[category])


def _found(pattern: re.Pattern, text: str) -> list[str]:
    return list(dict.fromkeys(m.group(0).lower() for m in pattern.finditer(text)))[:3]


def _quote(words: list[str]) -> str:
    return ", ".join(f'"{w}"' for w in words)


class _Signals:
    """Each word list is searched only when a rule asks for it: most mentions are decided by the
    first rule that applies, so most lists are never searched."""

    def __init__(self, plain: str, body: str) -> None:
        self.plain, self.body = plain, body
        self._seen: dict[str, list[str]] = {}

    def __getattr__(self, name: str) -> list[str]:
        pattern, on_plain = _SIGNALS[name]
        if name not in self._seen:
            self._seen[name] = _found(pattern, self.plain if on_plain else self.body)
        return self._seen[name]


_SIGNALS = {
    "spam": (SPAM, True), "strong_spam": (SPAM_STRONG, True), "insults": (INSULT, False),
    "faults": (FAULT, False), "asks": (ASK, False), "suggests": (SUGGEST, False),
    "praise": (PRAISE, False), "critic": (CRITIC, False), "resolved": (RESOLVED, False),
}  # fmt: skip


def _decide(plain: str, body: str, score: float) -> tuple[Category, list[str]]:
    if not body or not re.search(r"\w", body):
        return Category.OTHER, ["nothing but mentions, links or symbols"]
    found = _Signals(plain, body)
    verdict = _promotion_or_abuse(found) or _problem_or_request(found, score)
    return verdict or _opinion(found, score)


def _promotion_or_abuse(found: _Signals):
    links = len(LINKS.findall(found.plain))
    free_link = links and re.search(r"\bfree\b", found.body, re.IGNORECASE)
    many_mentions = found.plain.count("@") >= 3
    if (
        found.strong_spam
        or free_link
        or (found.spam and (links or len(found.spam) >= 2 or many_mentions))
    ):
        said = found.strong_spam or found.spam or ["free"]
        return Category.SPAM, [f"promotion: {_quote(said)}"] + (
            ["links elsewhere"] if links else []
        )
    if found.insults and not (found.faults and not _aimed_at_people(found.body)):
        return Category.ABUSE, [f"insults: {_quote(found.insults)}"]
    if _is_rant(found.body) and not found.faults and not _asks(found):
        return Category.ABUSE, ["all-capitals rant with nothing specific"]
    return None


def _is_rant(body: str) -> bool:
    return not re.search("[a-z]", body) and len(SHOUTED_WORD.findall(body)) >= 3


def _asks(found: _Signals) -> bool:
    body = found.body
    return "?" in body or "¿" in body or bool(QUESTION_START.match(body)) or bool(found.asks)


def _problem_or_request(found: _Signals, score: float):
    if THANKED_FIX.search(found.body):
        return Category.PRAISE, ["thanks for a fix"]
    if found.resolved:
        return Category.OTHER, [f"the problem seems gone: {_quote(found.resolved)}"]
    if found.faults:  # praise words around a fault are sarcasm: it counts as what it means
        reasons = [f"a specific problem: {_quote(found.faults)}"]
        if SARCASM.search(found.body) or found.praise:
            reasons.append("sarcasm: praise words around a fault")
        if _asks(found):
            reasons.append("asks about it too")
        return Category.COMPLAINT, reasons
    if found.suggests and score > -0.5:
        return Category.FEEDBACK, [f"a suggestion: {_quote(found.suggests)}"]
    if _asks(found) and not found.critic:
        return Category.QUESTION, [f"asks: {_quote(found.asks)}" if found.asks else "a question"]
    return None


def _opinion(found: _Signals, score: float):
    if score <= -0.2 and not found.praise and not found.critic and FIRST_PERSON.search(found.body):
        return Category.COMPLAINT, ["negative, about the writer's own case"]
    if found.critic or (score <= -0.35 and not found.praise):
        why = f"negative opinion: {_quote(found.critic)}" if found.critic else "negative tone"
        return Category.CRITICISM, [why, "nothing specific to fix"]
    if (found.praise and score >= 0) or score >= 0.5:
        return Category.PRAISE, [f"happy: {_quote(found.praise)}" if found.praise else "happy tone"]
    return Category.OTHER, ["no question, problem, opinion or request found"]


def _aimed_at_people(body: str) -> bool:
    return bool(re.search(r"\b(?:you|your|ur|staff|people|they|team|ceo|whoever)\b", body, re.I))


# -- priority ------------------------------------------------------------------------------------
PRIORITIES = ("urgent", "high", "normal", "low")


def priority(
    triage: Triage,
    *,
    author_flags: frozenset[str] = frozenset(),
    repeat_complainer: bool = False,
    clock: ResponseClock | None = None,
) -> tuple[str, tuple[str, ...]]:
    """(urgent | high | normal | low, why). Questions and complaints are high (customer-care.md);
    a VIP, a repeat complainer, strong anger or a clock about to run out makes them urgent;
    abuse and spam are low — they get no public answer."""
    category = Category(triage.category)
    if category in (Category.ABUSE, Category.SPAM):
        return "low", ("no public answer needed",)
    if category not in (Category.QUESTION, Category.COMPLAINT):
        level, why = ("normal", [f"{category.value}: answer when the urgent ones are done"])
        if category == Category.OTHER:
            level = "low"
    else:
        level, why = "high", [f"{category.value}: customers expect an answer within the hour"]
    if category in (Category.QUESTION, Category.COMPLAINT, Category.CRITICISM):
        if AuthorFlag.VIP in author_flags:
            level, why = "urgent", [*why, "from a VIP"]
        elif repeat_complainer and category == Category.COMPLAINT:
            level, why = "urgent", [*why, "they have complained before"]
        elif triage.sentiment <= -0.75 and category == Category.COMPLAINT:
            level, why = "urgent", [*why, "very angry"]
        elif (
            clock is not None
            and clock.state in (ClockState.OVERDUE, ClockState.DUE_SOON)
            and category != Category.CRITICISM  # it may rightly go unanswered
        ):
            level, why = (
                "urgent",
                [*why, f"the response clock is {clock.state.value.replace('_', ' ')}"],
            )
    return level, tuple(why)

"""``private-data``: the customer's details shown, or asked for, in a public reply (any language).
customer-care.md, "Take it to private"."""

from __future__ import annotations

import re
from collections.abc import Iterable

from socialdesk.core.tone.base import (
    _SENTENCE,
    Finding,
    ReplyContext,
    _Draft,
    _finding,
    _sentence_start,
)
from socialdesk.core.tone.lists import _lists

# -- private data --------------------------------------------------------------------------------
_EMAIL = re.compile(r"(?<![@\w.+-])[\w.+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}\b")
_PHONE = re.compile(
    r"(?<![\w+])(?:0[1-9](?:[ .-]?\d{2}){4}"  # French style: 06 12 34 56 78
    r"|\+\d{1,3}[\s.-]?(?:\(\d{1,4}\)[\s.-]?)?\d{2,4}(?:[\s.-]?\d{2,4}){1,4}"
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
    r"Highway|Hwy|Grove|Gardens|Gdns|Row|Hill|Mews|Walk|Rise|Green|Park|Square)\b\.?"
)
_POSTCODE = re.compile(r"\b[A-Z]{1,2}\d[A-Z\d]?\s\d[A-Z]{2}\b")
# Bank accounts and national identity numbers (issue 20). An IBAN counts only when its check digits
# are right, a Spanish DNI or NIE only with its check letter: a product code is not a bank account.
_IBAN = re.compile(r"\b[A-Z]{2}\d{2}(?: ?[A-Z0-9]{4}){2,7}(?: ?[A-Z0-9]{1,3})?\b")
_NATIONAL_ID = re.compile(
    r"\b[A-Z]{2} ?\d{2} ?\d{2} ?\d{2} ?[A-D]\b"  # UK National Insurance
    r"|\b\d{3}-\d{2}-\d{4}\b"  # US Social Security
    r"|\b\d{3}\.\d{3}\.\d{3}-\d{2}\b"  # Brazilian CPF
    r"|(?i:\b(?:bsn|burgerservicenummer|nif|nir|cpf|steuer-?id|steueridentifikationsnummer|"
    r"sofinummer|ssn)\b\D{0,12})\d[\d .]{6,14}\d"  # a number named as one (NL, PT, FR, DE)
)
_SPANISH_ID = re.compile(r"\b([XYZ]-?)?(\d{7,8})-?([A-Z])\b")
_DNI_LETTERS = "TRWAGMYFPDXBNJZSQVHLCKE"
# Free and non-geographic numbers only organisations have: North American toll-free, 1800, and the
# UK's 03 and 08 ranges ("0300 123 8800", "0345 …"), never a person's line.
_TOLL_FREE = re.compile(r"^(?:\+?1[\s.-]?)?\(?(?:800|888|877|866|855|844|833)\b|^0[38]\d\d|^1800")
# Text just before a number or address that makes it the brand's own ("call us on", "our store at").
_BRAND_LEAD = re.compile(
    r"\b(?:our\s+(?:[\w/-]+\s+){0,2}(?:number|hotline|helpline|line|office|store|shop|branch"
    r"|address|hq)"
    r"|call us|ring us|text us|email us|e-mail us|contact us|reach us|visit us|find us"
    r"|message us|whatsapp|ligue|llama|llámanos|appelez|rufen sie|bel ons"
    # "call our billing team on", "ring the Harbour Street shop at"; never "call you on"
    r"|(?:call|ring|phone)\s+(?!you\b)(?:[\w'&-]+\s+){0,4}(?:on|at)"
    # "you can ring 0161 …": a number the reply tells them to call
    r"|(?:you can|please|just|or)\s+(?:call|ring|phone|text))"
    r"\b[^.!?\n]{0,30}$",
    re.IGNORECASE,
)
# What invites the customer to use an address: "email", "write to", "via", "escreva para".
_INVITES = re.compile(
    r"\b(?:e-?mail|mail|write to|writing to|contact|reach|via|escreva para|escribe a|"
    r"schreiben sie an|schreib an|écrivez à|ecrivez a|mail naar)\s*(?:us\s+)?$",
    re.IGNORECASE,
)
# The brand naming its own people: an address in the same sentence is theirs ("we've emailed
# lena@…" is not: that one is the customer's).
_OURS = re.compile(
    r"\bour\s+(?:[\w-]+\s+){0,2}(?:team|desk|department|office|people|crew|specialists|experts|"
    r"helpdesk|support|manager|managers|staff|nurses?|pharmacists?|advis[eo]rs?|agents?)\b",
    re.IGNORECASE,
)
_THEM = re.compile(r"\b(?:you|your)\b", re.IGNORECASE)
_NEGATED_ASK = re.compile(r"\b(?:don't|do not|never|no need|not)\b", re.IGNORECASE)


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


def _data_in_draft(draft: _Draft, context: ReplyContext) -> tuple[tuple[int, int], str] | None:
    text = draft.text
    brand = _brand_contacts(context)
    for pattern, kind in (
        (_EMAIL, "email address"),
        (_IBAN, "bank account number (IBAN)"),
        (_NATIONAL_ID, "national identity number"),
        (_SPANISH_ID, "national identity number"),
        (_CARD, "card or account number"),
        (_PHONE, "phone number"),
        (_REFERENCE, "order or account number"),
        (_STREET, "address"),
        (_POSTCODE, "postcode"),
    ):
        for m in pattern.finditer(text):
            if pattern is _IBAN and not _iban_checks(m[0]):
                continue
            if pattern is _SPANISH_ID and not _dni_checks(m):
                continue
            if not _is_brand_contact(m[0], kind, text[: m.start()], brand):
                return (m.start(), m.end()), kind
    return None


def _iban_checks(value: str) -> bool:
    """ISO 13616: the country and check digits moved to the end, letters as numbers, mod 97 is 1."""
    compact = value.replace(" ", "")
    if not 15 <= len(compact) <= 34:
        return False
    digits = "".join(str(int(c, 36)) for c in compact[4:] + compact[:4])
    return int(digits) % 97 == 1


def _dni_checks(m: re.Match[str]) -> bool:
    prefix, number, letter = m[1], m[2], m[3]
    if prefix:
        number = str("XYZ".index(prefix[0])) + number
    elif len(number) != 8:
        return False
    return _DNI_LETTERS[int(number) % 23] == letter


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
        if local in _lists().brand_mailboxes or domain in brand:
            return True
        # "Email our warranty team at warranty@…", "write to …": an address the reply invites
        # them to use, or one the brand names as its own in the same sentence ("our schools team
        # would love to help: schools@…"), not on a webmail service, is the brand's
        if domain.split(".")[0] in _lists().webmail:
            return False
        sentence = before[_sentence_start(before, len(before)) :]
        # "the registry team can help at registry@…": the mailbox is named after a team the
        # sentence names.
        team = re.search(
            rf"\b{re.escape(local)}\s+(?:team|office|desk|department|unit)\b", sentence, re.I
        )
        return bool(_INVITES.search(before) or _OURS.search(sentence) or team)
    if kind == "phone number" and _TOLL_FREE.match(value):
        return True
    if _BRAND_LEAD.search(before):
        return True
    # "our practice manager can go through it on 01632 …": the brand's people, reached on a number
    # the reply gives; "our team will call you on 07700 …" is the customer's.
    sentence = before[_sentence_start(before, len(before)) :]
    return bool(_OURS.search(sentence) and not _THEM.search(sentence))


def _asks_for_data(draft: _Draft) -> tuple[tuple[int, int], str] | None:
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
    r"(?:drop|leave|pop) (?:us|me|your|it)|comment|what's|what is|what was|need|"
    r"can we (?:get|have)|may we have)\b",
    re.IGNORECASE,
)
_THEIRS = re.compile(r"\byour\b|\bthe\b.*\byou|\bwhat(?:'s| is| was) the\b", re.IGNORECASE)

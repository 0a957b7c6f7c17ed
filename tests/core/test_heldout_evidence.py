"""Triage and tone checks measured on the frozen independent set (tests/data/heldout/, written
from the customer-care rules by someone who had not read the classifier; never tuned on).

``uv run pytest tests/core/test_heldout_evidence.py -s`` prints accuracy, macro-F1, per-category
recall, and per-code recall and false positives. The asserts are floors: today's scores, so a
change that makes them worse fails; issue 20's targets are higher (triage ≥ 0.90 accuracy and
≥ 0.85 macro-F1; tone ≥ 0.93 pass, every code's recall ≥ 0.8, false positives ≤ 2%)."""

import json
from collections import Counter
from pathlib import Path

from socialdesk.core import tone, triage

HELDOUT = Path(__file__).resolve().parents[1] / "data" / "heldout"
# The codes whose firing depends on the text and the mention alone (what the set labels).
TEXT_CODES = {
    "empty", "missing-apology", "no-next-step", "blames-customer", "defensive", "shouting",
    "excess-punctuation", "profanity", "negative-tone", "private-data", "robotic",
    "unthanked-praise", "feeding-troll",
}  # fmt: skip


def _rows(name, folder=HELDOUT):
    return [json.loads(line) for line in (folder / name).read_text().splitlines() if line]


def triage_scores(folder=HELDOUT):
    """Accuracy, macro-F1 and {category: (recall, F1)} on ``folder``'s mentions.jsonl."""
    rows = _rows("mentions.jsonl", folder)
    truth = [r["category"] for r in rows]
    said = [triage.classify(r["text"], network=r["network"]).category for r in rows]
    right = sum(t == s for t, s in zip(truth, said, strict=True))
    f1 = {}
    for cat in sorted(set(truth)):
        tp = sum(t == s == cat for t, s in zip(truth, said, strict=True))
        fp = sum(s == cat != t for t, s in zip(truth, said, strict=True))
        fn = sum(t == cat != s for t, s in zip(truth, said, strict=True))
        recall = tp / (tp + fn) if tp + fn else 1.0
        precision = tp / (tp + fp) if tp + fp else 1.0
        f1[cat] = (recall, 2 * precision * recall / (precision + recall or 1))
    return right / len(rows), sum(f for _r, f in f1.values()) / len(f1), f1


def tone_scores(folder=HELDOUT, codes=TEXT_CODES, name="drafts.jsonl"):
    """Share of drafts exactly right, recall per code, false positives per draft (and by code) on
    ``folder``'s ``name`` (drafts.jsonl unless told), counting only ``codes``."""
    rows = _rows(name, folder)
    hits, misses, false_pos, passed = Counter(), Counter(), Counter(), 0
    for r in rows:
        context = tone.ReplyContext(
            network=r["network"], mention_text=r["mention"], mention_category=r["mention_category"]
        )
        fired = {f.code for f in tone.check(r["draft"], context)} & codes
        wanted = set(r["codes"]) & codes  # a code that needs more than the text is not counted
        passed += fired == wanted
        for code in wanted:
            (hits if code in fired else misses)[code] += 1
        for code in fired - wanted:
            false_pos[code] += 1
    recall = {c: hits[c] / (hits[c] + misses[c]) for c in sorted(hits | misses)}
    fp_rate = sum(false_pos.values()) / len(rows)
    return passed / len(rows), recall, fp_rate, false_pos


def shown_triage_scores(name, folder=HELDOUT):
    """triage_scores, with the table printed (seen with ``-s``)."""
    accuracy, macro_f1, per = triage_scores(folder)
    print(f"\ntriage on the {name}: accuracy {accuracy:.3f}, macro-F1 {macro_f1:.3f}")
    for cat, (recall, f1) in per.items():
        print(f"  {cat:10} recall {recall:.2f}  F1 {f1:.2f}")
    return accuracy, macro_f1


def test_triage_on_the_frozen_set():
    accuracy, macro_f1 = shown_triage_scores("frozen set")
    assert accuracy >= FLOORS["accuracy"] and macro_f1 >= FLOORS["macro_f1"]


def good_flagged_and_code_rates(folder=HELDOUT, codes=TEXT_CODES, name="drafts.jsonl"):
    """False positives read two more ways: the share of good drafts (no code wanted) given any
    finding, and per code the share of drafts not wanting it that get it."""
    rows = _rows(name, folder)
    flagged, wrong, clear = 0, Counter(), Counter()
    for r in rows:
        context = tone.ReplyContext(
            network=r["network"], mention_text=r["mention"], mention_category=r["mention_category"]
        )
        fired = {f.code for f in tone.check(r["draft"], context)} & codes
        wanted = set(r["codes"]) & codes
        flagged += not wanted and bool(fired)
        for code in codes - wanted:
            clear[code] += 1
            wrong[code] += code in fired
    good = sum(not set(r["codes"]) & codes for r in rows)
    return flagged / good, {c: wrong[c] / clear[c] for c in sorted(wrong) if wrong[c]}


def test_tone_checks_on_the_frozen_set():
    passed, recall, fp_rate, false_pos = tone_scores()
    good_flagged, per_code = good_flagged_and_code_rates()
    rates = ", ".join(f"{code} {rate:.3f}" for code, rate in per_code.items())
    print(f"\ntone on the frozen set: {passed:.3f} of drafts exactly right, "
          f"false positives {fp_rate:.3f} per draft {dict(false_pos)}; good drafts flagged "
          f"{good_flagged:.3f}; per code {rates}")  # fmt: skip
    for code, r in recall.items():
        print(f"  {code:20} recall {r:.2f}")
    assert passed >= FLOORS["tone_pass"]


# Scores on 2026-12-04 before any tuning (accuracy 0.453, macro-F1 0.465, tone 0.789); after issue
# 20's word lists per language, language detection, the learned model and the new tone checks
# (accuracy 0.701, macro-F1 0.700, tone 0.832). After the logistic regression that makes the call
# (trained on five authors' 2,307 mentions, the lists' verdict standing where it is under 50% sure):
# accuracy 0.781, macro-F1 0.787; recall abuse 0.70, complaint 0.79, criticism 0.62, feedback 0.76,
# other 0.71, praise 0.77, question 0.96, spam 0.87 (were 0.67, 0.81, 0.44, 0.68, 0.65, 0.63, 0.90,
# 0.65). Tone after the shapes tuned on the odd ids of a second author's drafts
# (drafts-second.jsonl): 0.911 -> 0.932 (recall blames-customer 0.73 -> 0.82, defensive
# 0.56 -> 0.78, negative-tone 0.70 -> 0.70; false positives 0.058 -> 0.063 per draft). Raise them
# as the classifier improves, never lower. Retrained on eight authors' 4,007 mentions (three more
# mixed-category sets), a fault the lists found kept unless the model is 85% sure: accuracy 0.834,
# macro-F1 0.836; recall abuse 0.74, complaint 0.87, criticism 0.68, feedback 0.79, other 0.79,
# praise 0.82, question 0.96, spam 0.96. Retrained on eleven authors' 5,707 mentions (three more
# independent sets: the negative side, the everyday side, colloquial European languages), a fault
# asked about kept a complaint by rule, the lists standing below 30% (chosen on
# leave-one-author-out, 0.770 -> 0.790): accuracy 0.867, macro-F1 0.871; recall abuse 0.93,
# complaint 0.88, criticism 0.79, feedback 0.94, other 0.71, praise 0.82, question 0.94, spam 0.96.
# Thirteen authors' 6,707 mentions (chatter around 'other', internet slang), the lists standing
# below 50% again (the real tweets' bar), "are the"/"is the" no longer asking mid-sentence:
# accuracy 0.879, macro-F1 0.887; recall abuse 0.93, complaint 0.88, criticism 0.85, feedback
# 0.88, other 0.85, praise 0.83, question 0.92, spam 0.91. Fifteen authors' 7,707 mentions
# (threads, tone over keywords), the fault threshold in the model file and in its calibration:
# accuracy 0.882, macro-F1 0.892; recall abuse 0.93, complaint 0.88, criticism 0.85, feedback 0.88,
# other 0.88, praise 0.82, question 0.94, spam 0.91. Seventeen authors' 8,707 mentions
# (mini-reviews, world Englishes and code-switching): accuracy 0.888, macro-F1 0.899; recall abuse
# 0.93, complaint 0.84, criticism 0.91, feedback 0.91, other 0.91, praise 0.85, question 0.92,
# spam 0.91. Nineteen authors' 9,707 mentions (outage days, short posts): accuracy 0.899, macro-F1
# 0.907; recall abuse 0.93, complaint 0.89, criticism 0.94, feedback 0.91, other 0.91, praise 0.83,
# question 0.92, spam 0.91. Twenty authors' 10,207 mentions (a day in twelve inboxes): accuracy
# 0.893, macro-F1 0.905. Twenty-one authors' 10,707 (replies under brands' own posts): accuracy
# 0.902, macro-F1 0.915; recall abuse 0.96, complaint 0.88, criticism 0.91, feedback 0.88, other
# 0.94, praise 0.82, question 0.94, spam 1.00.
FLOORS = {"accuracy": 0.895, "macro_f1": 0.91, "tone_pass": 0.93}

"""Tone checks on the tuning drafts (every ``tests/data/tuning/drafts*.jsonl``: the first author's
``drafts.jsonl``, which also labels ``unfilled-template``, and an independent author's
``drafts-replies.jsonl``). ``-s`` prints recall per code and the false positives."""

from pathlib import Path

import pytest

from tests.core.test_heldout_evidence import TEXT_CODES, tone_scores

TUNING = Path(__file__).resolve().parents[1] / "data" / "tuning"
FILES = sorted(p.name for p in TUNING.glob("drafts*.jsonl"))


@pytest.mark.parametrize("name", FILES)
def test_tone_checks_on_the_tuning_set(name):
    codes = TEXT_CODES | {"unfilled-template"} | ({"other-language"} & LABELLED.get(name, set()))
    passed, recall, fp_rate, false_pos = tone_scores(TUNING, codes, name)
    print(f"\ntone on the tuning set {name}: {passed:.3f} of drafts exactly right, "
          f"false positives {fp_rate:.3f} per draft {dict(false_pos)}")  # fmt: skip
    for code, r in recall.items():
        print(f"  {code:20} recall {r:.2f}")
    assert passed >= FLOORS.get(name, 0.0)


# Both files were tuned on (the independent author's drafts-replies.jsonl scored 0.693 before
# issue 20's second round of tone work, 0.716 after the changes made before it was read);
# today's scores, as floors.
# drafts-second.jsonl, a second independent author's, scored 0.767 before it was read; its odd ids
# were tuned on and its even ids kept aside (0.765 -> 0.770 while the odd half went 0.770 -> 0.890).
# drafts-third.jsonl, a third independent author's (who also labels other-language), scored 0.816
# before it was read (odd ids 0.813, even 0.818); its odd ids were tuned on (0.813 -> 0.831) and
# the even ones kept aside (0.818 -> 0.818: a next step through a menu path, instruction verbs,
# "we should have told you" owned rather than blamed, thanks in other languages).
# drafts-fourth.jsonl, a fourth independent author's (65% good replies; also labels the codes that
# need more than the text, which are not counted), scored 0.860 before it was read (odd ids 0.876,
# even 0.844); its odd ids were tuned on (0.876 -> 0.898: a number the reply asks them to call,
# "not your fault") and the even ones kept aside (0.844 -> 0.844).
# Then, on the odd ids of all three: a next step after a shouted @handle, a plan or a code valid
# until a day, "goes out shortly"; VADER counting only at -0.8 or below (at -0.5 it fired ten times
# on the 2,400 tuning drafts and was right once). Odd ids: second 0.890 -> 0.890, third 0.836 ->
# 0.849, fourth 0.898 -> 0.907; even ids kept aside: 0.770 -> 0.775, 0.818 -> 0.822,
# 0.844 -> 0.849; the frozen set unchanged (0.932).
# drafts-fifth.jsonl, a fifth independent author's (65% good near misses), scored 0.849 before it
# was read (odd ids 0.853, even 0.844); its odd ids were tuned on (an explanation with no fix is
# defensive only when it argues: set against them, beyond doubt or denying): odd 0.853 -> 0.858,
# even 0.844 -> 0.853.
# drafts-sixth.jsonl, a sixth independent author's (half hostile, sulky, sarcastic or defensive),
# scored 0.532 before it was read (odd ids 0.525, even 0.540; most of the gap is missing-apology on
# replies to criticism and abuse, which this author asks of complaints only); its odd ids were
# tuned on (sulking, point-scoring and talking down, "Sigh.", 🙃): negative-tone found on the odd
# ids 26 -> 56 of 82, on the even ids kept aside 21 -> 27 of 67, no new false finding anywhere.
# drafts-seventh.jsonl scored 0.640 before it was read (odd ids 0.690, even 0.590); after tuning
# on its odd ids (scoring back a customer's words, "says the guy with…", staff "doing their best",
# "the notes show otherwise"), odd 0.750 and even 0.590.
# drafts-eighth.jsonl and drafts-ninth.jsonl were written from the product owner's own guide (see
# the tuning README): before they were read, 0.627 and 0.568 (odd ids 0.635 and 0.550, even 0.620
# and 0.585). The ninth's odd ids showed the brush-off (neither sorry nor a step, then always called
# negative tone) wrong on longer replies, which that author called defensive or blame; limited to a
# few words, with a longer one read as the brand's case (defensive) or their duty (blame), and
# tuning on both sets' odd ids: eighth odd 0.685, even 0.620; ninth odd 0.680, even 0.645. The
# sixth and seventh authors, who read this repository's guide with the old brush-off rule in it,
# lost by it: sixth even 0.585 -> 0.575, seventh odd 0.750 -> 0.735, even 0.590 -> 0.575.
FLOORS = {
    "drafts.jsonl": 0.99,
    "drafts-replies.jsonl": 0.94,
    "drafts-second.jsonl": 0.83,
    "drafts-third.jsonl": 0.83,
    "drafts-fourth.jsonl": 0.89,
    "drafts-fifth.jsonl": 0.85,
    "drafts-sixth.jsonl": 0.61,
    "drafts-seventh.jsonl": 0.65,
    "drafts-eighth.jsonl": 0.65,
    "drafts-ninth.jsonl": 0.66,
    "drafts-tenth.jsonl": 0.69,
    "drafts-eleventh.jsonl": 0.76,
}
# Codes only some authors labelled: the others' drafts in other languages carry no such label.
LABELLED = {
    name: {"other-language"}
    for name in (
        "drafts-third.jsonl",
        "drafts-fourth.jsonl",
        "drafts-fifth.jsonl",
        "drafts-sixth.jsonl",
        "drafts-seventh.jsonl",
    )
}

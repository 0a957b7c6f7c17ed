"""The tone checks against labelled drafts: per-code recall, false positives on good replies, and
the traps each code must not fall into. Prints the tables it asserts on (``pytest -s``).

Two sets: ``tone_cases.py``, written with the rules, and ``tone_heldout.py``, written blind from
customer-care.md by someone who never saw the rules. The held-out figures before any tuning on it
are in the closing note of issue 4; the word lists were widened after it, so it is no longer blind.
"""

from __future__ import annotations

from collections import Counter

import pytest

from socialdesk.core.tone import CODES, check
from tests.core.tone_cases import CASES
from tests.core.tone_heldout import HELD_OUT

SETS = {"written": CASES, "held-out": HELD_OUT}


@pytest.fixture(scope="module", params=SETS)
def results(request):
    return [
        (case, {f.code for f in check(case.draft, case.context)}) for case in SETS[request.param]
    ]


def test_the_labelled_set_is_big_enough_and_covers_every_code():
    assert len(CASES) >= 200
    firing = Counter(code for case in CASES for code in case.fire)
    for code, _severity in CODES:
        assert firing[code] >= 8, f"only {firing[code]} drafts where {code} must fire"
    assert sum(case.good for case in CASES) >= 50


def test_every_code_finds_at_least_nine_in_ten_of_its_drafts(results):
    hits, totals, misses = Counter(), Counter(), []
    for case, found in results:
        for code in case.fire:
            totals[code] += 1
            hits[code] += code in found
            if code not in found:
                misses.append((code, case.draft[:70], sorted(found)))
    print("\nrecall per code (hits/drafts where it must fire):")
    for code in totals:
        print(f"  {code:26s} {hits[code]:3d}/{totals[code]:<3d} {hits[code] / totals[code]:.2f}")
    low = {c: hits[c] / totals[c] for c in totals if hits[c] / totals[c] < 0.9}
    assert not low, f"recall under 0.9: {low}; missed: {misses}"


def test_good_replies_raise_almost_nothing(results):
    good = [(case, found) for case, found in results if case.good]
    flagged = [(case.draft[:70], sorted(found)) for case, found in good if found]
    rate = len(flagged) / len(good)
    print(f"\nfalse positives on good replies: {len(flagged)}/{len(good)} = {rate:.3f}")
    for draft, found in flagged:
        print(f"  {found} {draft}")
    assert rate <= 0.05, flagged


def test_the_traps_stay_quiet(results):
    fell = [
        (sorted(case.quiet & found), case.draft[:70])
        for case, found in results
        if case.quiet & found
    ]
    assert not fell

"""Triage rules one by one: categories, reasons a manager can check, priority, bad input."""

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from socialdesk.core.sla import ClockState, ResponseClock
from socialdesk.core.triage import ACTIONS, classify, plain_text, priority, read


@pytest.mark.parametrize(
    ("text", "category", "reason"),
    [
        ("@brand where is your nearest store?", "question", "where is"),
        ("@brand my order never arrived and I want a refund", "complaint", "never arrived"),
        ("@brand is the app down? can't log in", "complaint", "down"),  # fault + question
        ("@brand this f***ing app crashed again", "complaint", "crash"),  # swearing at a fault
        ("Love the new update @brand, crashes every five minutes!", "complaint", "sarcasm"),
        ("@brand you used to be good", "criticism", "used to be"),
        ("@brand you should open in Leeds", "feedback", "you should"),
        ("@brand best coffee in town 😍", "praise", "best"),
        ("@brand YOU ARE ALL IDIOTS", "abuse", "idiots"),
        ("@brand THIEVES THIEVES THIEVES", "abuse", "thieves"),
        # "never again" is an opinion with nothing to fix (criticism), not a rant that makes no
        # sense: customer-care.md's abuse is insults, harassment, nonsense, trolling
        ("@brand NO NO NO NEVER AGAIN EVER", "criticism", "never again"),
        ("@brand free followers here https://x.biz", "spam", "free followers"),
        ("@brand on my way", "other", "no question"),
        ("@brand does the app work offline?", "question", "does the"),  # a capability, no fault
        ("@brand the app went offline again", "complaint", "went offline"),
        ("@brand tried again today, same thing", "complaint", "same thing"),  # a follow-up
        ("@brand seems to work now, thanks", "other", "seems to work"),
    ],
)
def test_categories_come_with_the_words_that_decided(text, category, reason):
    result = classify(text)
    assert result.category == category
    assert any(reason in r for r in result.reasons), result.reasons
    assert result.action == ACTIONS[result.category]


def test_html_from_mastodon_and_escapes_from_x_are_read_as_plain_text():
    masto = (
        '<p><span class="h-card"><a href="https://m.example/@b">@<span>b</span></a></span>'
        " is the app down? can't log in</p>"
    )
    assert plain_text(masto, "mastodon") == "@b is the app down? can't log in"
    assert classify(masto, network="mastodon").category == "complaint"
    assert plain_text("fish &amp; chips &lt;3", "x") == "fish & chips <3"
    assert classify("@brand fish &amp; chips were cold &gt;:(", network="x").category == "complaint"


def test_sentiment_runs_from_minus_one_to_one():
    angry = classify("@brand worst service ever, absolutely furious 😡😡")
    happy = classify("@brand thank you so much, brilliant service 😍")
    assert -1 <= angry.sentiment < -0.5 and 0.5 < happy.sentiment <= 1


def test_priority_rules():
    complaint = classify("@brand my parcel never arrived")
    assert priority(complaint)[0] == "high"
    assert priority(complaint, author_flags=frozenset({"vip"}))[0] == "urgent"
    assert priority(complaint, repeat_complainer=True)[0] == "urgent"
    overdue = ResponseClock(ClockState.OVERDUE, 10)
    level, why = priority(complaint, clock=overdue)
    assert level == "urgent" and any("overdue" in w for w in why)
    assert priority(classify("@brand YOU ARE ALL IDIOTS"))[0] == "low"
    assert priority(classify("@brand love it"))[0] == "normal"
    assert priority(classify("@brand on my way"))[0] == "low"


def test_flags_and_history_show_in_the_reasons():
    result = classify("@brand hello there", author_flags=frozenset({"troll"}), author_history=5)
    assert "author flagged as a troll" in result.reasons
    assert any("5 earlier mentions" in r for r in result.reasons)


@pytest.mark.parametrize(
    "text",
    [
        "",
        "   ",
        "😀😀😀",
        "مرحبا، طلبي لم يصل",
        "x" * 1_000_000,
        "\ud83d",
        # Long capitals then one lower-case letter once backtracked for minutes, freezing sync.
        "ANGRY " * 2_000 + "x",
        "<b>&amp;" * 10_000,
    ],
)
def test_odd_input_never_raises(text):
    assert classify(text).category in ACTIONS


@settings(max_examples=200, deadline=None)
@given(st.text())
def test_any_text_gets_a_category(text):
    result = classify(text)
    assert result.category in ACTIONS and -1 <= result.sentiment <= 1


def test_a_mention_longer_than_any_network_carries_is_read_in_part_and_says_so():
    text = "My order never arrived, where is it? " + "x" * 100_000
    verdict = classify(text)
    assert verdict.category == "complaint"
    assert any("only the first 25,000 characters" in r for r in verdict.reasons)
    assert not any("only the first" in r for r in classify("where is my order?").reasons)


def test_word_lists_are_data_with_no_repeats():
    """Each phrase is in one list of one language (resources/language/<code>/*.txt)."""
    from socialdesk.resources import resource_path

    for folder in resource_path("language").iterdir():
        if not folder.is_dir():
            continue
        seen: dict[str, str] = {}
        for path in sorted(folder.glob("*.txt")):
            if path.name == "common-words.txt":
                continue
            for line in path.read_text(encoding="utf-8").splitlines():
                phrase = line.strip().lower()
                if not phrase or phrase.startswith("#"):
                    continue
                where = f"{folder.name}: {phrase!r} in {seen.get(phrase)} and {path.name}"
                assert phrase not in seen, where
                seen[phrase] = path.name


@pytest.mark.parametrize(
    ("text", "category"),
    [
        # issue 20's examples, by customer-care.md's rules
        ("@brand saved me from invoice hell", "praise"),
        ("@brand thanks for nothing", "criticism"),
        ("@brand Brilliant, my refund has been 'processing' for three weeks 👏", "complaint"),
        ("@brand no more hold music, finally fixed it", "praise"),
        ("@brand wondering if you deliver to Oslo", "question"),
        ("@brand hir in my banana bread", "complaint"),
        ("@brand könntet ihr bitte einen Dunkelmodus einbauen", "feedback"),
        ("@brand ihr seid alle Vollpfosten", "abuse"),
        ("@brand ❤️❤️❤️", "praise"),
        ("@brand 👀", "other"),
    ],
)
def test_the_families_issue_20_names(text, category):
    assert classify(text).category == category, classify(text).reasons


def test_a_mention_in_another_language_says_which_lists_read_it():
    verdict = classify("@brand mein Paket ist seit zehn Tagen unterwegs")
    assert verdict.category == "complaint"
    assert any("written in German" in r for r in verdict.reasons)


def test_a_call_the_model_is_unsure_of_says_check():
    from socialdesk.core import classifier

    model = classifier.shipped()
    assert model is not None and 0 < model.sure < 1
    sure = classify("@brand my order never arrived")
    assert sure.sure and not any(r.startswith("check:") for r in sure.reasons)
    unsure = next(
        verdict
        for text in ("@brand hmm", "@brand on my way", "@brand right then", "@brand ok so", "@b x")
        if not (verdict := classify(text)).sure
    )
    assert unsure.reasons[-1].startswith("check: ")


def test_the_learned_model_weighs_every_mention_and_names_its_words():
    from socialdesk.core import classifier

    model = classifier.shipped()
    assert model is not None and model.examples >= 700
    text = "the barista remembered my order, you lot are the best"
    reading = read(text)  # as triage asks it: the words and what the word lists saw
    guess = model.predict(reading.body, reading.signals)
    assert classify(text).category == "praise" and 0 < guess.probability <= 1
    assert abs(sum(guess.probabilities.values()) - 1) < 1e-9
    words = model.evidence(text, "praise")
    assert words and all(not w.startswith(("~", "=")) for w in words)


def test_mentions_like_one_the_manager_refiled_are_filed_the_same_way():
    from socialdesk.core.classifier import Memory

    memory = Memory([("@brand never going back to the old bank, your app is a dream", "praise")])
    verdict = classify("@brand never going back to my old bank, your app is a dream", memory=memory)
    assert verdict.category == "praise" and verdict.sure
    assert verdict.reasons[0] == "you filed similar mentions as praise"
    # unlike mentions keep triage's own call
    other = classify("@brand my parcel never arrived", memory=memory)
    assert other.category == "complaint"
    assert "you filed" not in other.reasons[0]


def test_the_shipped_model_is_the_one_the_labelled_data_trains():
    """resources/language/triage-model.json.gz is retrained by tests/core/triage_model.py whenever
    the tuning sets, the labelled cases, the word lists or the training settings change (never
    from the frozen held-out set): the file records a fingerprint of all of them."""
    from socialdesk.core.classifier import shipped
    from tests.core.triage_model import fingerprint

    model = shipped()
    assert model is not None
    assert model.trained_on == fingerprint(), "run uv run python tests/core/triage_model.py"


def test_training_is_deterministic():
    from tests.core.triage_model import train

    data = [
        ({"late": 1, "=rule:complaint": 1}, "complaint"),
        ({"love": 1, "=tone+": 1}, "praise"),
        ({"where": 1, "=?": 1}, "question"),
    ] * 5
    assert train(data).to_json() == train(data).to_json()


@pytest.mark.parametrize(
    "text",
    [
        "".join(chr(i % 0x10FFFF or 1) for i in range(7, 7 + 1_000_000 * 97, 97)),  # 1 MB of junk
        "😡😡😡",
        "🎉🙌",
        "\u200fשלום, ההזמנה שלי לא הגיעה\u200f",  # right to left, with its marks
        "\u202eelbatrofmoc ton\u202c @brand",
        "<p>My <b>order</b> &amp; <script>alert(1)</script> never <a href='x'>came</a></p>",
        "<![CDATA[ hi ]]><!-- x --><div><p></div>",
    ],
)
def test_junk_emoji_right_to_left_and_html_classify(text):
    verdict = classify(text)
    assert verdict.category in ACTIONS and verdict.reasons and -1 <= verdict.sentiment <= 1
    assert classify(text, network="mastodon").category in ACTIONS

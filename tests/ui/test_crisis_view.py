"""The demo's crisis walked through like a user: simulate it, see the banner, draft the statement
for each account, pause the client's posts, mark the crisis mentions as covered (and undo), and
get the crisis tone check when answering one of them individually."""

from PySide6.QtWidgets import QInputDialog

from socialdesk.core import outbox as outbox_policy
from socialdesk.store import crises, drafts, mentions
from socialdesk.ui.feed.model import RowRole
from socialdesk.ui.statement import StatementDialog
from tests.ui.test_composer import settled, typed


def simulated(window, qtbot, monkeypatch, name="Ridgeway Cycles"):
    monkeypatch.setattr(QInputDialog, "getItem", lambda *a, **k: (name, True))
    with qtbot.waitSignal(window.controller.crises.crisesChanged, timeout=20_000,
                          check_params_cb=lambda found: bool(found)):  # fmt: skip
        window.menus.simulate_crisis.trigger()
    return next(c for c in window.controller.clients if c.name == name)


def test_the_demo_crisis_from_banner_to_covered(make_window, qtbot, monkeypatch, clock):
    window = make_window()
    assert not window.crisis_banner.isVisible()
    client = simulated(window, qtbot, monkeypatch)
    banner = window.crisis_banner
    assert banner.isVisible() and "Crisis on Ridgeway Cycles" in banner.title.text()
    assert "login" in banner.about.text() and "No statement yet" in banner.reminder.text()
    banner.details_button.click()  # one line until asked: what it is about, the spike
    # The spike's bars say what they count.
    assert banner.spark_caption.isVisible() and "per 5 min" in banner.spark_caption.text()
    assert "Negative mentions per 5 minutes over the last 2 hours" in banner.spark.toolTip()
    names = [
        window.sidebar.model().index(i, 0).data() for i in range(window.sidebar.model().rowCount())
    ]
    assert "⚠ Ridgeway Cycles — crisis" in names
    db = window.controller.workspace.db

    opened = []
    monkeypatch.setattr(StatementDialog, "exec", lambda self: opened.append(self) or 0)
    banner.statement.click()
    qtbot.waitUntil(lambda: bool(opened), timeout=10_000)
    for account in client.accounts:
        draft = drafts.live_draft(db, account.id, None)
        assert draft is not None and draft.text.startswith("To all customers affected by")
    # Every account gets its copy, each counted by its own network, its blank caught.
    dialog = opened[0]
    assert dialog.tabs.count() == len(client.accounts) >= 2
    for composer, account in zip(dialog.composers, client.accounts, strict=True):
        assert composer.target.account_id == account.id
        assert composer.text.startswith("To all customers affected by")
        assert composer.count.limit == {"x": 280, "mastodon": 500, "bluesky": 300}[account.network]
        assert "unfilled-template" in {f.code for f in composer.findings}
    # A copy with its blank left in cannot go to review; filled in, it goes, and the next opens.
    first = dialog.composers[0]
    first.mark_ready()
    assert "affected by …" in first.refusal.text() and first.isEnabled()
    with qtbot.waitSignal(first.updated, timeout=5_000):
        first.editor.setPlainText(first.text.replace("affected by …", "affected by the outage"))
    first.mark_ready()
    qtbot.waitUntil(lambda: not first.isEnabled(), timeout=10_000)
    assert dialog.tabs.tabText(0).startswith("✓") and dialog.tabs.currentIndex() == 1

    # The manager approves the statement; an hour later the banner asks for an update.
    statement = drafts.live_draft(db, client.accounts[0].id, None)
    drafts.approve(db, statement.id, outbox_policy.new_key(clock()), clock())
    with qtbot.waitSignal(window.controller.crises.crisesChanged, timeout=10_000):
        window.controller.crises.check()
    assert "Statement approved" in banner.reminder.text()
    clock.advance(minutes=61)
    with qtbot.waitSignal(window.controller.crises.crisesChanged, timeout=10_000):
        window.controller.crises.check()
    assert "time to post an update" in banner.reminder.text()

    banner.pause.click()
    qtbot.waitUntil(lambda: any(c.id == client.id and c.outbox_paused
                                for c in window.controller.clients), timeout=10_000)  # fmt: skip
    record = crises.open_crises(db)[client.id]
    qtbot.waitUntil(lambda: crises.open_crises(db)[client.id].outbox_paused_by_crisis)

    banner.cover.click()
    qtbot.waitUntil(lambda: "Covered" in window.statusBar().currentMessage(), timeout=10_000)
    covered = [r[0] for r in db.query("SELECT id FROM mention WHERE crisis_id = ?", (record.id,))]
    assert len(covered) >= 40
    assert {r.status for r in mentions.rows_by_id(db, covered)} == {"done"}
    window.controller.undo()
    qtbot.waitUntil(lambda: db.query(
        "SELECT count(*) FROM mention WHERE crisis_id = ?", (record.id,))[0][0] == 0)  # fmt: skip


def test_answering_a_crisis_mention_one_by_one_gets_the_crisis_check(make_window, qtbot,
                                                                     monkeypatch):  # fmt: skip
    window = make_window()
    client = simulated(window, qtbot, monkeypatch)
    window.feed_panel.filters.search.setText("outage")
    window.feed_panel.filters._search_now()
    qtbot.waitUntil(lambda: window.feed_model.rowCount() > 0, timeout=10_000)
    rows = [window.feed_model.index(i).data(RowRole) for i in range(window.feed_model.rowCount())]
    row = next(r for r in rows if r.client_id == client.id)
    window.feed.setCurrentIndex(window.feed_model.index(window.feed_model.row_for(row.id)))
    settled(window, qtbot)
    window.actions.reply.trigger()
    typed(window, qtbot, "So sorry about this, we are looking into it now.")
    codes = {f.code for f in window.composer.findings}
    assert "crisis-individual-reply" in codes

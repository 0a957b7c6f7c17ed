"""The workspace controller turns each change into what the views hear, and its actions go
through the shared context (written on the writer thread, undoable)."""

from socialdesk.app.context import Changes
from socialdesk.core.models import MentionStatus
from socialdesk.store import mentions
from tests.app.conftest import mention_ids


def test_a_change_reaches_the_views_as_their_signals_then_whole(qtbot, controller):
    heard = []
    controller.mentionChanged.connect(lambda i: heard.append(("changed", i)))
    controller.mentionsAdded.connect(lambda ids: heard.append(("added", ids)))
    controller.changed.connect(lambda c: heard.append(("whole", c)))
    changes = Changes(mentions=(1, 2), arrived=(3,), clients=True)
    with qtbot.waitSignal(controller.clientsChanged):  # the client list is read again
        controller.context.report(changes)
    assert heard == [("changed", 1), ("changed", 2), ("added", [3]), ("whole", changes)]


def test_an_account_change_reads_the_clients_again_and_syncs(qtbot, controller):
    heard = []
    controller.clientsChanged.connect(lambda _clients: heard.append("clients"))
    controller.syncStateChanged.connect(heard.append)
    controller.context.report(Changes(accounts=True))
    assert heard == ["Checking for new mentions…"]  # at once; the clients when read
    synced = lambda: any(h.startswith("Synced") for h in heard)  # noqa: E731
    qtbot.waitUntil(lambda: "clients" in heard and synced(), timeout=10_000)


def test_a_status_change_is_undone_with_ctrl_z(qtbot, controller):
    db = controller.workspace.db
    first = mention_ids(db)[0]
    with qtbot.waitSignal(controller.undoChanged):
        controller.set_status([first], MentionStatus.DONE)
    assert controller.undo_text == "Marked done 1 mention"
    assert mentions.mention_row(db, first).status == MentionStatus.DONE
    with qtbot.waitSignal(controller.mentionChanged):
        controller.undo()
    assert mentions.mention_row(db, first).status == MentionStatus.NEW
    assert controller.undo_text is None


def test_flagging_an_author_says_which_flag_and_is_undone_with_ctrl_z(qtbot, controller):
    db = controller.workspace.db
    row = mentions.mention_row(db, mention_ids(db)[0])
    assert "vip" not in row.author_flags
    with qtbot.waitSignal(controller.undoChanged):
        controller.flag_author(row, "vip", True)
    assert controller.undo_text == f"Flagged @{row.author_handle} as vip"
    assert "vip" in mentions.mention_row(db, row.id).author_flags
    with qtbot.waitSignal(controller.mentionChanged):
        controller.undo()
    assert "vip" not in mentions.mention_row(db, row.id).author_flags


def test_a_failure_is_said_once_in_words(qtbot, controller):
    with qtbot.waitSignal(controller.failed) as failed:
        controller.fail(RuntimeError("The database is locked."))
    assert failed.args == ["The database is locked."]


def test_the_diagnostics_name_the_workspace_and_what_the_ui_adds(controller):
    text = controller.diagnostics({"Qt": "6.x"})
    assert "Qt: 6.x" in text and "Workspace: demo" in text and "Database: " in text

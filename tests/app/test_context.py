"""The controllers' shared context: one way to write, report what changed, fail and undo."""

from socialdesk.app.context import Changes
from socialdesk.core.models import MentionStatus
from socialdesk.services.workspace import Workspace
from socialdesk.store import mentions
from tests.app.conftest import mention_ids


def test_a_recorded_change_is_written_reported_and_undone(qtbot, context):
    db = context.db
    first = mention_ids(db)[0]

    def change():
        now = context.clock()
        mentions.set_mention_status(db, [first], MentionStatus.DONE, at=now)
        return lambda: mentions.set_mention_status(db, [first], MentionStatus.NEW, at=now)

    reported = []
    context.changed.connect(reported.append)
    with qtbot.waitSignal(context.undoChanged):
        context.record("Marked done 1 mention", [first], change)
    assert reported == [Changes(mentions=(first,), clients=True)]
    assert context.undo_text == "Marked done 1 mention"
    assert mentions.mention_row(db, first).status == MentionStatus.DONE

    with qtbot.waitSignal(context.notice) as said:
        context.undo()
    assert said.args == ["Undone: Marked done 1 mention"]
    assert context.undo_text is None
    assert mentions.mention_row(db, first).status == MentionStatus.NEW


def test_a_failed_write_is_said_in_words_and_reports_nothing(qtbot, context):
    reported = []
    context.changed.connect(reported.append)

    def broken():
        raise ValueError("The disk is full.")

    with qtbot.waitSignal(context.failed) as failed:
        context.write_and_report(broken, [1])
    assert failed.args == ["The disk is full."]
    assert reported == []


def test_nothing_to_say_is_not_reported(qtbot, context):
    reported = []
    context.changed.connect(reported.append)
    context.report(Changes())
    assert reported == []


def test_the_workspace_it_serves_is_the_one_open_now(context, db, tmp_path):
    from socialdesk.store.db import open_database

    other = open_database(tmp_path / "other.sqlite3")
    try:
        context.workspace = Workspace("live", other, lambda _account: None)
        assert context.db is other and context.networks is None
    finally:
        other.close_all()


def test_clients_and_accounts_are_found_in_the_list_as_last_read(context, account):
    from socialdesk.store import clients

    client_id, account_id = account
    context.clients = clients.list_clients(context.db, context.clock())
    assert context.client(client_id).name == "Acme"
    assert context.account(account_id).handle == "acme"
    assert context.client(999) is None and context.account(999) is None

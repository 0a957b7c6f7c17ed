"""Managing clients through the controller: add, edit, archive and restore, delete with undo —
on a real store and the task runner's threads, without a window."""

from socialdesk.app.clients import ClientEdit
from socialdesk.store import client_lifecycle
from socialdesk.store.clients import ClientNameError
from socialdesk.store.mentions import MentionFilter


def _names(controller) -> list[str]:
    return [c.name for c in controller.clients]


def test_adding_a_client_lists_it_and_a_taken_name_is_refused_in_words(qtbot, controller):
    admin = controller.client_admin
    with qtbot.waitSignal(admin.added) as added:
        admin.add(
            ClientEdit("Globex", "#00aa00", 30, {"mon": [["09:00", "17:00"]]}, "Europe/Paris")
        )
    qtbot.waitUntil(lambda: _names(controller) == ["Acme", "Globex"], timeout=10_000)
    globex = controller.context.client(added.args[0])
    assert (globex.colour, globex.response_target_minutes, globex.timezone) == (
        "#00aa00", 30, "Europe/Paris",
    )  # fmt: skip
    refused: list[BaseException] = []
    admin.add(ClientEdit("  globex "), failed=refused.append)
    qtbot.waitUntil(lambda: bool(refused), timeout=10_000)
    assert isinstance(refused[0], ClientNameError) and "already a client" in str(refused[0])


def test_renaming_and_a_new_target_reach_the_sidebar_and_the_clocks(qtbot, controller):
    admin = controller.client_admin
    [acme] = controller.clients
    before = {r.id: r.due_at for r in controller.page(MentionFilter(), 0, 10)}
    admin.edit(acme.id, ClientEdit("Acme Coffee", acme.colour, 15, None, "UTC"))
    qtbot.waitUntil(lambda: _names(controller) == ["Acme Coffee"], timeout=10_000)
    after = {r.id: r.due_at for r in controller.page(MentionFilter(), 0, 10)}
    assert all((before[i] - after[i]).total_seconds() == 45 * 60 for i in before)


def test_archive_hides_the_client_and_its_mentions_and_restore_brings_them_back(qtbot, controller):
    admin = controller.client_admin
    [acme] = controller.clients
    assert controller.count(MentionFilter()) == 3
    with qtbot.waitSignal(admin.archivedChanged, timeout=10_000):
        admin.archive(acme.id)
    qtbot.waitUntil(lambda: controller.clients == [], timeout=10_000)
    assert [c.name for c in admin.archived] == ["Acme"]
    assert controller.count(MentionFilter()) == 0  # kept in the store, out of the inbox
    assert controller.undo_text == "Archived “Acme”"
    with qtbot.waitSignal(admin.archivedChanged, timeout=10_000):
        admin.restore(acme.id)
    qtbot.waitUntil(lambda: _names(controller) == ["Acme"], timeout=10_000)
    assert admin.archived == [] and controller.count(MentionFilter()) == 3


def test_archive_is_undone_with_ctrl_z(qtbot, controller):
    [acme] = controller.clients
    with qtbot.waitSignal(controller.undoChanged, timeout=10_000):
        controller.client_admin.archive(acme.id)
    controller.undo()
    qtbot.waitUntil(lambda: _names(controller) == ["Acme"], timeout=10_000)


def test_a_deletion_can_be_undone_until_it_is_done_for_good(qtbot, controller):
    admin = controller.client_admin
    db = controller.workspace.db
    [acme] = controller.clients
    counted = []
    admin.footprint(acme.id, counted.append)
    qtbot.waitUntil(lambda: bool(counted), timeout=10_000)
    assert (counted[0].accounts, counted[0].mentions) == (1, 3)

    with qtbot.waitSignal(admin.deletePending) as pending:
        admin.delete(acme.id)
    assert pending.args == [acme.id, "Acme", 10]
    qtbot.waitUntil(lambda: controller.clients == [], timeout=10_000)
    assert controller.count(MentionFilter()) == 0
    with qtbot.waitSignal(admin.deleteFinished, timeout=10_000):
        admin.undo_delete(acme.id)
    qtbot.waitUntil(lambda: _names(controller) == ["Acme"], timeout=10_000)
    assert controller.count(MentionFilter()) == 3 and admin.pending == []

    admin.undo_seconds = 0.05  # the real wait is ten seconds
    with qtbot.waitSignal(admin.deleteFinished, timeout=10_000):
        admin.delete(acme.id)
    assert db.query("SELECT count(*) FROM client") == [(0,)]
    assert db.query("SELECT count(*) FROM mention") == [(0,)]
    assert controller.undo_text is None  # nothing left to bring back


def test_a_deletion_the_app_was_closed_on_is_finished_at_the_next_start(qtbot, controller):
    db = controller.workspace.db
    [acme] = controller.clients
    client_lifecycle.mark_deleted(db, acme.id, at=controller.clock())
    with qtbot.waitSignal(controller.client_admin.deleteFinished, timeout=10_000):
        controller.client_admin.finish_deletions()
    assert db.query("SELECT count(*) FROM client") == [(0,)]


def test_ctrl_z_undoes_a_deletion_and_stops_its_countdown(qtbot, controller):
    admin = controller.client_admin
    [acme] = controller.clients
    with qtbot.waitSignal(controller.undoChanged, timeout=10_000):
        admin.delete(acme.id)
    assert controller.undo_text == "Deleted “Acme”"
    with qtbot.waitSignal(admin.deleteFinished, timeout=10_000):
        controller.undo()
    assert admin.pending == []
    qtbot.waitUntil(lambda: _names(controller) == ["Acme"], timeout=10_000)

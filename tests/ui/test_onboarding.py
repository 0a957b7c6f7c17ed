"""First launch, the setup and client management, through the window: the two doors, leaving the
demo into the setup, every step skippable and resumed from the Workspace menu, and clients added,
renamed, archived, restored and deleted (with undo)."""

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox, QPushButton

from socialdesk.store import clients as store_clients
from socialdesk.ui.client_editor import ClientEditorDialog
from socialdesk.ui.clients import ClientsDialog
from socialdesk.ui.sidebar import Target
from tests.ui.conftest import leave_demo


@pytest.fixture
def live_window(make_window, data_dir):
    """The user's own workspace, empty: as after leaving the demo."""
    leave_demo(data_dir)
    window = make_window()
    assert not window.controller.is_demo
    return window


def _names(window) -> list[str]:
    return [c.name for c in window.controller.clients]


def _sidebar_texts(window) -> list[str]:
    return [i.data() for i in window.sidebar._walk()]


@pytest.fixture
def editor(monkeypatch, qtbot):
    """ClientEditorDialog answers with ``fill``'s values instead of waiting for a person."""
    fills = []

    def exec_(dialog):
        fills.pop(0)(dialog.form)
        dialog.save()
        qtbot.waitUntil(lambda: dialog.saved_id is not None or bool(dialog.form.error.text()))
        return dialog.result()

    monkeypatch.setattr(ClientEditorDialog, "exec", exec_)
    return fills


def test_first_launch_offers_two_doors_and_the_demo_door_keeps_the_demo(make_window, qtbot):
    window = make_window()
    onboarding = window.onboarding
    onboarding.start_if_first_launch()
    assert onboarding.showing_setup
    assert onboarding.setup.pages.currentWidget() is onboarding.setup.welcome
    assert onboarding.setup.setup_door.hasFocus() or not window.isActiveWindow()
    qtbot.mouseClick(onboarding.setup.demo_door, Qt.LeftButton)
    assert not onboarding.showing_setup and window.controller.is_demo
    assert window.controller.settings.get("welcome_done") is True
    onboarding.start_if_first_launch()  # chosen once: not asked again
    assert not onboarding.showing_setup


def test_set_up_my_clients_leaves_the_demo_into_the_setup(make_window, qtbot):
    window = make_window()
    onboarding = window.onboarding
    onboarding.start_if_first_launch()
    with qtbot.waitSignal(window.controller.ready, timeout=30_000):
        onboarding.setup.setup_door.click()
    assert not window.controller.is_demo
    qtbot.waitUntil(lambda: onboarding.showing_setup)
    assert onboarding.setup.pages.currentWidget() is onboarding.setup.client_page


def test_leaving_the_demo_lands_in_the_setup_never_an_empty_window(make_window, qtbot, monkeypatch):
    window = make_window()
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.Yes)
    with qtbot.waitSignal(window.controller.ready, timeout=30_000):
        window.leave_demo()
    setup = window.onboarding.setup
    qtbot.waitUntil(lambda: window.onboarding.showing_setup)
    assert setup.pages.currentWidget() is setup.client_page
    assert "1. Client" in setup.steps.text()


def test_setup_steps_can_be_skipped_and_resumed_from_the_workspace_menu(live_window, qtbot):
    window = live_window
    onboarding, setup = window.onboarding, window.onboarding.setup
    onboarding.start_if_first_launch()
    assert setup.pages.currentWidget() is setup.client_page

    setup.skip_client.click()  # skipped: the inbox says what to do next
    assert not onboarding.showing_setup
    empty = window.feed_panel.empty
    qtbot.waitUntil(lambda: window.feed_panel.body.currentWidget() is empty)
    assert empty.title.text() == "Set up your first client"

    onboarding.setup_action.trigger()  # back, at the first step not done
    assert onboarding.showing_setup and setup.pages.currentWidget() is setup.client_page
    setup.form.name.setFocus()
    qtbot.keyClicks(setup.form.name, "Northwind Bikes")
    qtbot.keyClick(setup.form.name, Qt.Key_Return)
    qtbot.waitUntil(lambda: setup.pages.currentWidget() is setup.accounts_page, timeout=10_000)
    assert "Northwind Bikes's accounts" in setup.accounts_intro.text()
    assert "app password" in setup.connect_buttons["bluesky"].accessibleDescription()
    assert not setup.to_sync.isEnabled()  # nothing connected yet
    qtbot.waitUntil(lambda: _names(window) == ["Northwind Bikes"], timeout=10_000)

    setup.skip_accounts.click()
    assert not onboarding.showing_setup
    assert "Northwind Bikes" in _sidebar_texts(window)

    onboarding.setup_action.trigger()  # resumes at the client's accounts
    assert setup.pages.currentWidget() is setup.accounts_page
    assert setup.client_id == window.controller.clients[0].id
    setup.skip_accounts.click()


def test_the_first_sync_shows_its_progress_and_a_count(live_window, qtbot):
    window = live_window
    db = window.controller.workspace.db
    client_id = store_clients.add_client(db, "Acme")
    store_clients.add_account(db, client_id, "mastodon", "acme", server_url="http://127.0.0.1:9")
    window.controller.refresh_clients()
    qtbot.waitUntil(lambda: _names(window) == ["Acme"], timeout=10_000)
    onboarding, setup = window.onboarding, window.onboarding.setup
    onboarding.setup_action.trigger()
    assert setup.pages.currentWidget() is setup.sync_page  # accounts there, never synced
    assert "3. First sync" in setup.steps.text()
    qtbot.waitUntil(lambda: "Your inbox holds" in setup.count.text(), timeout=30_000)
    assert setup.progress.value() == setup.progress.maximum() == 1
    assert setup.sync_said.text()  # what happened, in words (this account cannot sign in)
    setup.to_inbox.click()
    assert not onboarding.showing_setup


def test_a_client_is_added_renamed_archived_restored_and_deleted_with_undo(
    live_window, qtbot, monkeypatch, editor
):
    window = live_window
    admin = window.controller.client_admin
    dialog = ClientsDialog(admin, window.controller, window)
    qtbot.addWidget(dialog)
    assert dialog.in_use.accessibleName() == "Clients in use"

    def acme(form):
        form.name.setText("Acme")
        form.target.setValue(30)
        form.around_the_clock.setChecked(False)

    editor.append(acme)
    dialog.add_button.click()
    qtbot.waitUntil(lambda: _names(window) == ["Acme"], timeout=10_000)
    [client] = window.controller.clients
    assert client.response_target_minutes == 30
    assert client.service_hours["mon"] == [["09:00", "17:00"]] and "sat" not in client.service_hours

    editor.append(lambda form: form.name.setText("Acme Coffee"))
    dialog.select(client.id)
    dialog.edit_button.click()
    qtbot.waitUntil(lambda: _names(window) == ["Acme Coffee"], timeout=10_000)
    assert "Acme Coffee" in _sidebar_texts(window)

    dialog.select(client.id)
    dialog.archive_button.click()
    qtbot.waitUntil(lambda: _names(window) == [], timeout=10_000)
    qtbot.waitUntil(lambda: dialog.archived.count() == 1 and dialog.archived.item(0).data(
        Qt.UserRole + 1) is not None, timeout=10_000)  # fmt: skip
    assert "Acme Coffee" not in _sidebar_texts(window)
    dialog.select(client.id)
    assert dialog.restore_button.isEnabled() and not dialog.archive_button.isEnabled()
    dialog.restore_button.click()
    qtbot.waitUntil(lambda: _names(window) == ["Acme Coffee"], timeout=10_000)

    asked = []
    monkeypatch.setattr(
        QMessageBox, "question", lambda _p, _t, text, *a: asked.append(text) or QMessageBox.Yes
    )
    dialog.select(client.id)
    qtbot.keyClick(dialog.in_use, Qt.Key_Delete)
    qtbot.waitUntil(lambda: _names(window) == [], timeout=10_000)
    assert "no accounts or mentions" in asked[0] and "undo" in asked[0]
    banner = window.onboarding.undo_banner
    assert banner.isVisible() and "Deleted “Acme Coffee”" in banner.text.text()
    banner.undo_button.click()
    qtbot.waitUntil(lambda: _names(window) == ["Acme Coffee"], timeout=10_000)
    assert not banner.isVisible()

    admin.undo_seconds = 0.05  # instead of ten seconds
    dialog.select(client.id)
    dialog.delete_button.click()
    qtbot.waitUntil(lambda: not banner.isVisible(), timeout=10_000)
    db = window.controller.workspace.db
    qtbot.waitUntil(lambda: db.query("SELECT count(*) FROM client") == [(0,)], timeout=10_000)


def test_the_sidebar_and_the_workspace_menu_reach_client_management(
    live_window, qtbot, monkeypatch, editor
):
    window = live_window
    onboarding = window.onboarding
    assert onboarding.clients_action.shortcut().toString() == "Ctrl+Alt+C"
    assert onboarding.add_client_action.shortcut().toString() == "Ctrl+Alt+N"
    workspace_menu = [a.text() for a in window.menus.workspace.actions()]
    assert workspace_menu[:3] == ["Set &up…", "&Clients…", "Add clie&nt…"]
    editor.append(lambda form: form.name.setText("Globex"))
    onboarding.add_client_action.trigger()
    qtbot.waitUntil(lambda: _names(window) == ["Globex"], timeout=10_000)
    [client] = window.controller.clients
    editor.append(lambda form: form.name.setText("Globex Corp"))
    window.sidebar.editClientRequested.emit(client.id)
    qtbot.waitUntil(lambda: _names(window) == ["Globex Corp"], timeout=10_000)
    window.sidebar.archiveClientRequested.emit(client.id)
    qtbot.waitUntil(lambda: _names(window) == [], timeout=10_000)
    window.controller.undo()  # Ctrl+Z brings an archived client back
    qtbot.waitUntil(lambda: _names(window) == ["Globex Corp"], timeout=10_000)


@pytest.mark.parametrize("view", ["Review", "Outbox", "History", "Reports"])
def test_views_with_no_client_say_what_to_do_with_a_button_that_does_it(live_window, qtbot, view):
    window = live_window
    onboarding = window.onboarding
    window.sidebar.select(Target(view))
    assert window.views.currentWidget() is onboarding.no_client
    assert onboarding.no_client.title.text()
    buttons = {b.text(): b for b in onboarding.no_client.findChildren(QPushButton)}
    buttons["Set up my clients…"].click()
    assert onboarding.showing_setup


def test_deleting_a_client_with_history_says_what_goes_with_it(live_window, qtbot, monkeypatch):
    from socialdesk.store import drafts, mentions
    from socialdesk.ui.clients import confirm_delete
    from tests.factories import mention

    window = live_window
    db = window.controller.workspace.db
    client_id = store_clients.add_client(db, "Acme")
    account_id = store_clients.add_account(db, client_id, "x", "acme")
    mentions.upsert_mentions(
        db, account_id, [mention(1), mention(2), mention(3)], window.controller.clock()
    )
    drafts.save_draft(
        db, account_id=account_id, mention_id=1, text="Sorry!", cursor=6,
        now=window.controller.clock(),
    )  # fmt: skip
    window.controller.refresh_clients()
    qtbot.waitUntil(lambda: _names(window) == ["Acme"], timeout=10_000)
    asked = []
    monkeypatch.setattr(
        QMessageBox, "question", lambda _p, _t, text, *a: asked.append(text) or QMessageBox.No
    )
    confirm_delete(window, window.controller.client_admin, window.controller.clients[0], list)
    qtbot.waitUntil(lambda: bool(asked), timeout=10_000)
    assert "1 account, 3 mentions, 1 unsent draft" in asked[0]
    assert "Nothing is deleted on the networks" in asked[0]
    assert _names(window) == ["Acme"]  # answered No: nothing happened


def test_the_sidebar_client_menu_opens_from_the_keyboard(live_window, qtbot):
    from PySide6.QtCore import QPoint
    from PySide6.QtGui import QContextMenuEvent
    from PySide6.QtWidgets import QApplication, QMenu

    window = live_window
    db = window.controller.workspace.db
    client_id = store_clients.add_client(db, "Acme")
    window.controller.refresh_clients()
    qtbot.waitUntil(lambda: _names(window) == ["Acme"], timeout=10_000)
    window.onboarding.hide_setup()
    sidebar = window.sidebar
    sidebar.select(Target("Inbox", client_id=client_id))
    # The menu key: a keyboard context-menu event with no meaningful position.
    event = QContextMenuEvent(QContextMenuEvent.Keyboard, QPoint(-1, -1), QPoint(0, 0))
    QApplication.sendEvent(sidebar.viewport(), event)
    [menu] = [m for m in sidebar.findChildren(QMenu) if m.isVisible()]
    texts = [a.text() for a in menu.actions()]
    assert {"&Edit client…", "&Archive client", "&Delete client…", "Add &client…"} <= set(texts)
    menu.close()

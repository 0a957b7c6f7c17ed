"""Connecting an account from the dialogs, against a Bluesky-shaped server on 127.0.0.1 and a
real Secret Service."""

import pytest
from PySide6.QtWidgets import QMessageBox

from socialdesk.config import Settings
from socialdesk.credentials import CredentialKey, CredentialStore
from tests.conftest import needs_secret_service
from tests.networks.bluesky_server import APP_PASSWORD, HANDLE, BlueskyServer

pytestmark = needs_secret_service


@pytest.fixture
def live_window(make_window, data_dir, secret_service):
    from keyring.backends.SecretService import Keyring

    settings = Settings.load(data_dir)
    settings.set("demo_dismissed", True)
    settings.save()
    window = make_window()
    assert not window.controller.is_demo
    window.controller.workspace.networks.store = CredentialStore(Keyring())
    return window


def test_adding_a_bluesky_account_then_signing_out_and_removing_it(
    live_window, qtbot, monkeypatch, data_dir, caplog
):
    from socialdesk.ui.accounts import AccountsDialog, AddAccountDialog

    caplog.set_level("DEBUG")
    window = live_window
    controller = window.controller
    server = BlueskyServer()
    try:
        add = AddAccountDialog(controller.accounts, controller)
        qtbot.addWidget(add)
        add.client.setCurrentText("Northwind Bikes")
        add.network.setCurrentIndex(add.network.findData("bluesky"))
        add.handle.setText(f"@{HANDLE}")
        add.pds.setText(server.url)
        add.password.setText("wrong-password")
        add.connect_bluesky()
        qtbot.waitUntil(lambda: "did not accept" in add.status.text(), timeout=10_000)
        assert not add.result()

        add.password.setText(APP_PASSWORD)
        add.connect_bluesky()
        qtbot.waitUntil(lambda: add.result() == add.DialogCode.Accepted, timeout=10_000)
        store = controller.workspace.networks.store
        assert store.load(CredentialKey("bluesky", f"{HANDLE}#1", "app_password")) == APP_PASSWORD
        qtbot.waitUntil(lambda: any(c.accounts for c in controller.clients), timeout=10_000)
        [client] = controller.clients
        assert client.name == "Northwind Bikes" and client.accounts[0].handle == HANDLE

        dialog = AccountsDialog(controller.accounts, controller)
        qtbot.addWidget(dialog)
        dialog.list.setCurrentRow(0)
        assert "Northwind Bikes · Bluesky @" in dialog.list.item(0).text()
        dialog.test()
        qtbot.waitUntil(lambda: "works" in dialog.status.text(), timeout=10_000)
        dialog.sign_out()
        qtbot.waitUntil(lambda: "Signed out" in dialog.status.text(), timeout=10_000)
        assert store.load(CredentialKey("bluesky", f"{HANDLE}#1", "app_password")) is None

        # Signing in again keeps the account (and its history) and renews only its secrets.
        again = AddAccountDialog(controller.accounts, controller, again=dialog._current())
        qtbot.addWidget(again)
        assert not again.handle.isEnabled() and again.handle.text() == HANDLE
        again.password.setText(APP_PASSWORD)
        again.connect_bluesky()
        qtbot.waitUntil(lambda: again.result() == again.DialogCode.Accepted, timeout=10_000)
        assert store.load(CredentialKey("bluesky", f"{HANDLE}#1", "app_password")) == APP_PASSWORD
        assert sum(len(c.accounts) for c in controller.clients) == 1

        # With the app's own files written (settings, window layout, database, log): the
        # password and the session tokens are in none of them.
        qtbot.waitUntil(lambda: controller.runner.pending == 0, timeout=10_000)
        window.save_layout()
        controller.settings.save()
        used = {APP_PASSWORD, *server.access, *server.refresh}
        for path in (p for p in data_dir.rglob("*") if p.is_file()):
            content = path.read_bytes()
            assert not [s for s in used if s.encode() in content], path
        assert not [s for s in used if s in caplog.text]
        monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.Yes)
        dialog.list.setCurrentRow(0)
        dialog.remove()
        qtbot.waitUntil(lambda: not any(c.accounts for c in controller.clients), timeout=10_000)
    finally:
        server.close()


def test_the_demo_says_where_real_accounts_go(make_window, qtbot):
    from socialdesk.ui.accounts import AccountsDialog

    window = make_window()
    dialog = AccountsDialog(window.controller.accounts, window.controller)
    qtbot.addWidget(dialog)
    assert not dialog.add_button.isEnabled() and "Leave the demo" in dialog.status.text()


def test_a_whole_mastodon_handle_signs_in_on_the_server_its_domain_names(
    make_window, qtbot, monkeypatch
):
    """ "@alice@example.com" may live on social.example.com: the dialog asks the domain
    (WebFinger, tests/realnet checks it against a real server) and signs in there."""
    from socialdesk.services import sign_in as service
    from socialdesk.ui.accounts import AddAccountDialog

    window = make_window()
    controller = window.controller
    asked, signed_in_on = [], []
    monkeypatch.setattr(
        service, "find_mastodon_server",
        lambda _networks, typed, **_kw: asked.append(typed) or "https://social.example.com",
    )  # fmt: skip
    monkeypatch.setattr(
        controller.accounts, "sign_in_mastodon",
        lambda server, done, failed: signed_in_on.append(server),
    )  # fmt: skip
    add = AddAccountDialog(controller.accounts, controller)
    qtbot.addWidget(add)
    add.client.setCurrentText("Northwind Bikes")
    add.network.setCurrentIndex(add.network.findData("mastodon"))
    add.server.setText("@alice@example.com")
    add.sign_in_mastodon()
    qtbot.waitUntil(lambda: bool(signed_in_on), timeout=10_000)
    assert asked == ["@alice@example.com"] and signed_in_on == ["https://social.example.com"]

"""The Qt face of connecting accounts: every network call and keyring access runs on the task
runner; the dialog hears back by callbacks on the UI thread."""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QUrl, Signal
from PySide6.QtGui import QDesktopServices

from socialdesk.app.context import AppContext, Changes
from socialdesk.services import accounts, sign_in
from socialdesk.store import client_lifecycle, clients

log = logging.getLogger(__name__)

Done = Callable[[object], None]
Failed = Callable[[BaseException], None]


class AccountsController(QObject):
    # The browser is opened on the UI thread: a worker emits, Qt queues the call across.
    openUrl = Signal(str)

    def __init__(self, context: AppContext, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.ctx = context
        self.openUrl.connect(lambda url: QDesktopServices.openUrl(QUrl(url)))
        self._cancel = threading.Event()  # set: the browser sign-in under way stops waiting

    def cancel_sign_in(self) -> None:
        """The user closed the dialog (or the app): stop waiting for the browser, free the port."""
        self._cancel.set()

    def _new_sign_in(self) -> threading.Event:
        self._cancel.set()  # one browser sign-in at a time
        self._cancel = threading.Event()
        return self._cancel

    @property
    def available(self) -> str | None:
        """None when accounts can be connected here; otherwise why not, in plain words."""
        if self.ctx.networks is None:
            return (
                "This is the demo workspace: its accounts are fictional. Leave the demo "
                "(Workspace menu) to connect your own accounts."
            )
        return None

    @property
    def _networks(self) -> accounts.LiveNetworks:
        return self.ctx.networks  # type: ignore[return-value]  # None only in the demo: available

    @staticmethod
    def server_url(text: str) -> str:
        """What the user typed as their Mastodon server (a host, a URL or their whole handle) as
        the server's base URL; ValueError with a plain message when it cannot be one."""
        return sign_in.server_url(text)

    def check_keyring(self, done: Done) -> None:
        """What is wrong with the keyring (None when it works), without storing anything."""
        self.ctx.run(self._networks.store.check, done, lambda exc: done(str(exc)))

    def add(self, client_name: str, network: str, handle: str, server: str | None,
            secrets: dict[str, str], done: Done, failed: Failed) -> None:  # fmt: skip
        """Connect the account for the client named ``client_name`` (created if new, and only
        kept if the account connects)."""
        db, networks, now = self.ctx.db, self._networks, self.ctx.clock()

        def add() -> int:
            client_id = clients.client_id_by_name(db, client_name)
            new = client_id is None
            if client_id is None:
                client_id = clients.add_client(db, client_name.strip(), at=now)
            try:
                return accounts.add_account(
                    db, networks, client_id=client_id, network=network, handle=handle,
                    server_url=server, secrets=secrets, at=now,
                )  # fmt: skip
            except Exception:
                if new:
                    client_lifecycle.delete_client(db, client_id)
                raise

        self.ctx.run(add, lambda account_id: self._changed(done, account_id), failed)

    def reauthenticate(
        self, account_id: int, secrets: dict[str, Any], done: Done, failed: Failed
    ) -> None:
        db, networks = self.ctx.db, self._networks
        self.ctx.run(
            lambda: accounts.reauthenticate(db, networks, account_id, secrets),
            lambda who: self._changed(done, who),
            failed,
        )

    def find_mastodon_server(self, typed: str, done: Done, failed: Failed) -> None:
        """done(server URL) for what the user typed as their server: a whole handle is looked
        up with WebFinger on its domain (@alice@example.com may live on social.example.com)."""
        networks = self._networks
        self.ctx.run(lambda: sign_in.find_mastodon_server(networks, typed), done, failed)

    def sign_in_mastodon(self, server: str, done: Done, failed: Failed) -> None:
        """The browser flow: done(secrets) once the user said yes in their browser."""
        networks, cancel = self._networks, self._new_sign_in()
        self.ctx.run(
            lambda: sign_in.connect_mastodon(networks, server, self.openUrl.emit, cancelled=cancel),
            done,
            failed,
        )

    def sign_in_x(
        self, client_id: str, port: int, post_only: bool, done: Done, failed: Failed
    ) -> None:
        networks, now, cancel = self._networks, self.ctx.clock(), self._new_sign_in()
        self.ctx.run(
            lambda: sign_in.connect_x(
                networks,
                client_id,
                self.openUrl.emit,
                port=port,
                now=now,
                post_only=post_only,
                cancelled=cancel,
            ),
            done,
            failed,
        )

    def start_mastodon_paste(self, server: str, done: Done, failed: Failed) -> None:
        """done((url, finish)): show url, then call finish(code) on a worker for the secrets."""
        networks = self._networks
        self.ctx.run(lambda: sign_in.start_mastodon_paste(networks, server), done, failed)

    def run(self, work: Callable[[], object], done: Done, failed: Failed) -> None:
        self.ctx.run(work, done, failed)

    def test(self, account_id: int, done: Done, failed: Failed) -> None:
        db, networks = self.ctx.db, self._networks
        self.ctx.run(lambda: accounts.test_connection(db, networks, account_id), done, failed)

    def sign_out(self, account_id: int, done: Done, failed: Failed) -> None:
        db, networks = self.ctx.db, self._networks
        self.ctx.run(
            lambda: accounts.sign_out(db, networks, account_id),
            lambda result: self._changed(done, result),
            failed,
        )

    def remove(self, account_id: int, done: Done, failed: Failed) -> None:
        db, networks = self.ctx.db, self._networks
        self.ctx.run(
            lambda: accounts.remove_account(db, networks, account_id),
            lambda result: self._changed(done, result),
            failed,
        )

    def _changed(self, done: Done, result: Any) -> None:
        self.ctx.report(Changes(accounts=True))  # the sidebar reloads and a sync starts
        done(result)

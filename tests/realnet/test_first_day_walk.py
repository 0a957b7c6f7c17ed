"""A newcomer's first day, through the window, against the real servers on 127.0.0.1: first
launch → "Set up my clients" (leaving the demo) → add a client → connect its Mastodon account
(the server's own sign-in page, approved as a browser would) and its Bluesky account (an app
password) → the first sync, with its progress → reply to each customer → review → sent, once,
on each network."""

import threading
from datetime import UTC, datetime

import httpx
import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QDesktopServices

from socialdesk.app.workspace import WorkspaceController
from socialdesk.config import Settings
from socialdesk.credentials import CredentialStore
from socialdesk.networks.http import Transport
from socialdesk.services.workspace import open_workspace
from socialdesk.store import outbox
from socialdesk.ui.accounts import AddAccountDialog
from socialdesk.ui.feed.model import RowRole
from socialdesk.ui.sidebar import Target
from tests.factories import FakeClock
from tests.services.test_sync import DictKeyring
from tests.ui.test_composer import type_text

MASTODON_ASK = "where is my order? It was due on Monday"
BLUESKY_ASK = "my order never arrived, can you check?"
REPLY = "Sorry for the wait! It ships today; DM us your order number if it has not come by Friday."


class Transports:
    """The app's connections to the servers, made as it makes them and closed after the test
    (the app leaves that to the end of its process)."""

    def __init__(self) -> None:
        self.made: list[Transport] = []

    def make(self, url: str) -> Transport:
        transport = Transport("test", url)
        self.made.append(transport)
        return transport


@pytest.fixture
def window(qtbot, tmp_path):
    from socialdesk.ui.main_window import MainWindow

    data_dir = tmp_path / "data"
    data_dir.mkdir()
    settings = Settings.load(data_dir)
    clock = FakeClock(datetime.now(UTC))  # the servers stamp posts with their own clock
    workspace = open_workspace(data_dir, demo_dismissed=False, clock=clock)
    controller = WorkspaceController(data_dir, settings, workspace, clock=clock)
    made = MainWindow(controller)
    qtbot.addWidget(made)
    made.resize(1280, 800)
    made.show()
    with qtbot.waitSignal(controller.ready, timeout=60_000):
        controller.start()
    made.transports = Transports()
    yield made
    controller.shutdown()  # the timers stop and no request is left in flight
    for transport in made.transports.made:
        transport.close()


def _browser(server_url: str, username: str):
    """The user's browser on the Mastodon server's sign-in page: they choose their account; the
    server sends the browser back to SocialDesk's loopback address."""

    def open_url(url) -> bool:
        query = dict(httpx.URL(url.toString()).params)
        form = {k: query[k] for k in ("redirect_uri", "client_id", "scope", "state")}
        threading.Thread(target=lambda: httpx.post(
            f"{server_url}/oauth/authorize", data={**form, "username": username},
            follow_redirects=True, timeout=10,
        )).start()  # fmt: skip
        return True

    return open_url


def _answer(window, qtbot, network: str) -> None:
    """Select the customer's mention on ``network``, press r, write, hand it to review."""
    model = window.feed_model
    qtbot.waitUntil(
        lambda: any(
            model.index(i).data(RowRole).network == network for i in range(model.rowCount())
        )
    )
    i = next(i for i in range(model.rowCount()) if model.index(i).data(RowRole).network == network)
    window.feed.setCurrentIndex(model.index(i))
    qtbot.waitUntil(lambda: window.detail.mention_id == model.index(i).data(RowRole).id)
    window.feed.setFocus()
    qtbot.keyClick(window.feed, Qt.Key_R)
    assert window.composer.isVisible()
    with qtbot.waitSignal(window.composer.updated, timeout=5_000):
        type_text(window.composer.editor, REPLY)
    with qtbot.waitSignal(window.replies.reviewChanged, timeout=5_000):
        qtbot.keyClick(window.composer.editor, Qt.Key_Return, Qt.ControlModifier | Qt.ShiftModifier)


def test_first_launch_to_replies_sent_on_mastodon_and_bluesky(
    window, qtbot, monkeypatch, mastodon_server, bluesky_network
):
    controller, onboarding = window.controller, window.onboarding
    setup = onboarding.setup

    # First launch: two doors. The user sets up their own clients, leaving the demo.
    onboarding.start_if_first_launch()
    assert setup.pages.currentWidget() is setup.welcome
    with qtbot.waitSignal(controller.ready, timeout=60_000):
        setup.setup_door.click()
    assert not controller.is_demo
    qtbot.waitUntil(lambda: setup.pages.currentWidget() is setup.client_page)
    networks = controller.workspace.networks
    networks.store = CredentialStore(DictKeyring())  # no desktop keyring here
    make = window.transports.make
    networks._transports = {"mastodon": make, "bluesky": make}

    # The customers wrote before the accounts were connected: the first sync brings it in.
    brand = mastodon_server.take_brand()
    mastodon_server.post("alice", f"@{brand} {MASTODON_ASK}")
    me, customer = bluesky_network.account("brand"), bluesky_network.account("customer")
    bluesky_network.mention(customer, me, BLUESKY_ASK)
    bluesky_network.process()

    # Step 1: the client.
    setup.form.name.setFocus()
    qtbot.keyClicks(setup.form.name, "Northwind Bikes")
    setup.form.target.setValue(30)
    qtbot.keyClick(setup.form.name, Qt.Key_Return)
    qtbot.waitUntil(lambda: setup.pages.currentWidget() is setup.accounts_page, timeout=10_000)
    qtbot.waitUntil(lambda: setup.connect_buttons["mastodon"].isEnabled(), timeout=10_000)

    # Step 2: its accounts, through the Add account dialog each network's button opens.
    fills = []

    def exec_(dialog):
        accepted = []
        dialog.accepted.connect(lambda: accepted.append(True))
        fills.pop(0)(dialog)  # the dialog closes itself once the account is connected
        qtbot.waitUntil(lambda: bool(accepted), timeout=60_000)
        return 1

    monkeypatch.setattr(AddAccountDialog, "exec", exec_)
    monkeypatch.setattr(QDesktopServices, "openUrl", _browser(mastodon_server.url, brand))

    def mastodon(dialog):
        assert dialog.client.currentText() == "Northwind Bikes"
        assert dialog.network.currentData() == "mastodon"
        dialog.server.setText(mastodon_server.url)
        dialog.sign_in_mastodon()

    def bluesky(dialog):
        assert dialog.network.currentData() == "bluesky"
        dialog.handle.setText(me.handle)
        dialog.password.setText(bluesky_network.app_password(me))
        dialog.pds.setText(bluesky_network.url)
        dialog.connect_bluesky()

    accounts = lambda: [a.network for c in controller.clients for a in c.accounts]  # noqa: E731
    fills.append(mastodon)
    setup.connect_buttons["mastodon"].click()
    qtbot.waitUntil(lambda: accounts() == ["mastodon"], timeout=30_000)
    fills.append(bluesky)
    setup.connect_buttons["bluesky"].click()
    qtbot.waitUntil(lambda: sorted(accounts()) == ["bluesky", "mastodon"], timeout=30_000)
    qtbot.waitUntil(setup.to_sync.isEnabled)
    assert "Mastodon @" in setup.connected.text() and "Bluesky @" in setup.connected.text()

    # Step 3: the first sync, with a bar and a count.
    setup.to_sync.click()
    qtbot.waitUntil(lambda: "Your inbox holds" in setup.count.text(), timeout=60_000)
    assert setup.progress.value() == setup.progress.maximum() == 2
    assert setup.sync_said.text().startswith("Done.")
    assert "2 of them waiting" in setup.count.text()
    setup.to_inbox.click()
    assert not onboarding.showing_setup
    assert window.feed_model.total == 2

    # Reply to each, review, and the outbox sends each once.
    _answer(window, qtbot, "mastodon")
    _answer(window, qtbot, "bluesky")
    window.sidebar.select(Target("Review"))
    review = window.review
    qtbot.waitUntil(lambda: review.list.count() == 2)
    for _ in range(2):
        review.list.setCurrentRow(0)
        qtbot.waitUntil(lambda: REPLY[:20] in review.composer.text)
        review.composer.editor.setFocus()
        with qtbot.waitSignal(window.replies.reviewChanged, timeout=10_000):
            qtbot.keyClick(review.composer.editor, Qt.Key_Return, Qt.ControlModifier)
    window.replies.send_due()
    db = controller.workspace.db
    qtbot.waitUntil(
        lambda: [i.state for i in outbox.list_items(db, controller.clock())] == ["sent", "sent"],
        timeout=60_000,
    )

    # Each customer got exactly one answer, on their own network, under their own post.
    answers = [s for s in mastodon_server.statuses_of(brand) if s.get("in_reply_to_id")]
    assert len(answers) == 1 and "It ships today" in answers[0]["content"]
    bluesky_network.process()
    with httpx.Client(base_url=bluesky_network.url, timeout=10) as c:
        feed = c.get(
            "/xrpc/com.atproto.repo.listRecords",
            params={"repo": me.did, "collection": "app.bsky.feed.post"},
        ).json()["records"]
    replies = [r["value"] for r in feed if "reply" in r["value"]]
    assert len(replies) == 1 and "It ships today" in replies[0]["text"]

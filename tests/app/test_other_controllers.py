"""Accounts, crisis and reports controllers, each on the shared context alone."""

from datetime import timedelta

import pytest

from socialdesk.app.accounts import AccountsController
from socialdesk.app.context import Changes
from socialdesk.app.crisis import CrisisController
from socialdesk.app.reports import ReportsController
from socialdesk.store import clients


def test_accounts_in_the_demo_say_why_they_cannot_be_connected(context):
    accounts = AccountsController(context, parent=context)
    assert "demo workspace" in accounts.available


def test_a_typed_mastodon_server_is_read_as_its_address(context):
    assert AccountsController.server_url("@alice@mastodon.social") == "https://mastodon.social"
    with pytest.raises(ValueError):
        AccountsController.server_url("@not a handle@")


def test_a_changed_account_is_reported_then_the_dialog_hears(qtbot, context):
    accounts = AccountsController(context, parent=context)
    heard = []
    context.changed.connect(lambda c: heard.append(c))
    accounts._changed(lambda result: heard.append(result), "added")
    assert heard == [Changes(accounts=True), "added"]


def test_crisis_pause_goes_to_the_outbox_and_reads_the_client_list(qtbot, context, account):
    client_id, _ = account
    paused = []
    crisis = CrisisController(
        context, pause_outbox=lambda cid, on: paused.append((cid, on)), parent=context
    )
    context.clients = clients.list_clients(context.db, context.clock())
    assert crisis.outbox_paused(client_id) is False
    assert crisis.outbox_paused(999) is False
    with qtbot.waitSignal(crisis.crisesChanged, timeout=10_000) as found:
        crisis.check()
    assert found.args == [[]]  # three friendly mentions: no crisis
    assert paused == []


def test_a_report_is_built_off_the_ui_thread(qtbot, context, account):
    client_id, _ = account
    reports = ReportsController(context, parent=context)
    day = context.clock().date()
    results = []
    reports.build(client_id, day - timedelta(days=6), day, results.append)
    qtbot.waitUntil(lambda: bool(results), timeout=10_000)
    assert results[0].client_id == client_id and results[0].report.start == day - timedelta(6)

"""The banner that undoes a client's deletion is seen wherever the user is when it comes: the
setup screens, the inbox, any other view."""

import pytest

from socialdesk.store import clients as store_clients
from socialdesk.ui.sidebar import Target
from tests.ui.conftest import leave_demo


@pytest.fixture
def own_window(make_window, data_dir, qtbot):
    """The user's own workspace with two clients, "Acme" and "Globex"."""
    leave_demo(data_dir)
    window = make_window()
    db = window.controller.workspace.db
    for name in ("Acme", "Globex"):
        store_clients.add_client(db, name)
    window.controller.refresh_clients()
    qtbot.waitUntil(lambda: len(window.controller.clients) == 2, timeout=10_000)
    return window


def _seen(widget) -> bool:
    """On screen: shown, every parent shown, and with room."""
    return widget.isVisible() and widget.width() > 0 and widget.height() > 0


def test_the_undo_banner_shows_over_the_setup_and_stays_in_every_view(own_window, qtbot):
    window = own_window
    onboarding, admin = window.onboarding, window.controller.client_admin
    onboarding.show_setup("client")  # Workspace > Set up…, then Clients… > Delete
    assert onboarding.showing_setup
    acme = next(c for c in window.controller.clients if c.name == "Acme")
    banner = onboarding.undo_banner
    admin.delete(acme.id)
    qtbot.waitUntil(lambda: banner.isVisibleTo(window), timeout=10_000)
    assert _seen(banner) and _seen(banner.undo_button)
    assert "Deleted “Acme”" in banner.text.text()
    qtbot.waitUntil(lambda: len(window.controller.clients) == 1, timeout=10_000)

    onboarding.hide_setup()
    for view in ("Inbox", "Outbox", "Reports"):
        window.sidebar.select(Target(view))
        assert _seen(banner), view
    banner.undo_button.click()
    qtbot.waitUntil(lambda: len(window.controller.clients) == 2, timeout=10_000)
    qtbot.waitUntil(lambda: not banner.isVisible(), timeout=10_000)

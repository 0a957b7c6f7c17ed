"""Shared test set-up. Qt renders offscreen unless a platform is chosen (e.g. xcb under Xvfb)."""

import os
import shutil
import subprocess

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest

from socialdesk.store import clients
from socialdesk.store.db import open_database
from tests.factories import T0


@pytest.fixture
def db(tmp_path):
    database = open_database(tmp_path / "store.sqlite3")
    yield database
    database.close_all()


@pytest.fixture
def account(db):
    """(client id, account id) of one client with one X account, target 60 minutes."""
    client_id = clients.add_client(db, "Acme", "#ff0000", at=T0)
    return client_id, clients.add_account(db, client_id, "x", "acme", "Acme Support", at=T0)


needs_secret_service = pytest.mark.skipif(
    not (shutil.which("dbus-daemon") and shutil.which("gnome-keyring-daemon")),
    reason="needs dbus-daemon and gnome-keyring-daemon (apt: dbus gnome-keyring)",
)


@pytest.fixture(scope="module")
def secret_service(tmp_path_factory):
    """A real Secret Service: a private D-Bus session with an unlocked GNOME Keyring, for one
    test module. Yields once the keyring answers (``--daemonize`` returns only then)."""
    saved = {k: os.environ.get(k) for k in ("HOME", "XDG_RUNTIME_DIR", "DBUS_SESSION_BUS_ADDRESS")}
    home, runtime = tmp_path_factory.mktemp("home"), tmp_path_factory.mktemp("runtime")
    runtime.chmod(0o700)
    os.environ.update(HOME=str(home), XDG_RUNTIME_DIR=str(runtime))
    bus = subprocess.Popen(
        ["dbus-daemon", "--session", "--nofork", "--print-address=1"],
        stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True,
    )  # fmt: skip
    os.environ["DBUS_SESSION_BUS_ADDRESS"] = bus.stdout.readline().strip()
    subprocess.run(
        ["gnome-keyring-daemon", "--daemonize", "--unlock", "--components=secrets"],
        input="test-password", capture_output=True, text=True, timeout=30, check=True,
    )  # fmt: skip
    yield
    bus.terminate()  # the keyring daemon leaves with its bus
    bus.wait(timeout=10)
    bus.stdout.close()  # its address was read from this pipe: left open, it leaks a file
    for key, value in saved.items():
        if value is None:
            os.environ.pop(key, None)
        else:
            os.environ[key] = value

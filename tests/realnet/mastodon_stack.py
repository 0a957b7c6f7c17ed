"""A real Mastodon API server for tests: ``mastodon-mock`` (PyPI), a stateful FastAPI server on
SQLite that implements Mastodon's REST API and is itself tested against the Mastodon.py client —
nobody here wrote it. Started once per test run on 127.0.0.1, in its own environment.

Seeded with brand accounts (one per test that needs a clean slate) and customers, each with an
access token; customers post through the API like anyone else.
"""

from __future__ import annotations

import contextlib
import socket
import subprocess
import time
from dataclasses import dataclass, field
from pathlib import Path

import httpx
import pytest

from tests.realnet import stack

BRANDS = [f"brand{n}" for n in range(40)]
CUSTOMERS = ["alice", "bob", "carol", "erin"]
START_SECONDS = 60


def token(username: str) -> str:
    return f"{username}-token"  # a mock server's fixtures, not real credentials


@dataclass
class MastodonServer:
    url: str
    process: subprocess.Popen
    _brands: list[str] = field(default_factory=lambda: list(BRANDS))

    def take_brand(self) -> str:
        """A brand account no other test has used (its notifications are its test's own)."""
        return self._brands.pop(0)

    def client(self, username: str) -> httpx.Client:
        return httpx.Client(
            base_url=self.url, timeout=10,
            headers={"Authorization": f"Bearer {token(username)}"},
        )  # fmt: skip

    def post(self, username: str, text: str, **fields) -> dict:
        """A status posted by ``username`` through the API, as their app would."""
        with self.client(username) as c:
            answer = c.post("/api/v1/statuses", json={"status": text, **fields})
        answer.raise_for_status()
        return answer.json()

    def post_many(self, posts) -> list[dict]:
        """Statuses posted by (username, text) pairs, in order, one connection per customer (a
        new connection per post makes a 500 backlog three times slower)."""
        clients: dict[str, httpx.Client] = {}
        try:
            posted = []
            for username, text in posts:
                if username not in clients:
                    clients[username] = self.client(username)
                answer = clients[username].post("/api/v1/statuses", json={"status": text})
                answer.raise_for_status()
                posted.append(answer.json())
            return posted
        finally:
            for client in clients.values():
                client.close()

    def statuses_of(self, username: str, **params) -> list[dict]:
        with self.client(username) as c:
            me = c.get("/api/v1/accounts/verify_credentials").json()
            answer = c.get(f"/api/v1/accounts/{me['id']}/statuses", params={"limit": 40, **params})
        answer.raise_for_status()
        return answer.json()

    def account_id(self, username: str) -> str:
        with self.client(username) as c:
            return c.get("/api/v1/accounts/verify_credentials").json()["id"]


def _config(path: Path, port: int, names: list[str]) -> None:
    accounts = "\n".join(
        f'[[seed.accounts]]\nusername = "{name}"\ndisplay_name = "{name.title()}"\n'
        f'access_token = "{token(name)}"\n'
        for name in names
    )
    path.write_text(
        f'domain = "127.0.0.1:{port}"\nurl_scheme = "http"\n'
        '[database]\npath = ":memory:"\n'
        f"{accounts}"
    )


def _free_port() -> int:
    with contextlib.closing(socket.socket()) as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@contextlib.contextmanager
def running_mastodon(folder: Path, accounts: list[str] | None = None):
    """mastodon-mock on a free 127.0.0.1 port, seeded with ``accounts`` (default: the brands and
    customers above), for as long as the block runs. None when it is not installed."""
    program = stack.CACHE / "mastodon" / "bin" / "mastodon_mock"
    if not program.exists():
        yield None
        return
    port = _free_port()
    config = folder / "mastodon_mock.toml"
    _config(config, port, accounts or [*BRANDS, *CUSTOMERS])
    with config.with_suffix(".log").open("w") as log:
        process = subprocess.Popen(
            [str(program), "serve", "--config", str(config), "--host", "127.0.0.1",
             "--port", str(port), "--log-level", "warning"],
            cwd=folder, stdout=log, stderr=subprocess.STDOUT,
        )  # fmt: skip
        try:
            url = f"http://127.0.0.1:{port}"
            _wait_ready(url, process, config.with_suffix(".log"))
            yield MastodonServer(url, process)
        finally:
            process.terminate()
            process.wait(timeout=10)


def _wait_ready(url: str, process: subprocess.Popen, log: Path) -> None:
    deadline = time.monotonic() + START_SECONDS
    while True:  # ready when it answers; a bounded poll, there is no signal to wait on
        if process.poll() is not None:
            raise RuntimeError(f"mastodon-mock stopped at start: {log.read_text()[-2000:]}")
        with contextlib.suppress(httpx.HTTPError):
            if httpx.get(f"{url}/api/v1/instance", timeout=2).status_code == 200:
                return
        if time.monotonic() > deadline:
            process.kill()
            raise RuntimeError("mastodon-mock did not answer within a minute")
        time.sleep(0.1)


@pytest.fixture(scope="session")
def mastodon_server(tmp_path_factory):
    with running_mastodon(tmp_path_factory.mktemp("mastodon")) as server:
        if server is None:
            stack.unavailable("mastodon-mock is not installed")
        yield server

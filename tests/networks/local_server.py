"""A small HTTP server on 127.0.0.1 for provider tests: routes answer like the real network, and
faults queued in ``faults`` replace the next answers, one each:

- ``"401"``, ``"403"``, ``"422"``, ``"500"``, ``"503"``: that status with a JSON error;
- ``"429"``: rate limited, with the network's reset headers (``rate_limit_headers``);
- ``"malformed"``: 200 with a body that is not JSON;
- ``"huge"``: 200 with a 50 MB body, streamed;
- ``"slow"``: answer after the client's timeout;
- ``"drop"``: close the connection without answering;
- ``"drop_after"``: do what was asked, then close the connection without answering.
"""

from __future__ import annotations

import contextlib
import json
import re
import threading
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlparse


@dataclass
class Request:
    method: str
    path: str
    query: dict[str, list[str]]
    headers: dict[str, str]
    body: object


Handler = Callable[[Request, re.Match], tuple[int, object] | tuple[int, object, dict]]


class LocalServer:
    def __init__(self, rate_limit_headers: dict[str, str] | None = None) -> None:
        self.routes: list[tuple[str, re.Pattern, Handler]] = []
        self.faults: deque[str] = deque()
        self.requests: list[Request] = []
        self.rate_limit_headers = rate_limit_headers or {"Retry-After": "60"}
        self._release = threading.Event()
        server = self

        class _Handler(BaseHTTPRequestHandler):
            def log_message(self, *args):
                pass

            def do_GET(self):
                server._serve(self, "GET")

            def do_POST(self):
                server._serve(self, "POST")

            def do_PUT(self):
                server._serve(self, "PUT")

        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
        self.httpd.daemon_threads = True
        self.url = f"http://127.0.0.1:{self.httpd.server_address[1]}"
        threading.Thread(target=self.httpd.serve_forever, daemon=True).start()

    def route(self, method: str, pattern: str):
        def register(fn: Handler) -> Handler:
            self.routes.append((method, re.compile(pattern + "$"), fn))
            return fn

        return register

    def close(self) -> None:
        self._release.set()
        self.httpd.shutdown()
        self.httpd.server_close()

    # -- serving ---------------------------------------------------------------------------------
    def _serve(self, http: BaseHTTPRequestHandler, method: str) -> None:
        url = urlparse(http.path)
        length = int(http.headers.get("Content-Length") or 0)
        raw = http.rfile.read(length) if length else b""
        try:
            body = json.loads(raw) if raw else None
        except ValueError:
            body = parse_qs(raw.decode())  # form-encoded (OAuth token requests)
        request = Request(
            method, url.path, parse_qs(url.query), {k.lower(): v for k, v in http.headers.items()},
            body,
        )  # fmt: skip
        self.requests.append(request)
        fault = self.faults.popleft() if self.faults else None
        if fault and fault != "drop_after":
            return self._fault(http, fault)
        for route_method, pattern, handler in self.routes:
            match = pattern.match(url.path)
            if route_method == method and match:
                status, payload, *headers = handler(request, match)
                if fault == "drop_after":  # done on the server, the answer lost on the way
                    return self._fault(http, "drop")
                return _send(http, status, payload, headers[0] if headers else {})
        return _send(http, 404, {"error": "Record not found"})

    def _fault(self, http: BaseHTTPRequestHandler, fault: str) -> None:
        if fault == "drop":
            http.close_connection = True
            http.connection.shutdown(2)
        elif fault == "slow":
            self._release.wait(3.0)
            _send(http, 200, {})
        elif fault == "malformed":
            _send_raw(http, 200, b"<html>Bad gateway</html>", "text/html")
        elif fault == "huge":
            http.send_response(200)
            http.send_header("Content-Type", "application/json")
            http.send_header("Content-Length", str(50 * 1024 * 1024))
            http.end_headers()
            chunk = b" " * (1024 * 1024)
            with contextlib.suppress(OSError):  # the client stops reading at its cap
                for _ in range(50):
                    http.wfile.write(chunk)
        elif fault == "429":
            _send(http, 429, {"error": "Too many requests"}, self.rate_limit_headers)
        else:
            _send(http, int(fault), {"error": f"Simulated {fault}"})


def _send(http, status: int, payload: object, headers: dict | None = None) -> None:
    _send_raw(http, status, json.dumps(payload).encode(), "application/json", headers)


def _send_raw(http, status, data: bytes, content_type: str, headers: dict | None = None) -> None:
    http.send_response(status)
    http.send_header("Content-Type", content_type)
    http.send_header("Content-Length", str(len(data)))
    for name, value in (headers or {}).items():
        http.send_header(name, value)
    http.end_headers()
    with contextlib.suppress(OSError):
        http.wfile.write(data)

"""The networks' official counting code as a differential oracle: ``tests/oracles/count.mjs`` run
by Node over a pipe, thousands of texts a second. Installed by ``bash tests/oracles/setup.sh``."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from pathlib import Path

HERE = Path(__file__).resolve().parent
CACHE = Path(os.environ.get("SOCIALDESK_ORACLES_CACHE", HERE.parents[1] / ".cache" / "oracles"))
STRICT = os.environ.get("SOCIALDESK_ORACLES") == "1"  # CI: a missing oracle fails, never skips
HOW_TO_ENABLE = "run `bash tests/oracles/setup.sh` once (needs Node.js) to compare with them"


def missing() -> str | None:
    """Why the oracles cannot run here, or None."""
    if not shutil.which("node"):
        return "Node.js is not installed"
    if not (CACHE / "node_modules" / "twitter-text").is_dir():
        return "the official counting code is not installed"
    return None


class Oracle:
    def __init__(self) -> None:
        shutil.copy(HERE / "count.mjs", CACHE / "count.mjs")  # resolves imports from the cache
        self._node = subprocess.Popen(
            ["node", "count.mjs"], cwd=CACHE, stdin=subprocess.PIPE, stdout=subprocess.PIPE,
            text=True, encoding="utf-8", bufsize=1,
        )  # fmt: skip

    def count(self, network: str, text: str) -> dict:
        self._node.stdin.write(json.dumps({"network": network, "text": text}) + "\n")
        self._node.stdin.flush()
        answer = json.loads(self._node.stdout.readline())
        if "error" in answer:
            raise RuntimeError(f"the oracle failed on {text!r}: {answer['error']}")
        return answer

    def close(self) -> None:
        self._node.stdin.close()
        self._node.wait(timeout=10)
        self._node.stdout.close()  # left open, Python warns at exit (an error under -W error)

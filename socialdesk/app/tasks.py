"""Run blocking work off the UI thread and hand the result back to it by signal (Anki's rule: the
operation never touches the UI; the callback, on the UI thread, does).

Reads and network calls share a small pool; writes go through one single-thread pool so two saves
can never race each other (Picard's pattern).
"""

from __future__ import annotations

import logging
import traceback
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal

log = logging.getLogger(__name__)

Work = Callable[[], Any]  # runs on a worker thread
Done = Callable[[Any], None]  # hears what the work returned, on the UI thread
Failed = Callable[[BaseException], None]  # hears what the work raised, on the UI thread


class _Relay(QObject):
    """Lives on the UI thread; the worker emits into it and Qt queues the call across threads."""

    done = Signal(object)
    failed = Signal(object)


class _Job(QRunnable):
    def __init__(self, fn: Work, relay: _Relay) -> None:
        super().__init__()
        self._fn = fn
        self._relay = relay

    def run(self) -> None:
        try:
            result = self._fn()
        except Exception as exc:  # handed to the caller's on_error; nothing may escape a worker
            log.error("Background task failed: %s\n%s", exc, traceback.format_exc())
            self._relay.failed.emit(exc)
        else:
            self._relay.done.emit(result)


class TaskRunner(QObject):
    """``run`` for reads and network calls, ``write`` for store changes (serialised)."""

    busyChanged = Signal(int)

    def __init__(self, parent: QObject | None = None, max_threads: int = 4) -> None:
        super().__init__(parent)
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(max_threads)
        self._writer = QThreadPool(self)
        self._writer.setMaxThreadCount(1)
        self._relays: set[_Relay] = set()
        self._closed = False

    def run(self, fn: Work, on_done: Done | None = None, on_error: Failed | None = None) -> None:
        if self._closed:
            return  # the app is closing: nobody is left to show what a read would return
        self._start(self._pool, fn, on_done, on_error)

    def write(self, fn: Work, on_done: Done | None = None, on_error: Failed | None = None) -> None:
        if self._closed:
            # A change asked for while closing still reaches the disk; the writer pool is idle.
            try:
                fn()
            except Exception as exc:
                log.error("Write during shutdown failed: %s", exc)
            return
        self._start(self._writer, fn, on_done, on_error)

    @property
    def pending(self) -> int:
        return len(self._relays)

    def wait_for_done(self, msecs: int = 30_000) -> bool:
        """Block until every job ended (used at shutdown so no write is cut off)."""
        return self._pool.waitForDone(msecs) and self._writer.waitForDone(msecs)

    def close(self) -> None:
        """Finish what is running and start nothing new in the background."""
        self._closed = True
        self.wait_for_done()

    def _start(
        self, pool: QThreadPool, fn: Work, on_done: Done | None, on_error: Failed | None
    ) -> None:
        # Parented to the runner and freed with deleteLater: a callback may spin the event loop
        # while the relay is still emitting, so it must outlive its own signal.
        relay = _Relay(self)
        self._relays.add(relay)

        def finish(value: Any, callback: Done | None = None) -> None:
            self._relays.discard(relay)
            relay.deleteLater()
            self.busyChanged.emit(len(self._relays))
            if callback:
                callback(value)

        relay.done.connect(lambda value: finish(value, on_done))
        relay.failed.connect(lambda exc: finish(exc, on_error or _log_unhandled))
        self.busyChanged.emit(len(self._relays))
        pool.start(_Job(fn, relay))


def _log_unhandled(exc: BaseException) -> None:
    log.error("Unhandled background error: %s", exc)

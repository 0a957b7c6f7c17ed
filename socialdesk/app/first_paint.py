"""Work that waits for the window: what only sync, sending or the crisis watch needs (the networks,
httpx, the keyring, triage's word lists) starts on the event-loop turn after the first paint, so
the window shows what is stored without waiting for it. tests/ui/test_startup_imports.py checks
that nothing of it is loaded when the window first paints."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QTimer

FALLBACK_MS = 1_000  # with no window to paint (a test, a headless run), start anyway


class FirstPaint(QObject):
    """Calls ``then`` once: just after the application first paints anything, or after
    ``fallback_ms`` if nothing paints."""

    def __init__(
        self,
        then: Callable[[], None],
        fallback_ms: int = FALLBACK_MS,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._then: Callable[[], None] | None = then
        app = QCoreApplication.instance()
        if app is None:
            raise RuntimeError("FirstPaint watches the application's paints: create it first.")
        self._app = app
        self._app.installEventFilter(self)
        self._fallback = QTimer(self, singleShot=True, interval=fallback_ms)
        self._fallback.timeout.connect(self._fire)
        self._fallback.start()

    def eventFilter(self, _watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint:
            # The window's widgets paint together; go on once they all have.
            QTimer.singleShot(0, self, self._fire)
            self._stop_watching()
        return False

    def cancel(self) -> None:
        self._then = None
        self._stop_watching()

    def _fire(self) -> None:
        then, self._then = self._then, None
        self._stop_watching()
        if then is not None:
            then()

    def _stop_watching(self) -> None:
        self._fallback.stop()
        self._app.removeEventFilter(self)

"""One SocialDesk per data folder. Two copies on one folder would both send the outbox (and both
write the drafts): a lock file in the folder is held for as long as the app runs, and a second
launch says which process has it instead of opening.

``QLockFile`` writes the holder's process id, host and name into the file and treats a lock whose
process is gone as stale, so a crash never locks the folder for good.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QLockFile

LOCK_FILE = "socialdesk.lock"


class FolderInUse(Exception):
    """Another running SocialDesk holds the folder; the message says which and what to do."""


class FolderLock:
    def __init__(self, data_dir: Path) -> None:
        self._lock = QLockFile(str(data_dir / LOCK_FILE))
        # Held for the whole run: never stale by age, only when its process is gone.
        self._lock.setStaleLockTime(0)

    def acquire(self) -> None:
        """Hold the folder, or raise FolderInUse naming the process that does."""
        if self._lock.tryLock(200):
            return
        if self._lock.error() != QLockFile.LockError.LockFailedError:
            raise FolderInUse(
                f"SocialDesk cannot lock its data folder ({self._lock.fileName()}): check that "
                "the folder can be written to."
            )
        info = self._lock.getLockInfo()  # (pid, host, app name); pid 0 when unreadable
        pid, host = (info[0], info[1]) if isinstance(info, tuple) and len(info) == 3 else (0, "")
        who = f"process {pid} on {host}" if pid and host else f"process {pid}" if pid else ""
        raise FolderInUse(
            f"SocialDesk is already open on this data folder{f' ({who})' if who else ''}. "
            "Switch to that window, or close it first — two copies at once could post a reply "
            "twice. To run a second workspace, start it with --data-dir and another folder."
        )

    def release(self) -> None:
        self._lock.unlock()

"""What can go wrong with the local database, each with a message that names the file and says
what to do. SocialDesk never overwrites or deletes a file it cannot read."""

from __future__ import annotations

from pathlib import Path


class StoreError(Exception):
    def __init__(self, message: str, path: Path) -> None:
        super().__init__(message)
        self.path = path


class CorruptDatabaseError(StoreError):
    @classmethod
    def at(cls, path: Path, reason: str) -> CorruptDatabaseError:
        return cls(
            f"SocialDesk cannot read its database {path} ({reason}). The file has been left "
            f"exactly as it is. Restore a copy from {path.parent / 'backups'} "
            "or move the file aside to start with an empty history.",
            path,
        )


class NewerSchemaError(StoreError):
    @classmethod
    def at(cls, path: Path, revision: str) -> NewerSchemaError:
        return cls(
            f"The database {path} was written by a newer version of SocialDesk "
            f"(schema {revision}). Install that version again to open it; "
            "this version has left the file untouched.",
            path,
        )


class DataFolderError(StoreError):
    @classmethod
    def at(cls, path: Path, reason: str) -> DataFolderError:
        return cls(
            f"SocialDesk cannot write to its data folder {path} ({reason}). Check the folder's "
            "permissions and free space, or choose another folder with --data-dir.",
            path,
        )


class StoreFullError(StoreError):
    @classmethod
    def at(cls, path: Path) -> StoreFullError:
        return cls(
            f"The disk holding {path} is full, so the last change was not saved. Your earlier data "
            "is intact. Free some space and try again.",
            path,
        )


class DatabaseBusyError(StoreError):
    @classmethod
    def at(cls, path: Path) -> DatabaseBusyError:
        return cls(
            f"Another program — or another SocialDesk — is using the database {path}, so this "
            "change was not saved. Close the other program (or the other SocialDesk window) and "
            "try again; nothing has been lost.",
            path,
        )

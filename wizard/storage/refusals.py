"""What the guarded file layer (files.py) says when it refuses an operation, or one fails: an
OSError that carries its explanation in the user's language."""

from __future__ import annotations

import errno
from pathlib import Path


class Refused(OSError):
    """A file operation the rules refuse, or one that failed in a way worth explaining.

    An OSError, so every caller that reports a failed write reports this too; `text(lang)` is
    the explanation in the user's language (`strerror` holds it in English)."""

    def __init__(self, key: str, path: Path | str, code: int = errno.EPERM, **values: object) -> None:
        self.key, self.path, self.values = key, Path(path), values
        super().__init__(code, self.text("en"), str(path))

    def text(self, lang: str) -> str:
        from wizard.i18n import t
        from wizard.inert import inert

        return t(self.key, lang, path=inert(str(self.path)), **self.values)


class RecordChanged(Refused):
    """A record changed by someone else since it was read: `status` is what it has now."""

    def __init__(self, path: Path | str, status: str, by: str) -> None:
        from wizard.inert import inert

        self.status = status
        super().__init__("files.changed", path, errno.EAGAIN, by=inert(by))

    def text(self, lang: str) -> str:
        from wizard.i18n import MESSAGES, t
        from wizard.inert import inert

        key = f"status.{self.status}"
        self.values["status"] = t(key, lang) if key in MESSAGES else inert(self.status)
        return super().text(lang)


def reason(error: OSError, lang: str) -> str:
    """Why a file operation failed, for a message: ours in the user's language, else the system's
    (for a refused permission, with the file and what to do)."""
    if isinstance(error, Refused):
        return error.text(lang)
    if isinstance(error, PermissionError) and error.filename:
        return Refused("files.denied", error.filename, errno.EACCES).text(lang)
    return error.strerror or str(error)

"""Write a file whole or not at all: a temporary file in the same folder, fsync, then rename.

Use it for every document, export and backup::

    with atomic_write(path) as out:          # bytes, created 0600 (personal data)
        render_itinerary(data, out, lang="de")

    with atomic_write(path, "w", private=False) as out:   # text, normal permissions
        out.write(text)

A failure (full disk, read-only folder, an exception in the ``with`` body) leaves the old file
as it was, no half file and no stray temporary file; an ``OSError`` becomes a
``FileWriteError`` whose message names the path and says what to do.
"""

from __future__ import annotations

import errno
import io
import os
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import IO, Any

from twinplanner.domain.errors import TwinPlannerError

PRIVATE_MODE = 0o600
TEMP_SUFFIX = ".tmp"


class FileWriteError(TwinPlannerError):
    """A file could not be written; the message names the path and the reason."""

    def __init__(self, message: str, *, path: Path, errno_: int | None = None) -> None:
        super().__init__(message)
        self.path = path
        self.errno = errno_


def explain_os_error(path: Path, exc: OSError, *, doing: str = "write") -> str:
    """A sentence the organiser can act on for an ``OSError`` met while writing ``path``."""
    code = exc.errno
    if code in (errno.ENOSPC, getattr(errno, "EDQUOT", -1)):
        return (
            f"Cannot {doing} {path}: the disk is full. Free some space and try again; "
            "nothing was written."
        )
    if code == errno.EROFS:
        return f"Cannot {doing} {path}: the disk or folder is read-only. Choose another folder."
    if code in (errno.EACCES, errno.EPERM):
        return (
            f"Cannot {doing} {path}: you may not write in {path.parent} (read-only or "
            "protected folder). Choose another folder."
        )
    if code == errno.ENOENT:
        return f"Cannot {doing} {path}: the folder {path.parent} does not exist."
    if code == errno.EISDIR:
        return f"Cannot {doing} {path}: it is a folder, not a file."
    reason = exc.strerror or str(exc)
    return f"Cannot {doing} {path}: {reason}."


class _FdWriter(io.RawIOBase):
    """A raw, seekable, write-only file over a descriptor, writing through ``os.write``."""

    def __init__(self, fd: int) -> None:
        super().__init__()
        self._fd = fd

    def writable(self) -> bool:
        return True

    def seekable(self) -> bool:
        return True

    def fileno(self) -> int:
        return self._fd

    def write(self, data: Any) -> int:  # type: ignore[override]
        view = memoryview(data).cast("B")
        written = 0
        while written < len(view):
            written += os.write(self._fd, view[written:])
        return written

    def seek(self, offset: int, whence: int = io.SEEK_SET) -> int:
        return os.lseek(self._fd, offset, whence)

    def tell(self) -> int:
        return os.lseek(self._fd, 0, io.SEEK_CUR)

    def truncate(self, size: int | None = None) -> int:
        size = self.tell() if size is None else size
        os.ftruncate(self._fd, size)
        return size

    def close(self) -> None:
        # The descriptor is closed by atomic_write, once, after fsync.
        super().close()


def _fsync_folder(folder: Path) -> None:
    """Make the rename itself durable (POSIX); folders cannot be opened on Windows."""
    if os.name != "posix":
        return
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _discard(fd: int | None, temp: Path | None) -> None:
    """Close and remove a temporary file after a failure, ignoring further errors."""
    if fd is not None:
        try:
            os.close(fd)
        except OSError:
            pass
    if temp is not None:
        try:
            temp.unlink()
        except OSError:
            pass


@contextmanager
def atomic_write(
    path: Path | str,
    mode: str = "wb",
    *,
    private: bool = True,
    encoding: str = "utf-8",
    newline: str | None = None,
) -> Iterator[IO[Any]]:
    """Yield a file that replaces ``path`` only when the ``with`` block succeeds.

    ``mode`` is ``"wb"`` (bytes) or ``"w"`` (text in ``encoding``). ``private`` creates the file
    readable and writable by its owner only (0600), for anything holding personal data;
    otherwise the usual permissions (0666 less the umask) apply.
    """
    if mode not in ("wb", "w"):
        raise ValueError(f"atomic_write mode must be 'wb' or 'w', not {mode!r}")
    path = Path(path)
    fd: int | None = None
    temp: Path | None = None
    try:
        fd, name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=TEMP_SUFFIX, dir=path.parent)
        temp = Path(name)
        if not private:
            umask = os.umask(0)
            os.umask(umask)
            if hasattr(os, "fchmod"):
                os.fchmod(fd, 0o666 & ~umask)
        buffered = io.BufferedWriter(_FdWriter(fd))
        stream: IO[Any]
        if mode == "w":
            stream = io.TextIOWrapper(buffered, encoding=encoding, newline=newline)
        else:
            stream = buffered  # type: ignore[assignment]
        try:
            yield stream
            stream.flush()
        except BaseException:
            try:
                # Closing flushes again; bytes still buffered after the error may fail too.
                stream.close()
            except OSError:
                pass
            raise
        stream.close()
        os.fsync(fd)
        os.close(fd)
        fd = None
        os.replace(temp, path)
        temp = None
        _fsync_folder(path.parent)
    except OSError as exc:
        _discard(fd, temp)
        raise FileWriteError(explain_os_error(path, exc), path=path, errno_=exc.errno) from exc
    except BaseException:
        _discard(fd, temp)
        raise


def write_bytes(path: Path | str, data: bytes, *, private: bool = True) -> None:
    """Write ``data`` to ``path`` whole or not at all."""
    with atomic_write(path, "wb", private=private) as out:
        out.write(data)


def write_text(
    path: Path | str, text: str, *, private: bool = True, encoding: str = "utf-8"
) -> None:
    """Write ``text`` to ``path`` whole or not at all."""
    with atomic_write(path, "w", private=private, encoding=encoding) as out:
        out.write(text)

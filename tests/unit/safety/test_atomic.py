"""Atomic writes: whole file or nothing, private permissions, clear errors on a full disk."""

from __future__ import annotations

import errno
import os
import stat
import tempfile
from pathlib import Path

import pytest

from twinplanner.domain.errors import TwinPlannerError
from twinplanner.io.atomic import FileWriteError, atomic_write, write_bytes, write_text


def _mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def _names(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir())


def test_writes_whole_file_readable_by_owner_only(tmp_path: Path) -> None:
    """A file holding personal data is created with mode 0600 and the full content."""
    target = tmp_path / "itinerary.pdf"
    with atomic_write(target) as out:
        out.write(b"%PDF-" + b"x" * 100_000)
    assert target.read_bytes()[:5] == b"%PDF-"
    assert target.stat().st_size == 100_005
    assert _mode(target) == 0o600
    assert _names(tmp_path) == ["itinerary.pdf"]


def test_public_file_follows_umask(tmp_path: Path) -> None:
    """``private=False`` gives the usual permissions (0666 less the umask)."""
    old = os.umask(0o022)
    try:
        write_text(tmp_path / "programme.ics", "BEGIN:VCALENDAR", private=False)
    finally:
        os.umask(old)
    assert _mode(tmp_path / "programme.ics") == 0o644


def test_replaces_existing_file_whole(tmp_path: Path) -> None:
    """Writing over a file replaces it completely, in text mode with the given encoding."""
    target = tmp_path / "list.csv"
    target.write_text("old content that is longer than the new one")
    write_text(target, "Ștefan;Müller\n")
    assert target.read_text(encoding="utf-8") == "Ștefan;Müller\n"


def test_error_in_body_keeps_old_file_and_leaves_no_temp(tmp_path: Path) -> None:
    """An exception while writing leaves the old file as it was and no temporary file."""
    target = tmp_path / "hosts.xlsx"
    target.write_bytes(b"old")
    with pytest.raises(RuntimeError, match="renderer failed"):
        with atomic_write(target) as out:
            out.write(b"half of a new file")
            raise RuntimeError("renderer failed")
    assert target.read_bytes() == b"old"
    assert _names(tmp_path) == ["hosts.xlsx"]


def test_full_disk_on_write_gives_clear_message_and_no_half_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """ENOSPC while writing: a TwinPlannerError naming the path and the full disk; nothing left."""
    target = tmp_path / "signatures.pdf"

    def full(fd: int, data: bytes) -> int:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(os, "write", full)
    with pytest.raises(FileWriteError) as caught:
        write_bytes(target, b"x" * 50_000)
    assert isinstance(caught.value, TwinPlannerError)
    assert str(target) in str(caught.value)
    assert "disk is full" in str(caught.value)
    monkeypatch.undo()
    assert _names(tmp_path) == []


def test_full_disk_on_fsync_keeps_old_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """ENOSPC reported by fsync (delayed allocation): the old file stays, no temporary file."""
    target = tmp_path / "export.json"
    target.write_text("{}")

    def full(fd: int) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(os, "fsync", full)
    with pytest.raises(FileWriteError, match="disk is full"):
        write_text(target, '{"people": []}')
    monkeypatch.undo()
    assert target.read_text() == "{}"
    assert _names(tmp_path) == ["export.json"]


def test_read_only_folder_gives_clear_message(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A read-only folder (EROFS when creating the temporary file) is named in the message."""

    def read_only(*args: object, **kwargs: object) -> tuple[int, str]:
        raise OSError(errno.EROFS, "Read-only file system")

    monkeypatch.setattr(tempfile, "mkstemp", read_only)
    with pytest.raises(FileWriteError, match="read-only") as caught:
        write_text(tmp_path / "out.txt", "x")
    assert str(tmp_path / "out.txt") in str(caught.value)


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0, reason="root ignores folder modes")
def test_really_read_only_folder(tmp_path: Path) -> None:
    """A folder without write permission gives a FileWriteError, not a traceback."""
    folder = tmp_path / "locked"
    folder.mkdir()
    folder.chmod(0o500)
    try:
        with pytest.raises(FileWriteError, match="may not write"):
            write_text(folder / "out.txt", "x")
    finally:
        folder.chmod(0o700)


def test_missing_folder_is_named(tmp_path: Path) -> None:
    """Writing into a folder that does not exist says which folder is missing."""
    with pytest.raises(FileWriteError, match="does not exist"):
        write_text(tmp_path / "nowhere" / "x.txt", "x")


def test_seekable_for_zip_writers(tmp_path: Path) -> None:
    """The file object seeks and tells, as zip-based writers (xlsx) need."""
    import zipfile

    target = tmp_path / "a.zip"
    with atomic_write(target) as out, zipfile.ZipFile(out, "w") as archive:
        archive.writestr("sheet.xml", "<x/>" * 1000)
    assert zipfile.ZipFile(target).read("sheet.xml") == b"<x/>" * 1000

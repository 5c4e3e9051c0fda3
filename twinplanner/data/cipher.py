"""Optional encryption of the database file with a passphrase (SQLCipher through sqlcipher3).

A plain file is opened by the standard library's ``sqlite3``; an encrypted one by
``sqlcipher3``, whose first statement on every connection is ``PRAGMA key`` (SQLCipher derives
the key from the passphrase; nothing before it may touch the file, pragmas included). The
passphrase is never written anywhere: it lives in this process's memory, in ``CipherDatabase``
while the file is open and in a small table of known passphrases per file, so that backups,
``check`` and restores of the open file use it without asking again.

A plain SQLite file starts with the 16 bytes ``SQLite format 3\\0``; an encrypted one starts
with 16 random bytes (its salt), and so does a random file. ``file_kind`` tells apart what can
be told apart (empty, plain, text or wrongly sized files) and calls the rest ``UNKNOWN``: an
encrypted TwinPlanner file, or something else; only its passphrase can tell.
"""

from __future__ import annotations

import datetime
import decimal
import enum
import sqlite3
import sys
from pathlib import Path
from types import ModuleType
from typing import Any

from peewee import SqliteDatabase

from twinplanner.domain.errors import DatabaseFileError

SQLITE_MAGIC = b"SQLite format 3\x00"
MIN_PASSPHRASE_LENGTH = 8
_SMALLEST_PAGE = 512  # every SQLite (and SQLCipher) file is a whole number of pages
_TEXT_BYTES = frozenset(range(0x20, 0x7F)) | {0x09, 0x0A, 0x0D}

_module: ModuleType | None = None
_import_problem = ""
_known: dict[Path, str] = {}


class EncryptionUnavailable(DatabaseFileError):
    """Encrypted files cannot be used here: the SQLCipher library did not load."""


class PassphraseNeeded(DatabaseFileError):
    """The file is encrypted (or not a database at all) and no passphrase, or a wrong one, was
    given; ``wrong`` is True when a passphrase was tried and did not open it."""

    def __init__(self, path: Path, *, wrong: bool = False) -> None:
        if wrong:
            text = (
                f"The passphrase does not open {path}: either it is wrong or the file is not "
                "a TwinPlanner database. Nothing was changed."
            )
        else:
            text = (
                f"{path} is not a TwinPlanner database, or it is encrypted: give its "
                "passphrase to open it. Nothing was changed."
            )
        super().__init__(text)
        self.path = path
        self.wrong = wrong


class FileKind(enum.Enum):
    """What the first bytes and the size of a file say about it."""

    MISSING = "missing"
    EMPTY = "empty"
    PLAIN = "plain"  # an SQLite file, not encrypted
    NOT_DATABASE = "not-database"  # text, or a size no SQLite file has
    UNKNOWN = "unknown"  # encrypted, or some other binary file


def file_kind(path: Path | str) -> FileKind:
    """Classify ``path`` by its first 16 bytes and its size, without opening it as a database."""
    path = Path(path)
    try:
        size = path.stat().st_size
        if size == 0:
            return FileKind.EMPTY
        with path.open("rb") as f:
            head = f.read(len(SQLITE_MAGIC))
    except FileNotFoundError:
        return FileKind.MISSING
    except OSError as exc:
        raise DatabaseFileError(f"Cannot read {path}: {exc.strerror}.") from exc
    if head == SQLITE_MAGIC:
        return FileKind.PLAIN
    # SQLCipher's salt is random: 16 printable characters in a row happen about once in ten
    # million files, while text files and spreadsheets saved as CSV always look like this.
    if size % _SMALLEST_PAGE or all(b in _TEXT_BYTES for b in head):
        return FileKind.NOT_DATABASE
    return FileKind.UNKNOWN


def sqlcipher() -> ModuleType:
    """The ``sqlcipher3.dbapi2`` module, or EncryptionUnavailable saying why it is missing."""
    global _module, _import_problem
    if _module is None and not _import_problem:
        try:
            from sqlcipher3 import dbapi2
        except ImportError as exc:
            _import_problem = str(exc) or type(exc).__name__
        else:
            dbapi2.register_adapter(decimal.Decimal, str)
            dbapi2.register_adapter(datetime.date, str)
            dbapi2.register_adapter(datetime.time, str)
            if sys.version_info >= (3, 12):
                dbapi2.register_adapter(datetime.datetime, lambda d: d.isoformat(" "))
            # SQLCipher writes its own notes ("hmac check failed") to stderr; the program
            # explains a wrong passphrase itself.
            quiet = dbapi2.connect(":memory:")
            quiet.execute("PRAGMA cipher_log_level = NONE")
            quiet.close()
            _module = dbapi2
    if _module is None:
        raise EncryptionUnavailable(
            "Encrypted files cannot be used on this computer: the SQLCipher library "
            f"(Python package sqlcipher3) did not load ({_import_problem}). Plain files work."
        )
    return _module


def available() -> bool:
    """True when encrypted files can be opened, created and converted here."""
    try:
        sqlcipher()
    except EncryptionUnavailable:
        return False
    return True


def database_errors() -> tuple[type[BaseException], ...]:
    """The DB-API error classes of both drivers, for ``except`` clauses."""
    found: list[type[BaseException]] = [sqlite3.DatabaseError]
    if _module is not None:
        found.append(_module.DatabaseError)
    return tuple(found)


def is_not_a_database(exc: BaseException) -> bool:
    """True for SQLite's answer to a wrong key (and to a file that is no database)."""
    return "not a database" in str(exc).lower()


def quote(passphrase: str) -> str:
    """The passphrase as an SQL string literal (``PRAGMA key`` takes no bound parameters)."""
    return "'" + passphrase.replace("'", "''") + "'"


def check_new_passphrase(passphrase: str) -> str:
    """Return ``passphrase`` if it may protect a file, or raise DatabaseFileError saying why."""
    if "\x00" in passphrase:
        raise DatabaseFileError("A passphrase cannot contain a NUL character.")
    if len(passphrase) < MIN_PASSPHRASE_LENGTH:
        raise DatabaseFileError(
            f"The passphrase is too short: use at least {MIN_PASSPHRASE_LENGTH} characters "
            "(a few words are easier to remember and harder to guess)."
        )
    return passphrase


def connect(target: str, passphrase: str | None, *, uri: bool = False, timeout: float = 5.0) -> Any:
    """A DB-API connection to ``target``: keyed SQLCipher when a passphrase is given (the key
    is its first statement), the standard library's sqlite3 otherwise."""
    if passphrase is None:
        return sqlite3.connect(target, uri=uri, timeout=timeout)
    con = sqlcipher().connect(target, uri=uri, timeout=timeout)
    try:
        con.execute(f"PRAGMA key = {quote(passphrase)}")
    except BaseException:
        con.close()
        raise
    return con


def opens_with(path: Path | str, passphrase: str) -> bool:
    """True when ``passphrase`` opens the encrypted file at ``path`` (read-only test)."""
    path = Path(path)
    con = connect(f"{path.resolve().as_uri()}?mode=ro", passphrase, uri=True)
    try:
        con.execute("SELECT count(*) FROM sqlite_master").fetchone()
    except database_errors() as exc:
        if is_not_a_database(exc):
            return False
        raise
    finally:
        con.close()
    return True


def remember_passphrase(path: Path | str, passphrase: str | None) -> None:
    """Note (in memory only) the passphrase that opens ``path``; None forgets it."""
    key = Path(path).resolve()
    if passphrase is None:
        _known.pop(key, None)
    else:
        _known[key] = passphrase


def known_passphrase(path: Path | str) -> str | None:
    """The passphrase that last opened ``path`` in this process, if any."""
    return _known.get(Path(path).resolve())


def forget_all_passphrases() -> None:
    """Forget every passphrase this process knows (tests; closing the program)."""
    _known.clear()


class CipherDatabase(SqliteDatabase):
    """SqliteDatabase that opens encrypted files when given a passphrase (else plain sqlite3).

    ``init(path, passphrase=...)`` keeps the passphrase in memory for the connection's time:
    peewee reconnects through ``_connect``, which keys each new connection before the pragmas.
    """

    def __init__(self, database: str | None, *args: Any, **kwargs: Any) -> None:
        self._passphrase: str | None = None
        super().__init__(database, *args, **kwargs)

    def init(
        self,
        database: str | None,
        passphrase: str | None = None,  # type: ignore[override]
        **kwargs: Any,
    ) -> None:
        """Point at ``database``; ``passphrase`` (None for a plain file) keys each connection."""
        super().init(database, **kwargs)
        self._passphrase = passphrase

    @property
    def encrypted(self) -> bool:
        """True when the file is opened with a passphrase."""
        return self._passphrase is not None

    def _connect(self) -> Any:
        if self._passphrase is None:
            return super()._connect()  # type: ignore[misc]
        params = dict(self.connect_params)
        timeout = self._timeout  # type: ignore[attr-defined]
        conn = sqlcipher().connect(self.database, timeout=timeout, isolation_level=None, **params)
        try:
            conn.execute(f"PRAGMA key = {quote(self._passphrase)}")
            self._add_conn_hooks(conn)  # type: ignore[attr-defined]
        except BaseException:
            conn.close()
            raise
        return conn

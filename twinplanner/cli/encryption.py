"""Encryption subcommands: encrypt, decrypt and change-passphrase of the database file.

The current passphrase comes as for every command (``--passphrase-file``,
TWINPLANNER_PASSPHRASE, or a prompt on a terminal). A new passphrase comes from
``--new-passphrase-file FILE`` or TWINPLANNER_NEW_PASSPHRASE, or is asked twice on a terminal;
``encrypt`` also takes the current-passphrase sources, since a plain file has none. No
passphrase is ever taken from the command line itself or printed.
"""

from __future__ import annotations

import argparse
import os
import sys

from twinplanner.cli.common import (
    NEW_PASSPHRASE_ENV,
    db_path,
    given_passphrase,
    read_passphrase_file,
)
from twinplanner.domain.errors import DatabaseFileError

LOST_WARNING = (
    "Keep the passphrase safe: without it nobody can open the file or its backups, "
    "not even you, and it cannot be recovered."
)


def register(sub: argparse._SubParsersAction) -> None:
    """Add the encryption subcommands."""
    p = sub.add_parser(
        "encrypt", help="encrypt the database file and its backups with a passphrase"
    )
    _add_new_passphrase_file(p)
    p.set_defaults(func=cmd_encrypt)

    p = sub.add_parser(
        "change-passphrase", help="encrypt the database file and its backups with a new passphrase"
    )
    _add_new_passphrase_file(p)
    p.set_defaults(func=cmd_change_passphrase)

    p = sub.add_parser(
        "decrypt",
        help="remove the encryption: write the database file and its backups back as plain files",
    )
    p.set_defaults(func=cmd_decrypt)


def _add_new_passphrase_file(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--new-passphrase-file",
        metavar="FILE",
        help=f"file holding the new passphrase (or set {NEW_PASSPHRASE_ENV}; "
        "on a terminal you are asked twice)",
    )


def new_passphrase(args: argparse.Namespace, *, also_current: bool = False) -> str:
    """The new passphrase: from its file or variable, else (``also_current``) from the current
    passphrase's sources, else typed twice on a terminal."""
    from twinplanner.data.cipher import check_new_passphrase

    if getattr(args, "new_passphrase_file", None):
        return check_new_passphrase(read_passphrase_file(args.new_passphrase_file))
    if os.environ.get(NEW_PASSPHRASE_ENV):
        return check_new_passphrase(os.environ[NEW_PASSPHRASE_ENV])
    if also_current and (given := given_passphrase(args)) is not None:
        return check_new_passphrase(given)
    if not sys.stdin.isatty():
        raise DatabaseFileError(
            f"No new passphrase given: set {NEW_PASSPHRASE_ENV}, use --new-passphrase-file "
            "FILE, or run the command on a terminal to type it."
        )
    import getpass

    print(LOST_WARNING, file=sys.stderr)
    first = check_new_passphrase(getpass.getpass("New passphrase: "))
    if getpass.getpass("The new passphrase again: ") != first:
        raise DatabaseFileError("The two passphrases differ; nothing was changed.")
    return first


def _report(result: object, done: str) -> None:
    from twinplanner.io.encryption import ConversionResult

    assert isinstance(result, ConversionResult)
    f = result.facts
    print(f"{done} {result.path}: {f.visits} visits, {f.people} people, {f.households} households.")
    print(f"The state before is kept in {result.kept_before}.")
    if result.backups_converted:
        print(f"{len(result.backups_converted)} automatic backups were converted with it.")
    for left in result.backups_left:
        print(f"Not converted (damaged, or under another passphrase): {left}")


def cmd_encrypt(args: argparse.Namespace) -> int:
    """Encrypt the database file and its backups with a new passphrase."""
    from twinplanner.io.encryption import encrypt_database

    path = db_path(args)
    result = encrypt_database(path, new_passphrase(args, also_current=True))
    _report(result, "Encrypted")
    print(LOST_WARNING)
    return 0


def cmd_change_passphrase(args: argparse.Namespace) -> int:
    """Encrypt the database file and its backups with a new passphrase."""
    from twinplanner.data.cipher import known_passphrase
    from twinplanner.io.encryption import change_passphrase

    path = db_path(args)
    result = change_passphrase(path, new_passphrase(args), passphrase=known_passphrase(path))
    _report(result, "Changed the passphrase of")
    print(LOST_WARNING)
    return 0


def cmd_decrypt(args: argparse.Namespace) -> int:
    """Write the database file and its backups back as plain SQLite files."""
    from twinplanner.data.cipher import known_passphrase
    from twinplanner.io.encryption import decrypt_database

    path = db_path(args)
    result = decrypt_database(path, passphrase=known_passphrase(path))
    _report(result, "Removed the encryption of")
    print("The file and its backups are no longer protected by a passphrase.")
    return 0

"""The command line: ``twinplanner [--db PATH] COMMAND``; no command opens the window.

Each module in ``COMMAND_MODULES`` adds its subcommands with ``register(subparsers)``; a
subcommand's handler takes the parsed arguments and returns the exit status.
"""

from __future__ import annotations

import argparse
import importlib
import sys
from collections.abc import Sequence

from twinplanner import __version__

COMMAND_MODULES: tuple[str, ...] = (
    "twinplanner.cli.basic",
    "twinplanner.cli.safety",
    "twinplanner.cli.transfer",
    "twinplanner.cli.programme",
    "twinplanner.cli.housing",
    "twinplanner.cli.printing",
    "twinplanner.cli.encryption",
)

EXIT_OK = 0
EXIT_ERROR = 1
EXIT_USAGE = 2


class _Parser(argparse.ArgumentParser):
    """An argument parser whose errors are one line and exit status 2."""

    def error(self, message: str) -> None:  # type: ignore[override]
        self.exit(EXIT_USAGE, f"twinplanner: error: {message}\n")


def build_parser() -> argparse.ArgumentParser:
    """The parser with every registered subcommand."""
    parser = _Parser(
        prog="twinplanner",
        description="Plan town-twinning exchanges. Without a command, the window opens.",
    )
    parser.add_argument("--version", action="version", version=f"TwinPlanner {__version__}")
    parser.add_argument("--db", metavar="PATH", help="database file (default: in your data folder)")
    parser.add_argument(
        "--passphrase-file",
        metavar="FILE",
        help="file holding the passphrase of an encrypted database (or set "
        "TWINPLANNER_PASSPHRASE; on a terminal you are asked)",
    )
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)
    for name in COMMAND_MODULES:
        importlib.import_module(name).register(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit status."""
    from twinplanner.data.cipher import PassphraseNeeded
    from twinplanner.domain.errors import TwinPlannerError

    args = build_parser().parse_args(list(sys.argv[1:] if argv is None else argv))
    if args.command is None:
        from twinplanner.app import run_gui

        return run_gui(args)
    try:
        from twinplanner.cli.common import prepare_passphrase

        prepare_passphrase(args)
        return int(args.func(args) or EXIT_OK)
    except PassphraseNeeded as exc:
        from twinplanner.cli.common import PASSPHRASE_HINT

        print(f"twinplanner: error: {exc} {PASSPHRASE_HINT}", file=sys.stderr)
        return EXIT_ERROR
    except TwinPlannerError as exc:
        print(f"twinplanner: error: {exc}", file=sys.stderr)
        return EXIT_ERROR
    except BrokenPipeError:
        # The reader (e.g. `head`) went away: stop quietly, as command-line tools do.
        import os

        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return EXIT_OK
    except KeyboardInterrupt:
        print("twinplanner: interrupted", file=sys.stderr)
        return 130
    except OSError as exc:
        where = f" ({exc.filename})" if getattr(exc, "filename", None) else ""
        print(f"twinplanner: error: {exc.strerror or exc}{where}", file=sys.stderr)
        return EXIT_ERROR
    finally:
        from twinplanner.cli.common import close_opened
        from twinplanner.data.cipher import forget_all_passphrases
        from twinplanner.data.db import close_database

        close_opened()
        close_database()
        forget_all_passphrases()

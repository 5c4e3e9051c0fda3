"""The print subcommand: every document of a visit into a folder, plus one combined PDF per kind."""

from __future__ import annotations

import argparse
import sys

from twinplanner.cli.common import add_visit_argument, open_db


def register(sub: argparse._SubParsersAction) -> None:
    """Add ``twinplanner print KIND --visit ID -o DIR [--lang xx] [--paper a4|letter]``."""
    from twinplanner.services.printing import ALL, KINDS

    p = sub.add_parser(
        "print",
        help="print documents of a visit (PDF) into a folder",
        description="Write the documents of a visit into DIR/KIND/, one PDF each, and one "
        "combined DIR/KIND.pdf per kind for printing. Each document is in its "
        "reader's language unless --lang says otherwise.",
    )
    p.add_argument(
        "kind", choices=(*KINDS, ALL), metavar="KIND", help=f"one of {', '.join(KINDS)}, {ALL}"
    )
    add_visit_argument(p)
    p.add_argument("-o", "--output", required=True, metavar="DIR", help="folder to write into")
    p.add_argument(
        "--lang", metavar="xx", help="print every document in this language (en, de, fr, ro, ar)"
    )
    p.add_argument("--paper", default="a4", choices=("a4", "letter"), help="paper size")
    p.add_argument(
        "--per-day", action="store_true", help="signature lists per day instead of per event"
    )
    p.set_defaults(func=cmd_print)


def cmd_print(args: argparse.Namespace) -> int:
    """Print the documents and say where they went."""
    from twinplanner.services.printing import check_options, collect, write_documents

    check_options(args.lang, args.paper)
    open_db(args, create=False)
    documents = collect(args.visit, [args.kind], signatures_per="day" if args.per_day else "event")
    quiet = not sys.stderr.isatty()

    def progress(done: int, total: int, message: str) -> None:
        if not quiet:
            print(f"\r{done}/{total} {message[:60]:60}", end="", file=sys.stderr, flush=True)

    result = write_documents(
        documents, args.output, lang=args.lang, paper=args.paper, progress=progress
    )
    if not quiet:
        print(file=sys.stderr)
    for printed in result.kinds:
        if printed.combined is None:
            print(f"{printed.kind}: nothing to print")
        else:
            print(
                f"{printed.kind}: {len(printed.files)} documents in "
                f"{printed.combined.with_suffix('')}, all in {printed.combined}"
            )
    return 0

"""Data in and out: ``import``, ``template`` and ``export`` (with ``export ics`` for calendars)."""

from __future__ import annotations

import argparse
import importlib
import importlib.util
import os
import sys

from twinplanner.cli.common import add_visit_argument, db_path, open_db
from twinplanner.domain.errors import ValidationError

EXIT_PROBLEMS = 1
MAX_PROBLEMS_SHOWN = 200


def register(sub: argparse._SubParsersAction) -> None:
    """Add the import, template and export subcommands."""
    p = sub.add_parser("import", help="import visitors or host households from a CSV or XLSX file")
    p.add_argument("kind", choices=("visitors", "hosts"), help="what the file lists")
    p.add_argument("file", metavar="FILE", help="the .csv or .xlsx file")
    add_visit_argument(p)
    p.add_argument(
        "--mapping",
        metavar="FILE",
        help='JSON file naming the field of unrecognised columns: {"column": "field"}',
    )
    p.add_argument("--dry-run", action="store_true", help="show what would change; write nothing")
    order = p.add_mutually_exclusive_group()
    order.add_argument(
        "--day-first",
        dest="date_order",
        action="store_const",
        const="day_first",
        help="read 05/06/2009 as 5 June",
    )
    order.add_argument(
        "--month-first",
        dest="date_order",
        action="store_const",
        const="month_first",
        help="read 05/06/2009 as 6 May",
    )
    p.add_argument("--verbose", "-v", action="store_true", help="list every change")
    p.set_defaults(func=cmd_import)

    p = sub.add_parser("template", help="write an XLSX intake template for visitors or hosts")
    p.add_argument("kind", choices=("visitors", "hosts"))
    add_visit_argument(p)
    p.add_argument("--lang", default="en", help="language of the template: en, de, fr or ro")
    p.add_argument("-o", "--output", required=True, metavar="FILE.xlsx")
    p.set_defaults(func=cmd_template)

    p = sub.add_parser("export", help="export visitors, hosts, placements or the whole visit")
    p.add_argument("kind", choices=("visitors", "hosts", "placements", "visit", "ics"))
    add_visit_argument(p)
    p.add_argument("-o", "--output", required=True, metavar="FILE")
    p.add_argument("--lang", default="en", help="language of the column names: en, de, fr or ro")
    p.add_argument(
        "--delimiter",
        default=",",
        choices=(",", ";", "tab"),
        help="CSV column separator (German and French Excel expect ';')",
    )
    p.add_argument("--club", metavar="NAME", help="ics only: the events of one club")
    p.set_defaults(func=cmd_export)


def _print_problems(problems, limit: int = MAX_PROBLEMS_SHOWN) -> None:
    for problem in problems[:limit]:
        print(f"  {problem.severity}: {problem}")
    if len(problems) > limit:
        print(f"  ... and {len(problems) - limit} more")


def cmd_import(args: argparse.Namespace) -> int:
    """Read a file, show every problem, and import it all or nothing."""
    from twinplanner.io.dates import DateOrder
    from twinplanner.io.headers import load_mapping
    from twinplanner.services import importing

    mapping = load_mapping(args.mapping, args.kind) if args.mapping else None
    order = DateOrder(args.date_order) if args.date_order else None
    if not os.path.exists(args.file):
        raise ValidationError(f"There is no file {args.file}.")
    table, _ = importing.read(args.file, args.kind)
    parsed = importing.parse(table, args.kind, mapping, order)
    where = f"{args.file}" + (f", sheet “{parsed.sheet}”" if parsed.sheet else "")
    if table.ok:
        print(
            f"Read {len(parsed.records)} row(s) from {where}; column names in row "
            f"{parsed.header_row}."
        )
    for note in parsed.notes:
        print(note)
    ignored = [h for h, f in parsed.columns if not f and h]
    if ignored:
        print(
            "Columns not imported (give them a field in a --mapping file if they matter): "
            + ", ".join(f"“{h}”" for h in ignored)
        )
    if args.dry_run:
        open_db(args, create=False)
        return _report(importing.preview(args.visit, parsed), args, written=False)
    from twinplanner.data.lock import open_guarded

    guarded = open_guarded(db_path(args), create=False)
    try:
        checked = importing.preview(args.visit, parsed)
        if not checked.ok:
            return _report(checked, args, written=False)
        result = importing.apply_after_backup(args.visit, parsed)
        _report(result.preview, args, written=True)
        print(result.message)
        return 0
    finally:
        if guarded is not None:
            guarded.close()


def _report(preview, args: argparse.Namespace, *, written: bool) -> int:
    from twinplanner.services.import_match import UNCHANGED

    print(("Imported " if written else "Would import ") + preview.summary() + ".")
    if preview.problems:
        print(f"{len(preview.errors)} error(s), {len(preview.warnings)} warning(s):")
        _print_problems(preview.problems)
    changed = [p for p in preview.plans if p.action != UNCHANGED]
    shown = changed if args.verbose else changed[:50]
    for plan in shown:
        detail = "; ".join(plan.changes)
        print(f"  row {plan.row}: {plan.name}: {plan.action}" + (f" ({detail})" if detail else ""))
    if len(changed) > len(shown):
        print(f"  ... and {len(changed) - len(shown)} more (--verbose lists them all)")
    if not preview.ok:
        print(
            f"Nothing was imported: fix the {len(preview.errors)} error(s) in {args.file} "
            "and import it again.",
            file=sys.stderr,
        )
        return EXIT_PROBLEMS
    return 0


def cmd_template(args: argparse.Namespace) -> int:
    """Write an intake template."""
    from twinplanner.io.templates import template_language
    from twinplanner.services import exporting

    open_db(args, create=False)
    lang = template_language(args.lang)
    if lang != args.lang.split("-")[0].split("_")[0].lower():
        print(f"There is no template in “{args.lang}” yet; writing it in English.")
    path = exporting.template(args.kind, args.visit, args.output, lang=lang)
    print(f"Wrote the {args.kind} template in {lang} to {path}.")
    return 0


def cmd_export(args: argparse.Namespace) -> int:
    """Write an export; ``ics`` goes to the programme's calendar export."""
    if args.kind == "ics":
        return _export_ics(args)
    from twinplanner.services import exporting

    open_db(args, create=False)
    delimiter = "\t" if args.delimiter == "tab" else args.delimiter
    path = exporting.export(args.kind, args.visit, args.output, lang=args.lang, delimiter=delimiter)
    print(f"Wrote the {args.kind} export to {path}.")
    return 0


def _export_ics(args: argparse.Namespace) -> int:
    """Hand ``export ics`` to the programme commands' calendar export."""
    if importlib.util.find_spec("twinplanner.cli.programme") is None:
        raise ValidationError("Calendar export is not available in this version.")
    module = importlib.import_module("twinplanner.cli.programme")
    handler = getattr(module, "export_ics", None)
    if handler is None:
        raise ValidationError("Calendar export is not available in this version.")
    return int(handler(args) or 0)

"""The window's gettext catalogues: extract, update and compile them.

    python -m twinplanner.ui.translations            # compile every .po to .mo
    python -m twinplanner.ui.translations update     # extract the template, merge it into
                                                     # every catalogue, then compile

The template is resources/locale/twinplanner.pot, extracted from twinplanner/ with the keywords
``_``, ``ngettext`` (singular and plural) and ``N_``; each language has
resources/locale/<lang>/LC_MESSAGES/twinplanner.po next to its compiled .mo. Both are committed,
so that a checkout runs without a build step. A new language starts with
``pybabel init -D twinplanner -i resources/locale/twinplanner.pot -d resources/locale -l xx``.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

from twinplanner.i18n import DOMAIN, LOCALE_DIR

SOURCE_DIR = Path(__file__).resolve().parent.parent
TEMPLATE = LOCALE_DIR / f"{DOMAIN}.pot"
KEYWORDS = ("_", "ngettext:1,2", "N_")


def compile_catalogues(locale_dir: Path = LOCALE_DIR) -> list[Path]:
    """Write an .mo beside every .po under ``locale_dir``; returns the files written."""
    from babel.messages.mofile import write_mo
    from babel.messages.pofile import read_po

    written = []
    for po in sorted(locale_dir.glob(f"*/LC_MESSAGES/{DOMAIN}.po")):
        with po.open("rb") as source:
            catalog = read_po(source)
        mo = po.with_suffix(".mo")
        with mo.open("wb") as target:
            write_mo(target, catalog)
        written.append(mo)
    return written


def update_catalogues(locale_dir: Path = LOCALE_DIR) -> list[Path]:
    """Extract the template from the sources and merge it into every catalogue."""
    from babel.messages.frontend import CommandLineInterface

    keywords = [arg for k in KEYWORDS for arg in ("-k", k)]
    cli = CommandLineInterface()
    here = Path.cwd()
    os.chdir(SOURCE_DIR.parent)  # source references relative to the repository, not this disk
    try:
        cli.run(
            [
                "pybabel",
                "-q",
                "extract",
                "--no-default-keywords",
                *keywords,
                "--sort-by-file",
                "--project",
                "TwinPlanner",
                "--width",
                "100",
                "-o",
                str(TEMPLATE),
                SOURCE_DIR.name,
            ]
        )
    finally:
        os.chdir(here)
    cli.run(
        [
            "pybabel",
            "-q",
            "update",
            "-D",
            DOMAIN,
            "-i",
            str(TEMPLATE),
            "-d",
            str(locale_dir),
            "--width",
            "100",
            "--no-fuzzy-matching",
            "--ignore-obsolete",
        ]
    )
    return sorted(locale_dir.glob(f"*/LC_MESSAGES/{DOMAIN}.po"))


if __name__ == "__main__":
    if sys.argv[1:2] == ["update"]:
        for path in update_catalogues():
            print(path)
    for path in compile_catalogues():
        print(path)

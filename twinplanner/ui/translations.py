"""Compile the window's gettext catalogues (.po to .mo): python -m twinplanner.ui.translations."""

from __future__ import annotations

from pathlib import Path

from twinplanner.i18n import DOMAIN, LOCALE_DIR


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


if __name__ == "__main__":
    for path in compile_catalogues():
        print(path)

"""The layering rule: only twinplanner.ui and twinplanner.app import PySide6."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import twinplanner

PACKAGE_DIR = Path(twinplanner.__file__).parent
QT_FREE = ("domain", "data", "services", "planning", "documents", "io", "cli")


def _qt_free_modules() -> list[str]:
    names = ["twinplanner", "twinplanner.i18n", "twinplanner.paths"]
    for package in QT_FREE:
        root = PACKAGE_DIR / package
        for path in sorted(root.rglob("*.py")):
            relative = path.relative_to(PACKAGE_DIR.parent).with_suffix("")
            parts = list(relative.parts)
            if parts[-1] == "__init__":
                parts = parts[:-1]
            names.append(".".join(parts))
    return names


def test_packages_without_qt_do_not_load_pyside6() -> None:
    """Importing every module of the Qt-free layers in a fresh interpreter loads no PySide6."""
    modules = _qt_free_modules()
    assert "twinplanner.data.models" in modules and "twinplanner.cli.basic" in modules
    code = (
        "import importlib, sys\n"
        f"for name in {modules!r}:\n"
        "    importlib.import_module(name)\n"
        "loaded = sorted(m for m in sys.modules if m.split('.')[0] in ('PySide6', 'shiboken6'))\n"
        "print(','.join(loaded))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "", f"PySide6 loaded by the Qt-free layers: {result.stdout}"


def test_no_source_file_outside_ui_and_app_mentions_pyside6() -> None:
    """No module outside ui/ and app.py imports PySide6, even lazily inside a function."""
    offenders = []
    for path in PACKAGE_DIR.rglob("*.py"):
        relative = path.relative_to(PACKAGE_DIR)
        if relative.parts[0] == "ui" or relative.name == "app.py":
            continue
        text = path.read_text(encoding="utf-8")
        if "import PySide6" in text or "from PySide6" in text:
            offenders.append(str(relative))
    assert offenders == []

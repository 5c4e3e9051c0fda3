"""Benchmark: import 10,000 visitors from XLSX and from CSV into a fresh database; prints figures.

Run by hand: ``.venv/bin/python tests/benchmarks/bench_import.py [ROWS]``. Target: under 5 s each.
"""

from __future__ import annotations

import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from tests.factories import make_visit  # noqa: E402
from tests.factories_import import big_csv, big_xlsx  # noqa: E402
from twinplanner.data.db import close_database, open_database  # noqa: E402
from twinplanner.data.models import Participation, Party, Person  # noqa: E402
from twinplanner.services import importing  # noqa: E402

TARGET_S = 5.0


def _run(folder: Path, label: str, path: Path, rows: int) -> float:
    open_database(folder / f"{label}.sqlite")
    visit_id = make_visit().id
    t0 = time.perf_counter()
    table, _ = importing.read(path, "visitors")
    t1 = time.perf_counter()
    parsed = importing.parse(table, "visitors")
    t2 = time.perf_counter()
    preview = importing.preview(visit_id, parsed)
    t3 = time.perf_counter()
    result = importing.apply(visit_id, parsed)
    t4 = time.perf_counter()
    assert preview.ok, preview.errors[:3]
    assert Person.select().count() == rows and Participation.select().count() == rows
    parties = Party.select().count()
    again = importing.preview(visit_id, importing.read_file(path, "visitors"))
    assert again.count("unchanged") == rows
    close_database()
    total = t4 - t0
    print(
        f"{label:5} {rows:6} rows  read {t1 - t0:5.2f} s  check {t2 - t1:5.2f} s  "
        f"preview {t3 - t2:5.2f} s  write {t4 - t3:5.2f} s  total {total:5.2f} s  "
        f"({parties} parties; {'ok' if total < TARGET_S else 'OVER TARGET'})"
    )
    del result
    return total


def main() -> int:
    """Build the files, import each into a fresh database, print a table."""
    rows = int(sys.argv[1]) if len(sys.argv) > 1 else 10_000
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        t0 = time.perf_counter()
        xlsx = big_xlsx(folder / "visitors.xlsx", rows)
        csv_path = big_csv(folder / "visitors.csv", rows)
        print(
            f"files written in {time.perf_counter() - t0:.2f} s "
            f"(xlsx {xlsx.stat().st_size // 1024} KiB, csv {csv_path.stat().st_size // 1024} KiB)"
        )
        totals = [_run(folder, "xlsx", xlsx, rows), _run(folder, "csv", csv_path, rows)]
    return 0 if max(totals) < TARGET_S else 1


if __name__ == "__main__":
    raise SystemExit(main())

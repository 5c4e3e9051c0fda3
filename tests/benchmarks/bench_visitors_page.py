"""Speed of the Visitors page: 10,000 people in a visit, and the slowest GUI-thread query on the demo.

Run by hand: .venv/bin/python tests/benchmarks/bench_visitors_page.py  (prints the figures)
"""

from __future__ import annotations

import datetime as dt
import os
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

FIRST = [
    "Ana",
    "Mihai",
    "Léa",
    "Jules",
    "Zoé",
    "Élodie",
    "Karim",
    "Yasmine",
    "Ștefan",
    "Ioana",
    "Marc",
    "Chloé",
    "Timéo",
    "Hugo",
    "Inès",
    "Lucas",
    "Emma",
    "Noah",
    "Sofia",
    "Paul",
]
LAST = [
    "Popescu",
    "Țăranu",
    "Dubois",
    "Lefèvre",
    "Benali",
    "Haddad",
    "Müller",
    "Öztürk",
    "Martin",
    "Bernard",
    "Moreau",
    "Laurent",
    "Girard",
    "Roux",
    "Fontaine",
    "Chevalier",
]


def make_big_visit(people: int = 10_000, seed: int = 7) -> int:
    """Add a visit with ``people`` guests in parties of 1-4 to the open database; its id."""
    from twinplanner.data.models import (
        Participation,
        Partnership,
        Party,
        Person,
        Town,
        Visit,
        database,
    )
    from twinplanner.services.keys import person_key

    rng = random.Random(seed)
    with database.atomic():
        ours, _ = Town.get_or_create(name="Lindenfeld", country="DE", defaults={"language": "de"})
        theirs, _ = Town.get_or_create(name="Grandville", country="FR", defaults={"language": "fr"})
        partnership, _ = Partnership.get_or_create(our_town=ours, partner_town=theirs)
        visit = Visit.create(
            partnership=partnership,
            year=2030,
            title="Big festival",
            arrival_at=dt.datetime(2030, 7, 1, 17),
            working_languages="de,fr",
            departure_at=dt.datetime(2030, 7, 8, 10),
        )
        rows = []
        for n in range(people):
            name = f"{rng.choice(FIRST)} {rng.choice(LAST)} {n}"
            phone = f"+33 6 {rng.randint(10, 99)} {rng.randint(10, 99)} {n % 100:02d}"
            birth = dt.date(rng.randint(1950, 2016), rng.randint(1, 12), rng.randint(1, 28))
            rows.append(
                dict(
                    full_name=name,
                    phone=phone,
                    birth_date=birth,
                    town=theirs.id,
                    languages=rng.choice(["fr", "fr,en", "fr,de", "ar,fr"]),
                    search_key=person_key(name, phone, ""),
                )
            )
        for start in range(0, len(rows), 500):
            Person.insert_many(rows[start : start + 500]).execute()
        ids = [
            p.id
            for p in Person.select(Person.id).where(Person.town == theirs.id).order_by(Person.id)
        ]
        position, participations = 0, []
        while position < len(ids):
            size = rng.choice([1, 1, 2, 2, 3, 4])
            party = Party.create(visit=visit, name=f"Party {position}")
            for pid in ids[position : position + size]:
                participations.append(dict(visit=visit.id, person=pid, party=party.id))
            position += size
        for start in range(0, len(participations), 500):
            Participation.insert_many(participations[start : start + 500]).execute()
    return visit.id


def _ms(seconds: float) -> str:
    return f"{seconds * 1000:.0f} ms"


def bench_big_visit() -> None:
    """Open the Visitors page on 10,000 people, type into the filter, scroll and sort."""
    from PySide6.QtWidgets import QApplication

    from twinplanner.data import queries
    from twinplanner.data.db import close_database, open_database

    app = QApplication.instance() or QApplication([])
    with tempfile.TemporaryDirectory() as tmp:
        open_database(Path(tmp) / "big.sqlite")
        started = time.perf_counter()
        visit_id = make_big_visit()
        print(f"generated 10,000 people in {_ms(time.perf_counter() - started)}")
        started = time.perf_counter()
        rows = queries.visit_people(visit_id)
        print(
            f"data.queries.visit_people (10,000 rows, sorted by folded name): "
            f"{_ms(time.perf_counter() - started)}"
        )
        from twinplanner.ui.main_window import MainWindow
        from twinplanner.ui.settings import Settings

        started = time.perf_counter()
        window = MainWindow(Path(tmp) / "big.sqlite", Settings(Path(tmp) / "s.ini"))
        window.resize(1366, 768)
        assert window.current_visit_id() == visit_id  # the newest visit is shown first
        window.tabs.setCurrentWidget(window.visitors_page)
        window.show()
        app.processEvents()
        window.visitors_page.view.viewport().grab()
        print(
            f"window with the Visitors page on 10,000 people, first paint: "
            f"{_ms(time.perf_counter() - started)} ({len(rows)} rows)"
        )
        page = window.visitors_page
        times = []
        for typed in ("p", "po", "pop", "pope", "popes", "popesc", "popescu", "popescu 1"):
            started = time.perf_counter()
            page.filter_box.setText(typed)
            page.apply_filter_text()
            page.view.viewport().grab()
            times.append(time.perf_counter() - started)
        print(
            f"filter as you type (per keystroke, filter + repaint): median "
            f"{_ms(statistics.median(times))}, worst {_ms(max(times))}"
        )
        page.clear_filters()
        bar = page.view.verticalScrollBar()
        times = []
        for step in range(40):
            started = time.perf_counter()
            bar.setValue(step * bar.maximum() // 40)
            page.view.viewport().grab()
            times.append(time.perf_counter() - started)
        print(
            f"scrolling (40 jumps, repaint each): median {_ms(statistics.median(times))}, "
            f"worst {_ms(max(times))}"
        )
        started = time.perf_counter()
        page.view.sortByColumn(5, __import__("PySide6.QtCore").QtCore.Qt.SortOrder.DescendingOrder)
        page.view.viewport().grab()
        print(f"sort by age: {_ms(time.perf_counter() - started)}")
        window.close()
        close_database()


def bench_demo_queries() -> None:
    """Time every SQL statement the window runs on the demo during common work."""
    from PySide6.QtWidgets import QApplication

    from twinplanner.data.db import close_database, open_database
    from twinplanner.data.demo import load_demo
    from twinplanner.data.models import database

    app = QApplication.instance() or QApplication([])
    timings: list[tuple[float, str]] = []
    original = database.execute_sql

    def timed(sql, params=None, *args, **kwargs):
        started = time.perf_counter()
        result = original(sql, params, *args, **kwargs)
        timings.append((time.perf_counter() - started, " ".join(str(sql).split())[:90]))
        return result

    with tempfile.TemporaryDirectory() as tmp:
        open_database(Path(tmp) / "demo.sqlite")
        visit_id = load_demo()
        database.execute_sql = timed  # type: ignore[method-assign]
        try:
            from twinplanner.ui.main_window import MainWindow
            from twinplanner.ui.settings import Settings

            window = MainWindow(Path(tmp) / "demo.sqlite", Settings(Path(tmp) / "s.ini"))
            window.show()
            app.processEvents()
            page = window.visitors_page
            row = page.model.row_at(0)
            page.proxy.setData(
                page.proxy.mapFromSource(page.model.index(0, page.model.column_of_field("phone"))),
                "+33 6 00 00 00 01",
            )
            window.undo_stack.undo()
            window.records.find_dialog.start(visit_id)
            window.records.find_dialog.query.setText("popescu")
            window.records.find_dialog.search_now()
            window.reload_pickers(visit_id)
            del row
            window.close()
        finally:
            database.execute_sql = original  # type: ignore[method-assign]
        close_database()
    timings.sort(reverse=True)
    print(f"demo: {len(timings)} queries on the GUI thread; slowest:")
    for seconds, sql in timings[:3]:
        print(f"  {seconds * 1000:6.1f} ms  {sql}")


if __name__ == "__main__":
    bench_big_visit()
    bench_demo_queries()

"""Hidden pages read nothing; when shown they catch up with the visit and every change missed."""

from __future__ import annotations

import sys

import pytest

from twinplanner.data import queries
from twinplanner.services.changes import Changes, Entity
from twinplanner.services.placement import place_party
from twinplanner.ui.main_window import MainWindow
from twinplanner.ui.settings import Settings

pytestmark = pytest.mark.gui


def test_hidden_pages_load_when_shown_and_catch_up_with_changes(qtbot, demo_db, tmp_path):
    """The Housing page stays unread while hidden; shown, it has the visit and a new placement."""
    path, visit_id = demo_db
    window = MainWindow(path, Settings(tmp_path / "settings.ini"))
    qtbot.addWidget(window)
    window.show()
    housing = window.housing_page
    assert housing.visit_id is None  # never shown: nothing read yet
    window.tabs.setCurrentWidget(housing)
    assert housing.visit_id == visit_id
    waiting_before = {p.id for p in housing.board.waiting}

    window.tabs.setCurrentWidget(window.visitors_page)
    party = next(p for p in queries.visit_parties(visit_id) if p.name == "Lambert")
    host = next(h for h in queries.visit_households(visit_id) if h.contact_name == "Heike Hoffmann")
    changes = place_party(party.id, host.id)
    assert changes.touches(Entity.PLACEMENT)
    window.context.changes_made.emit(changes)
    assert {p.id for p in housing.board.waiting} == waiting_before  # hidden: not read again

    window.tabs.setCurrentWidget(housing)
    assert {p.id for p in housing.board.waiting} == waiting_before - {party.id}


def test_an_edit_of_people_reads_the_clubs_only_when_a_club_changed(
    qtbot, demo_db, tmp_path, monkeypatch
):
    """The window reads the clubs once on opening, not again on a person's edit, but on a club's.

    (The overview's programme check reads them on its own; only the window's reads count.)
    """
    path, _visit_id = demo_db
    calls: list[int] = []
    real_clubs = queries.clubs

    def counting_clubs():
        if sys._getframe(1).f_code.co_filename.endswith("main_window.py"):
            calls.append(1)
        return real_clubs()

    monkeypatch.setattr(queries, "clubs", counting_clubs)
    window = MainWindow(path, Settings(tmp_path / "settings.ini"))
    qtbot.addWidget(window)
    assert len(calls) == 1
    club_filter_items = window.visitors_page.club_filter.count()
    person = window.visitors.rows()[0]
    window.context.changes_made.emit(Changes.of(Entity.PERSON, person.id))
    assert len(calls) == 1
    assert window.visitors_page.club_filter.count() == club_filter_items
    window.context.changes_made.emit(Changes.of(Entity.CLUB, person.club_ids[0]))
    assert len(calls) == 2

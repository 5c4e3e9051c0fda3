"""The event editor: creating, changing and deleting events, each undoable; refusals stay."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtWidgets import QDialogButtonBox

from tests.gui.programme_helpers import U13_MATCH, event_id, programme
from tests.gui.window_helpers import prompt_log  # noqa: F401  (autouse fixture)
from twinplanner.data.models import Event, EventClub, EventPerson
from twinplanner.ui.programme.editor import _qdt

pytestmark = pytest.mark.gui


def _ok(editor) -> None:
    editor.buttons.button(QDialogButtonBox.StandardButton.Ok).click()


def test_editor_creates_an_event_with_everything_and_undo_removes_it(
    qtbot, demo_db, tmp_path
) -> None:
    """A new event typed into the editor is stored with its kind, times, venue, meeting,
    transport, responsible person, flags, category, clubs and people; undo removes it, redo
    puts it back under the same id."""
    window, page = programme(qtbot, demo_db, tmp_path)
    starts = dt.datetime(2027, 5, 13, 8, 30)
    venue = page.snap.venues[0]
    editor = page.open_editor(None, starts, venue.id)
    assert editor.isVisible()
    editor.kind.setCurrentIndex(editor.kind.findData("excursion"))
    editor.title.setText("Morning walk to the castle")
    editor.ends.setDateTime(_qdt(starts + dt.timedelta(minutes=90)))
    editor.meeting_point.setText("Rathausplatz")
    editor.has_meeting.setChecked(True)
    editor.meeting_at.setDateTime(_qdt(starts - dt.timedelta(minutes=10)))
    editor.transport.setText("on foot")
    editor.responsible.setCurrentIndex(2)
    responsible = editor.responsible.currentData()
    editor.public.setChecked(True)
    editor.fixed.setChecked(False)
    editor.category.setText("walk")
    club, person = page.snap.clubs[0].id, page.snap.persons[0].id
    editor.clubs.set_checked([club])
    editor.persons.set_checked([person])
    _ok(editor)
    assert not editor.isVisible()
    e = Event.get(Event.title == "Morning walk to the castle")
    assert (e.kind, e.venue_id, e.meeting_point, e.transport, e.responsible_id) == (
        "excursion",
        venue.id,
        "Rathausplatz",
        "on foot",
        responsible,
    )
    assert str(e.starts_at).startswith("2027-05-13 08:30") and e.public and not e.fixed
    assert str(e.meeting_at).startswith("2027-05-13 08:20") and e.category == "walk"
    assert [c.club_id for c in EventClub.select().where(EventClub.event == e.id)] == [club]
    assert [p.person_id for p in EventPerson.select().where(EventPerson.event == e.id)] == [person]
    assert page.timeline.selected == [e.id] and e.id in page.timeline.slots
    window.undo_stack.undo()
    assert Event.get_or_none(Event.id == e.id) is None
    window.undo_stack.redo()
    again = Event.get_by_id(e.id)
    assert again.title == "Morning walk to the castle"
    assert [c.club_id for c in EventClub.select().where(EventClub.event == e.id)] == [club]


def test_editor_keeps_a_refused_event_open_with_the_reason(qtbot, demo_db, tmp_path) -> None:
    """An event that ends before it starts is refused: the dialog stays open, says why, and
    nothing is stored or put on the undo stack."""
    window, page = programme(qtbot, demo_db, tmp_path)
    count = Event.select().count()
    editor = page.open_editor(None, dt.datetime(2027, 5, 13, 9, 0))
    editor.title.setText("Backwards")
    editor.ends.setDateTime(_qdt(dt.datetime(2027, 5, 13, 8, 0)))
    _ok(editor)
    assert editor.isVisible() and "must end after it starts" in editor.error.text()
    assert Event.select().count() == count and window.undo_stack.count() == 0
    editor.reject()


def test_editor_changes_an_event_and_undo_restores_every_value(qtbot, demo_db, tmp_path) -> None:
    """Changing the title, venue and clubs of the U13 match in the editor is one undo step;
    undo brings back the old title, venue and clubs."""
    window, page = programme(qtbot, demo_db, tmp_path)
    match = event_id(page, U13_MATCH)
    old = Event.get_by_id(match)
    old_clubs = sorted(c.club_id for c in EventClub.select().where(EventClub.event == match))
    editor = page.open_editor(match)
    editor.title.setText("U13 friendly")
    editor.venue.setCurrentIndex(0)  # no venue
    editor.clubs.set_checked(old_clubs[:1])
    _ok(editor)
    e = Event.get_by_id(match)
    assert (e.title, e.venue_id) == ("U13 friendly", None)
    assert [c.club_id for c in EventClub.select().where(EventClub.event == match)] == old_clubs[:1]
    window.undo_stack.undo()
    e = Event.get_by_id(match)
    assert (e.title, e.venue_id) == (old.title, old.venue_id)
    assert (
        sorted(c.club_id for c in EventClub.select().where(EventClub.event == match)) == old_clubs
    )


def test_editor_deletes_a_concert_and_undo_relinks_its_rehearsals(qtbot, demo_db, tmp_path) -> None:
    """Deleting the concert from its editor unlinks the rehearsals that prepare it; undo puts
    the concert back with its id and the rehearsals prepare it again."""
    window, page = programme(qtbot, demo_db, tmp_path)
    concert = next(e.id for e in page.rows.values() if e.kind == "concert")
    Event.update(prepares=concert).where(Event.kind == "rehearsal").execute()
    page.reload()
    editor = page.open_editor(concert)
    editor.delete.click()
    assert Event.get_or_none(Event.id == concert) is None
    assert Event.select().where(Event.prepares == concert).count() == 0
    window.undo_stack.undo()
    assert Event.get_by_id(concert).kind == "concert"
    assert Event.select().where(Event.prepares == concert).count() == 3


def test_rehearsals_may_name_the_concert_they_prepare(qtbot, demo_db, tmp_path) -> None:
    """'Prepares' is offered for rehearsals only, and saving it links the rehearsal."""
    _window, page = programme(qtbot, demo_db, tmp_path)
    rehearsal = next(e.id for e in page.rows.values() if e.kind == "rehearsal")
    concert = next(e.id for e in page.rows.values() if e.kind == "concert")
    editor = page.open_editor(rehearsal)
    assert editor.prepares.isEnabled()
    editor.prepares.setCurrentIndex(editor.prepares.findData(concert))
    _ok(editor)
    assert Event.get_by_id(rehearsal).prepares_id == concert
    match = page.open_editor(event_id(page, U13_MATCH))
    assert not match.prepares.isEnabled()
    match.reject()

"""Proposals on the Programme page: planned in the background, accepted and undone in one step,
cancelled, and never applied when the programme changed meanwhile."""

from __future__ import annotations

import datetime as dt

import pytest

from tests.gui.programme_helpers import U13_MATCH, event_id, programme, stored
from tests.gui.window_helpers import prompt_log  # noqa: F401  (autouse fixture)
from twinplanner.data.models import Event
from twinplanner.planning.programme.proposal import ChangeKind
from twinplanner.services.programme import delete_event
from twinplanner.services.programme_parts import Part

pytestmark = pytest.mark.gui

OWN_REHEARSAL = "Liederkranz Lindenfeld: own rehearsal"


def _unfix(page, *titles: str) -> list[int]:
    ids = [event_id(page, t) for t in titles]
    Event.update(fixed=False).where(Event.id.in_(ids)).execute()
    page.reload()
    return ids


def _plan(qtbot, page, part: Part):
    with qtbot.waitSignal(page.planner.finished, timeout=60000):
        page.propose(part, time_limit=10)
    assert page.outcome is not None
    return page.outcome


def test_accepting_proposed_fixtures_moves_the_match_and_undo_moves_it_back(
    qtbot, demo_db, tmp_path
) -> None:
    """With the U13 match not fixed, 'Propose fixtures' proposes a new place for it, shown
    beside and as a dashed block; accepting writes it in one undo step; undo puts it back;
    redo moves it again."""
    window, page = programme(qtbot, demo_db, tmp_path)
    (match, _rehearsal) = _unfix(page, U13_MATCH, OWN_REHEARSAL)
    before = stored(match)
    outcome = _plan(qtbot, page, Part.FIXTURES)
    changes = outcome.proposal.changes
    assert [c.event.id for c in changes] == [match] and changes[0].kind is ChangeKind.MOVED
    assert all(c.event.kind == "match" for c in changes)  # the rehearsal is not part of it
    assert page.side.currentWidget() is page.proposal_panel
    assert page.proposal_panel.accept.isEnabled() and len(page.timeline.ghosts) == 1
    assert "Moved: 'U13" in page.proposal_panel.changes.lines()[0].text
    after = (changes[0].event.starts_at, changes[0].event.ends_at, changes[0].event.venue_id)
    assert page.accept_proposal()
    assert stored(match) == after
    assert page.side.currentWidget() is page.conflict_panel and not page.timeline.ghosts
    assert window.undo_stack.count() == 1
    window.undo_stack.undo()
    assert stored(match) == before
    window.undo_stack.redo()
    assert stored(match) == after


def test_accepting_a_new_rehearsal_and_undoing_removes_it(qtbot, demo_db, tmp_path) -> None:
    """Without Liederkranz's own rehearsal, the concert timetable proposes a new one; accepting
    adds it (not fixed), undo removes it and redo adds it back under the same id."""
    window, page = programme(qtbot, demo_db, tmp_path)
    delete_event(event_id(page, OWN_REHEARSAL))
    page.reload()
    count = Event.select().count()
    outcome = _plan(qtbot, page, Part.CONCERTS)
    new = [c for c in outcome.proposal.changes if c.kind is ChangeKind.NEW]
    assert len(new) == 1 and new[0].event.kind == "rehearsal"
    assert page.accept_proposal()
    created = Event.select().order_by(Event.id.desc()).get()
    assert Event.select().count() == count + 1 and not created.fixed
    assert created.id in page.rows and page.timeline.selected[0] == created.id
    window.undo_stack.undo()
    assert Event.select().count() == count
    window.undo_stack.redo()
    assert Event.get_by_id(created.id).title == created.title


def test_a_proposal_made_before_a_change_is_outdated_and_cannot_be_accepted(
    qtbot, demo_db, tmp_path
) -> None:
    """If the programme changes while the planner works, the proposal arrives marked outdated,
    Accept is off, accepting does nothing, and 'Plan again' is offered."""
    _window, page = programme(qtbot, demo_db, tmp_path)
    (match, _r) = _unfix(page, U13_MATCH, OWN_REHEARSAL)
    reception = event_id(page, "Mayor's reception and signing of the guest book")
    with qtbot.waitSignal(page.planner.finished, timeout=60000):
        page.propose(Part.FIXTURES, time_limit=10)
        starts, ends, venue = stored(reception)
        page.move_event(
            reception, starts + dt.timedelta(minutes=15), ends + dt.timedelta(minutes=15), venue
        )
    before = stored(match)
    panel = page.proposal_panel
    assert not panel.outdated.isHidden() and not panel.again.isHidden()
    assert not panel.accept.isEnabled()
    assert not page.accept_proposal()
    assert stored(match) == before


def test_a_change_while_a_proposal_is_shown_makes_it_outdated(qtbot, demo_db, tmp_path) -> None:
    """A proposal on screen turns outdated (Accept off) as soon as the programme changes."""
    _window, page = programme(qtbot, demo_db, tmp_path)
    _unfix(page, U13_MATCH, OWN_REHEARSAL)
    _plan(qtbot, page, Part.FIXTURES)
    assert page.proposal_panel.accept.isEnabled()
    reception = event_id(page, "Mayor's reception and signing of the guest book")
    starts, ends, venue = stored(reception)
    page.move_event(reception, starts + dt.timedelta(hours=1), ends + dt.timedelta(hours=1), venue)
    assert not page.proposal_panel.accept.isEnabled()
    assert not page.proposal_panel.outdated.isHidden()


def test_cancelling_a_plan_changes_nothing_and_drops_its_result(qtbot, demo_db, tmp_path) -> None:
    """Cancel while planning says so at once; the plan's late result is never shown."""
    _window, page = programme(qtbot, demo_db, tmp_path)
    (match, _r) = _unfix(page, U13_MATCH, OWN_REHEARSAL)
    before = stored(match)
    page.propose(Part.FIXTURES, time_limit=10)
    assert page.planner.is_running() and not page.proposal_panel.cancel.isHidden()
    page.proposal_panel.cancel.click()
    assert not page.planner.is_running()
    assert "Cancelled" in page.proposal_panel.status.text()
    page.planner.runner.wait()
    qtbot.wait(100)
    assert page.outcome is None and not page.proposal_panel.accept.isEnabled()
    assert stored(match) == before


def test_nothing_to_plan_is_said(qtbot, demo_db, tmp_path) -> None:
    """With every match fixed, proposing fixtures says there is nothing to plan; no Accept."""
    _window, page = programme(qtbot, demo_db, tmp_path)
    outcome = _plan(qtbot, page, Part.FIXTURES)
    assert not outcome.proposal.changes
    texts = [line.text for line in page.proposal_panel.unplaced.lines()]
    assert any("Nothing to plan" in t for t in texts)
    assert not page.proposal_panel.accept.isEnabled()

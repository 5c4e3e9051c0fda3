"""The conflict checker finds every kind of conflict, and only where there is one."""

from __future__ import annotations

import dataclasses
import gettext
from collections.abc import Callable

import pytest

from tests.unit.programme.programme_helpers import (
    CHOIR,
    CHURCH,
    HALL,
    ORCHESTRA,
    PITCH1,
    TEAM_A,
    TEAM_B,
    at,
    event,
    replace,
    snapshot,
)
from twinplanner import i18n
from twinplanner.planning.programme.conflicts import (
    ConflictKind,
    Severity,
    check_programme,
    errors,
    warnings,
)
from twinplanner.planning.programme.snapshot import ProgrammeSnapshot, VenueInfo

K = ConflictKind


def _late_team_b(snap: ProgrammeSnapshot) -> ProgrammeSnapshot:
    persons = tuple(
        dataclasses.replace(p, arrival_at=at(14)) if p.id == 4 else p for p in snap.persons
    )
    return replace(snap, persons=persons)


def _small_hall(capacity: int) -> Callable[[ProgrammeSnapshot], ProgrammeSnapshot]:
    def change(snap: ProgrammeSnapshot) -> ProgrammeSnapshot:
        venues = tuple(
            dataclasses.replace(v, capacity=capacity) if v.id == HALL else v for v in snap.venues
        )
        return replace(snap, venues=venues)

    return change


def match(eid: int, start: tuple[int, int], end: tuple[int, int], day: int = 0) -> object:
    return event(
        eid,
        at(*start, day=day),
        at(*end, day=day),
        kind="match",
        venue_id=PITCH1,
        club_ids=(TEAM_A, TEAM_B),
        category="U15",
    )


# kind -> (programme that has it, programme that does not)
CASES: dict[ConflictKind, tuple[ProgrammeSnapshot, ProgrammeSnapshot]] = {
    K.PERSON_DOUBLE_BOOKED: (
        snapshot(
            event(1, at(10), at(12), club_ids=(CHOIR,)),
            event(2, at(11), at(12), venue_id=CHURCH, club_ids=(TEAM_A,)),
        ),
        snapshot(
            event(1, at(10), at(12), club_ids=(CHOIR,)),
            event(2, at(13), at(14), venue_id=CHURCH, club_ids=(TEAM_A,)),
        ),
    ),
    K.CLUB_DOUBLE_BOOKED: (
        snapshot(
            event(1, at(10), at(12), club_ids=(CHOIR,)),
            event(2, at(11), at(13), venue_id=CHURCH, club_ids=(CHOIR, ORCHESTRA)),
        ),
        snapshot(
            event(1, at(10), at(12), club_ids=(CHOIR,)),
            event(2, at(11), at(13), venue_id=CHURCH, club_ids=(ORCHESTRA,)),
        ),
    ),
    K.VENUE_DOUBLE_BOOKED: (
        snapshot(event(1, at(10), at(12)), event(2, at(11, 30), at(13))),
        snapshot(event(1, at(10), at(12)), event(2, at(12), at(13))),
    ),
    K.VENUE_OVER_CAPACITY: (
        _small_hall(2)(snapshot(event(1, at(10), at(12), club_ids=(CHOIR, TEAM_A)))),
        _small_hall(3)(snapshot(event(1, at(10), at(12), club_ids=(CHOIR, TEAM_A)))),
    ),
    K.OUTSIDE_VISIT: (
        snapshot(event(1, at(10, day=-1), at(12, day=-1))),
        snapshot(event(1, at(10), at(12))),
    ),
    K.OUTSIDE_OPENING_HOURS: (
        snapshot(event(1, at(8), at(9, 30), venue_id=CHURCH)),
        snapshot(event(1, at(9), at(10), venue_id=CHURCH)),
    ),
    K.OUTSIDE_STAY: (
        snapshot(event(1, at(10, day=1), at(11, day=1), person_ids=(5,))),
        snapshot(event(1, at(16, day=1), at(17, day=1), person_ids=(5,))),
    ),
    K.TRAVEL_TOO_SHORT: (
        snapshot(
            event(1, at(10), at(11), club_ids=(CHOIR,)),
            event(2, at(11, 5), at(12), venue_id=CHURCH, club_ids=(CHOIR,)),
        ),
        snapshot(
            event(1, at(10), at(11), club_ids=(CHOIR,)),
            event(2, at(11, 5), at(12), venue_id=CHURCH, club_ids=(CHOIR,)),
            travel=((HALL, CHURCH, 5),),
        ),
    ),
    K.MINOR_LATE: (
        snapshot(event(1, at(21), at(22, 30), club_ids=(TEAM_A,))),
        snapshot(event(1, at(20), at(21, 30), club_ids=(TEAM_A,))),
    ),
    K.REHEARSAL_AFTER_CONCERT: (
        snapshot(
            event(1, at(19), at(21), kind="concert", club_ids=(CHOIR,), venue_id=CHURCH),
            event(
                2, at(10, day=1), at(12, day=1), kind="rehearsal", prepares_id=1, club_ids=(CHOIR,)
            ),
        ),
        snapshot(
            event(1, at(19), at(21), kind="concert", club_ids=(CHOIR,), venue_id=CHURCH),
            event(2, at(10), at(12), kind="rehearsal", prepares_id=1, club_ids=(CHOIR,)),
        ),
    ),
    K.MATCH_BEFORE_ARRIVAL: (
        _late_team_b(snapshot(match(1, (10, 0), (11, 0)))),
        _late_team_b(snapshot(match(1, (15, 0), (16, 0)))),
    ),
    K.REST_TOO_SHORT: (
        snapshot(match(1, (10, 0), (11, 0)), match(2, (11, 30), (12, 30))),
        snapshot(match(1, (10, 0), (11, 0)), match(2, (12, 0), (13, 0))),
    ),
    K.TOO_MANY_MATCHES: (
        snapshot(match(1, (9, 0), (10, 0)), match(2, (11, 0), (12, 0)), match(3, (13, 0), (14, 0))),
        snapshot(
            match(1, (9, 0), (10, 0)), match(2, (11, 0), (12, 0)), match(3, (13, 0), (14, 0), 1)
        ),
    ),
    K.NO_MEETING_POINT: (
        snapshot(event(1, at(10), at(12), meeting_point="")),
        snapshot(event(1, at(10), at(12), meeting_point="Town square")),
    ),
    K.NO_RESPONSIBLE: (
        snapshot(event(1, at(10), at(12), responsible_id=None)),
        snapshot(event(1, at(10), at(12), responsible_id=1)),
    ),
}


def test_every_kind_has_a_case() -> None:
    """Each conflict kind the checker knows is covered by a present/absent pair below."""
    assert set(CASES) == set(ConflictKind)


@pytest.mark.parametrize("kind", list(ConflictKind), ids=lambda k: k.value)
def test_kind_found_when_present(kind: ConflictKind) -> None:
    """The programme that has the conflict reports it, once, with a sentence naming an event."""
    has, _ = CASES[kind]
    found = [c for c in check_programme(has) if c.kind is kind]
    assert len(found) == 1, [c.message for c in check_programme(has)]
    conflict = found[0]
    titles = [has.event_by_id[i].title for i in conflict.event_ids]
    assert titles and all(f"'{t}'" in conflict.message or t in conflict.message for t in titles[:1])
    assert conflict.message.endswith(".")


@pytest.mark.parametrize("kind", list(ConflictKind), ids=lambda k: k.value)
def test_kind_absent_when_not_present(kind: ConflictKind) -> None:
    """The nearly identical programme without the conflict does not report it."""
    _, clean = CASES[kind]
    assert [c.message for c in check_programme(clean) if c.kind is kind] == []


def test_warnings_and_errors_are_kept_apart() -> None:
    """No meeting point, no one responsible, short rest and too many matches are warnings."""
    for kind, (has, _) in CASES.items():
        for c in check_programme(has):
            expected = (
                Severity.WARNING
                if c.kind
                in {K.NO_MEETING_POINT, K.NO_RESPONSIBLE, K.REST_TOO_SHORT, K.TOO_MANY_MATCHES}
                else Severity.ERROR
            )
            assert c.severity is expected, (kind, c)
    both = check_programme(
        snapshot(
            event(1, at(10), at(12), meeting_point="", club_ids=(CHOIR,)),
            event(2, at(11), at(13), venue_id=CHURCH, club_ids=(CHOIR,)),
        )
    )
    assert [c.kind for c in errors(both)] == [K.CLUB_DOUBLE_BOOKED]
    assert [c.kind for c in warnings(both)] == [K.NO_MEETING_POINT]
    assert (
        check_programme(
            snapshot(
                event(1, at(10), at(12), meeting_point="", club_ids=(CHOIR,)),
                event(2, at(11), at(13), venue_id=CHURCH, club_ids=(CHOIR,)),
            )
        )[0].severity
        is Severity.ERROR
    )  # errors come first


def test_sentence_says_who_where_and_when() -> None:
    """A double booking names the club, both events, their venues and their times."""
    has, _ = CASES[K.CLUB_DOUBLE_BOOKED]
    message = next(c.message for c in check_programme(has) if c.kind is K.CLUB_DOUBLE_BOOKED)
    for part in ("Liederkranz", "Town hall", "St Mary's", "Thu 13 May 10:00–12:00", "11:00–13:00"):
        assert part in message


def test_membership_counts_for_people() -> None:
    """A member of a club is busy when the club is: Paul (choir and team) is double-booked."""
    has, _ = CASES[K.PERSON_DOUBLE_BOOKED]
    found = next(c for c in check_programme(has) if c.kind is K.PERSON_DOUBLE_BOOKED)
    assert found.person_ids == (6,)
    assert "Paul Klein" in found.message


def test_late_hour_is_a_setting() -> None:
    """Moving the late hour to 23:00 makes a 21:00–22:30 event fine for minors."""
    has, _ = CASES[K.MINOR_LATE]
    from twinplanner.planning.programme.snapshot import ProgrammeSettings

    later = replace(has, settings=ProgrammeSettings.from_json({"late_hour": "23:00"}))
    assert not [c for c in check_programme(later) if c.kind is K.MINOR_LATE]


def test_venue_open_past_midnight() -> None:
    """A venue open 18:00–02:00 holds an event from 23:00 to 01:00 without a conflict."""
    import datetime as dt

    bar = VenueInfo(9, "Late bar", "restaurant", None, dt.time(18), dt.time(2))
    snap = snapshot(event(1, at(23), at(1, day=1), venue_id=9))
    snap = replace(snap, venues=(*snap.venues, bar))
    assert not [c for c in check_programme(snap) if c.kind is K.OUTSIDE_OPENING_HOURS]


def test_clean_programme_has_no_conflict() -> None:
    """A sensible day (rehearsal, match, concert) has no conflict at all."""
    snap = snapshot(
        event(1, at(19), at(21), kind="concert", club_ids=(CHOIR, ORCHESTRA), venue_id=CHURCH),
        event(
            2,
            at(15),
            at(17),
            kind="rehearsal",
            prepares_id=1,
            club_ids=(CHOIR, ORCHESTRA),
            venue_id=CHURCH,
        ),
        match(3, (10, 0), (11, 0)),
    )
    assert check_programme(snap) == []


class _German(gettext.NullTranslations):
    """A window language with two sentences of the checker translated."""

    WORDS = {
        "{event} has no meeting point.": "{event} hat keinen Treffpunkt.",
        "{who} is in two events at once: {both}.": "{who} ist doppelt verplant: {both}.",
        "{who} are in two events at once: {both}.": "{who} sind doppelt verplant: {both}.",
    }

    def gettext(self, message: str) -> str:
        return self.WORDS.get(message, message)

    def ngettext(self, singular: str, plural: str, n: int) -> str:
        return self.gettext(singular if n == 1 else plural)


def test_sentences_follow_the_window_language(monkeypatch: pytest.MonkeyPatch) -> None:
    """The checker's sentences go through the window's translations, placeholders filled."""
    monkeypatch.setattr(i18n, "_current", _German())
    has, _ = CASES[K.NO_MEETING_POINT]
    [found] = [c for c in check_programme(has) if c.kind is K.NO_MEETING_POINT]
    assert found.message == "'Event 1' at Town hall (Thu 13 May 10:00–12:00) hat keinen Treffpunkt."
    has, _ = CASES[K.CLUB_DOUBLE_BOOKED]
    [found] = [c for c in check_programme(has) if c.kind is K.CLUB_DOUBLE_BOOKED]
    assert found.message.startswith("Liederkranz ist doppelt verplant: 'Event 1'")


def test_english_sentences_are_unchanged() -> None:
    """In English the sentences read as before, plural forms included."""
    has, _ = CASES[K.NO_MEETING_POINT]
    [found] = [c for c in check_programme(has) if c.kind is K.NO_MEETING_POINT]
    assert found.message == "'Event 1' at Town hall (Thu 13 May 10:00–12:00) has no meeting point."
    has, _ = CASES[K.MINOR_LATE]
    [found] = [c for c in check_programme(has) if c.kind is K.MINOR_LATE]
    assert " is a minor in '" in found.message and found.message.endswith("after 22:00.")
    many = snapshot(
        event(1, at(10), at(12), club_ids=(CHOIR, ORCHESTRA)),
        event(2, at(11), at(13), venue_id=CHURCH, club_ids=(CHOIR, ORCHESTRA)),
    )
    [found] = [c for c in check_programme(many) if c.kind is K.CLUB_DOUBLE_BOOKED]
    assert found.message.startswith("Harmonie and Liederkranz are in two events at once: ")

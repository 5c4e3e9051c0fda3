"""The programme service: snapshot from the database, event edits, settings, accepting proposals."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from twinplanner.data.models import (
    Club,
    Event,
    EventClub,
    Membership,
    Participation,
    Partnership,
    Person,
    Town,
    TravelTime,
    Venue,
    Visit,
)
from twinplanner.domain.errors import NotFoundError, ValidationError
from twinplanner.planning.programme.conflicts import ConflictKind
from twinplanner.services import programme as svc
from twinplanner.services.changes import Entity

START = dt.datetime(2027, 5, 13, 8, 0)


def at(hour: int, minute: int = 0, day: int = 0) -> dt.datetime:
    return START.replace(hour=hour, minute=minute) + dt.timedelta(days=day)


@pytest.fixture
def visit(db_path: Path) -> dict[str, int]:
    """A visit with two teams (one player each, one arriving late), a choir, two pitches, a hall."""
    ours = Town.create(name="Lindenfeld", country="DE", language="de")
    theirs = Town.create(name="Beaulieu", country="FR", language="fr")
    p = Partnership.create(our_town=ours, partner_town=theirs)
    v = Visit.create(
        partnership=p, year=2027, title="Tournament", arrival_at=START, departure_at=at(18, 0, 2)
    )
    ids = {"visit": v.id}
    for key, town, name, kind, cat in (
        ("team_a", ours, "SV U15", "sports_team", "U15"),
        ("team_b", theirs, "AS U15", "sports_team", "U15"),
        ("choir", ours, "Liederkranz", "choir", ""),
    ):
        ids[key] = Club.create(town=town, name=name, kind=kind, category=cat).id
    for key, name, club, born, arrival in (
        ("jonas", "Jonas Brandt", ids["team_a"], dt.date(2012, 3, 1), None),
        ("enzo", "Enzo Blanc", ids["team_b"], dt.date(2012, 6, 1), at(12)),
        ("anna", "Anna Weber", ids["choir"], dt.date(1980, 1, 1), None),
    ):
        person = Person.create(full_name=name, birth_date=born)
        Membership.create(person=person, club=club)
        Participation.create(
            visit=v, person=person, is_guest=club == ids["team_b"], arrival_at=arrival
        )
        ids[key] = person.id
    ids["pitch1"] = Venue.create(
        name="Pitch 1", kind="pitch", opens_at="09:00", closes_at="19:00"
    ).id
    ids["pitch2"] = Venue.create(
        name="Pitch 2", kind="pitch", opens_at="09:00", closes_at="19:00"
    ).id
    ids["hall"] = Venue.create(
        name="Town hall", kind="hall", capacity=100, address="Marktplatz 1"
    ).id
    return ids


def lunch(ids: dict[str, int], **values: object) -> svc.EventInput:
    base: dict[str, object] = dict(
        kind="meal",
        title="Lunch",
        starts_at=at(12, 30),
        ends_at=at(13, 30),
        venue_id=ids["hall"],
        meeting_point="Hall",
        responsible_id=ids["anna"],
    )
    base.update(values)
    return svc.EventInput(**base)  # type: ignore[arg-type]


def test_snapshot_reads_stays_memberships_and_settings(visit: dict[str, int]) -> None:
    """Own arrival, minors, club membership, venue hours and stored settings reach the snapshot."""
    svc.update_programme_settings(visit["visit"], {"late_hour": "21:30", "min_rest_minutes": 45})
    svc.set_travel_time(visit["visit"], visit["pitch1"], visit["hall"], 25)
    snap = svc.build_snapshot(visit["visit"])
    enzo = snap.person_by_id[visit["enzo"]]
    assert enzo.arrival_at == at(12) and enzo.is_minor and enzo.club_ids == (visit["team_b"],)
    assert snap.person_by_id[visit["anna"]].is_minor is False
    assert snap.settings.late_hour == dt.time(21, 30) and snap.settings.min_rest_minutes == 45
    assert snap.travel_minutes(visit["hall"], visit["pitch1"]) == 25
    assert snap.travel_minutes(visit["pitch1"], visit["pitch2"]) == 15  # the default buffer
    assert snap.venue_by_id[visit["pitch1"]].opens_at == dt.time(9)
    assert {c.name: c.ours for c in snap.clubs} == {
        "SV U15": True,
        "AS U15": False,
        "Liederkranz": True,
    }


def test_settings_keep_other_keys_and_refuse_bad_values(visit: dict[str, int]) -> None:
    """Programme settings live under their own key; a bad value names the setting."""
    Visit.update(settings=json.dumps({"housing": {"weight": 3}})).where(
        Visit.id == visit["visit"]
    ).execute()
    svc.update_programme_settings(visit["visit"], {"max_matches_per_day": 3})
    stored = json.loads(Visit.get_by_id(visit["visit"]).settings)
    assert stored["housing"] == {"weight": 3} and stored["programme"]["max_matches_per_day"] == 3
    with pytest.raises(ValidationError, match="late_hour.*25:00"):
        svc.update_programme_settings(visit["visit"], {"late_hour": "25:00"})
    with pytest.raises(ValidationError, match="Unknown programme setting"):
        svc.update_programme_settings(visit["visit"], {"latehour": "21:00"})
    assert svc.programme_settings(visit["visit"]).max_matches_per_day == 3


def test_create_move_update_delete_event(visit: dict[str, int]) -> None:
    """Each edit returns Changes naming the event; a move keeps the length, shifts the meeting."""
    changes = svc.create_event(
        visit["visit"], lunch(visit, meeting_at=at(12, 15), club_ids=(visit["choir"],))
    )
    [eid] = changes.ids[Entity.EVENT]
    assert [r.club_id for r in EventClub.select().where(EventClub.event == eid)] == [visit["choir"]]
    svc.move_event(eid, at(13))
    moved = Event.get_by_id(eid)
    assert (moved.starts_at, moved.ends_at, moved.meeting_at) == (at(13), at(14), at(12, 45))
    svc.update_event(eid, lunch(visit, title="Lunch at the hall"))
    assert Event.get_by_id(eid).title == "Lunch at the hall"
    assert EventClub.select().where(EventClub.event == eid).count() == 0
    assert svc.delete_event(eid).touches(Entity.EVENT)
    assert Event.get_or_none(Event.id == eid) is None


def test_event_validation_says_what_is_wrong(visit: dict[str, int]) -> None:
    """End before start, unknown kinds, venues and people are refused before anything is written."""
    with pytest.raises(ValidationError, match="must end after it starts"):
        svc.create_event(visit["visit"], lunch(visit, ends_at=at(12)))
    with pytest.raises(ValidationError, match="kind must be one of"):
        svc.create_event(visit["visit"], lunch(visit, kind="party"))
    with pytest.raises(NotFoundError, match="no venue with id 999"):
        svc.create_event(visit["visit"], lunch(visit, venue_id=999))
    with pytest.raises(NotFoundError, match="no person with id 999"):
        svc.create_event(visit["visit"], lunch(visit, person_ids=(999,)))
    with pytest.raises(ValidationError, match="needs a title"):
        svc.create_event(visit["visit"], lunch(visit, title="  "))
    assert Event.select().count() == 0


def test_conflicts_from_the_database(visit: dict[str, int]) -> None:
    """A match before the visiting team has arrived is found from stored rows."""
    svc.create_event(
        visit["visit"],
        svc.EventInput(
            "match",
            "U15 friendly",
            at(10),
            at(11),
            visit["pitch1"],
            "Pitch 1",
            None,
            "",
            visit["anna"],
            club_ids=(visit["team_a"], visit["team_b"]),
            category="U15",
        ),
    )
    kinds = [c.kind for c in svc.check_visit(visit["visit"])]
    assert ConflictKind.MATCH_BEFORE_ARRIVAL in kinds


def test_accept_proposal_writes_in_one_go(visit: dict[str, int]) -> None:
    """Accepting writes the proposed match as a movable event with both teams; nothing before."""
    svc.create_event(visit["visit"], lunch(visit))
    proposal = svc.propose_schedule(visit["visit"], time_limit=5)
    assert Event.select().count() == 1  # proposing writes nothing
    [change] = proposal.changes
    assert change.event.starts_at >= at(12)  # Enzo's team arrives at noon
    changes = svc.accept_proposal(proposal)
    [eid] = changes.ids[Entity.EVENT]
    stored = Event.get_by_id(eid)
    assert stored.fixed is False and stored.starts_at == change.event.starts_at
    assert {r.club_id for r in EventClub.select().where(EventClub.event == eid)} == {
        visit["team_a"],
        visit["team_b"],
    }
    assert not [c for c in svc.check_visit(visit["visit"]) if c.severity.value == "error"]


def test_stale_proposal_is_refused_and_nothing_written(visit: dict[str, int]) -> None:
    """If a movable event changed after the proposal, accepting refuses and writes nothing."""
    svc.create_event(
        visit["visit"],
        svc.EventInput(
            "match",
            "U15 friendly",
            at(17, 0, 1),
            at(18, 0, 1),
            visit["pitch1"],
            fixed=False,
            club_ids=(visit["team_a"], visit["team_b"]),
            category="U15",
        ),
    )
    svc.create_event(visit["visit"], lunch(visit, fixed=False))
    proposal = svc.propose_schedule(visit["visit"], time_limit=5)
    assert [c.kind.value for c in proposal.changes] == ["moved"]
    match_id = proposal.changes[0].event.id
    svc.move_event(match_id, at(16, 0, 1))
    with pytest.raises(ValidationError, match="changed since the proposal"):
        svc.accept_proposal(proposal)
    assert Event.get_by_id(match_id).starts_at == at(16, 0, 1)


def test_travel_time_both_ways_and_reset(visit: dict[str, int]) -> None:
    """A travel time is stored both ways; None removes it again."""
    svc.set_travel_time(visit["visit"], visit["hall"], visit["pitch2"], 30)
    assert TravelTime.select().count() == 2
    svc.set_travel_time(visit["visit"], visit["hall"], visit["pitch2"], None)
    assert TravelTime.select().count() == 0
    with pytest.raises(ValidationError, match="two different venues"):
        svc.set_travel_time(visit["visit"], visit["hall"], visit["hall"], 5)


def test_a_removed_event_comes_back_under_its_own_id_with_its_rehearsals(
    visit: dict[str, int],
) -> None:
    """restore_event writes the event again under its id, with clubs and relinked rehearsals."""
    from twinplanner.services import programme_undo as undo

    [eid] = svc.create_event(visit["visit"], lunch(visit, club_ids=(visit["choir"],))).ids[
        Entity.EVENT
    ]
    [rehearsal] = svc.create_event(
        visit["visit"], lunch(visit, title="Warm-up", prepares_id=eid)
    ).ids[Entity.EVENT]
    data = undo.input_of_row(
        next(r for r in svc.queries.visit_events(visit["visit"]) if r.id == eid)
    )
    prepared_by = undo.preparations_of(eid)
    svc.delete_event(eid)
    assert Event.get_by_id(rehearsal).prepares_id is None
    undo.restore_event(visit["visit"], eid, data, prepared_by)
    assert Event.get_by_id(eid).title == data.title
    assert [r.club_id for r in EventClub.select().where(EventClub.event == eid)] == [visit["choir"]]
    assert Event.get_by_id(rehearsal).prepares_id == eid
    with pytest.raises(ValidationError, match="cannot be put back twice"):
        undo.restore_event(visit["visit"], eid, data)

"""The housing service: visit snapshot, applying a plan, manual placement, the assign command."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from tests.factories import make_club, make_host, make_party, make_person, make_visit
from twinplanner.cli import main
from twinplanner.data.models import (
    HostOffer,
    LogEntry,
    Membership,
    Participation,
    Placement,
    PlacementExclusion,
    PlacementWish,
    Visit,
)
from twinplanner.domain.errors import ValidationError
from twinplanner.planning.housing.rules import RuleCode
from twinplanner.planning.housing.solver import SolverOptions, solve
from twinplanner.services import placement
from twinplanner.services.changes import Entity

QUICK = SolverOptions(time_limit=5.0)


def test_snapshot_reads_minors_stays_offers_wishes_and_earlier_hosts(db_path: Path) -> None:
    """The problem holds minors at arrival, own stays, availability, wishes and repeat hosts."""
    earlier = make_visit(
        arrival=dt.datetime(2026, 5, 10, 17), departure=dt.datetime(2026, 5, 14), year=2026
    )
    visit = make_visit()
    lea = make_person("Léa Martin", dt.date(2009, 5, 13))  # 18 the day after arrival
    mum = make_person("Claire Martin", dt.date(1980, 1, 1), animal_allergies="cat,dog")
    club = make_club()
    Membership.create(person=mum, club=club)
    old_party = make_party(earlier, lea, mum, name="Martin")
    martin = make_party(visit, lea, mum, name="Martin", kind="family")
    Participation.update(departure_at=dt.datetime(2027, 5, 15, 9)).where(
        Participation.visit == visit
    ).execute()  # the whole party leaves a day early
    host = make_host(visit, "Heike Hoffmann", beds=3, pets="cat", minors_cleared=True)
    other = make_host(visit, "Klaus Meyer", beds=2)
    HostOffer.update(available_until=dt.datetime(2027, 5, 15, 12)).where(
        HostOffer.household == other
    ).execute()
    Placement.create(visit=earlier, party=old_party, household=host)
    PlacementWish.create(party=martin, household=other)
    PlacementExclusion.create(party=martin, household=host, reason="family reasons")

    pr = placement.build_problem(visit.id)
    (party,) = pr.parties
    by_name = {m.name: m for m in party.members}
    assert by_name["Léa Martin"].minor and by_name["Léa Martin"].age == 17
    assert by_name["Claire Martin"].animal_allergies == ("cat", "dog")
    assert by_name["Claire Martin"].club_ids == (club.id,)
    assert party.first_night is None and party.last_day == dt.date(2027, 5, 15)
    assert party.previous_hosts == ((host.id, 2),)
    assert party.wished == {other.id} and party.excluded == {host.id}
    households = {h.id: h for h in pr.households}
    assert households[other.id].available_until == dt.date(2027, 5, 15)
    assert households[host.id].pets == ("cat",)


def test_settings_are_read_and_written_under_their_own_key(db_path: Path) -> None:
    """Weights and switches live in Visit.settings['housing']; other keys stay untouched."""
    visit = make_visit()
    Visit.update(settings=json.dumps({"minors_in_pairs": True, "programme": {"x": 1}})).where(
        Visit.id == visit.id
    ).execute()
    weights, settings = placement.housing_settings(visit.id)
    assert settings.minors_in_pairs and weights.repeat_host == 40
    changes = placement.update_housing_settings(
        visit.id, weights={"repeat_host": 55}, district_groups=[["Altstadt", "Nord"]]
    )
    assert changes.touches(Entity.VISIT)
    weights, settings = placement.housing_settings(visit.id)
    assert weights.repeat_host == 55
    assert settings.area_of("Nord") == "Altstadt"
    stored = json.loads(Visit.get_by_id(visit.id).settings)
    assert stored["programme"] == {"x": 1}
    with pytest.raises(ValidationError, match="repeat_host"):
        placement.update_housing_settings(visit.id, weights={"repeat_host": "many"})


def test_apply_writes_the_plan_and_refuses_a_stale_one(db_path: Path) -> None:
    """A plan is saved in one go; if placements changed meanwhile, nothing is saved."""
    visit = make_visit()
    a = make_party(visit, make_person("Ana Popescu"))
    b = make_party(visit, make_person("Mihai Popescu"))
    make_host(visit, "Heike Hoffmann", beds=1)
    make_host(visit, "Klaus Meyer", beds=1)
    pr, result = placement.plan(visit.id, time_limit=5)
    changes = placement.apply_result(pr, result)
    assert changes.touches(Entity.PLACEMENT) and changes.ids[Entity.PLACEMENT] == {a.id, b.id}
    rows = {p.party_id: p for p in Placement.select()}
    assert set(rows) == {a.id, b.id} and {r.source for r in rows.values()} == {"planner"}
    pr2 = placement.build_problem(visit.id)
    result2 = solve(pr2, QUICK)
    placement.unplace_party(a.id)
    with pytest.raises(placement.StalePlanError, match="changed while the planner ran"):
        placement.apply_result(pr2, result2)
    assert Placement.select().count() == 1


def test_manual_placement_refuses_with_every_rule_and_records_an_override(db_path: Path) -> None:
    """A forbidden placement needs a reason; with one it is saved, locked and logged."""
    visit = make_visit()
    ana = make_party(visit, make_person("Ana Popescu", animal_allergies="cat"), name="Popescu")
    host = make_host(visit, "Sabine Müller", beds=1, pets="cat", smoking=True)
    verdict = placement.check_party_household(ana.id, host.id)
    assert not verdict.allowed and {b.rule for b in verdict.breaches} == {RuleCode.ALLERGY}
    with pytest.raises(placement.PlacementRefused, match="Ana Popescu is allergic to cats"):
        placement.place_party(ana.id, host.id)
    assert Placement.select().count() == 0
    placement.place_party(ana.id, host.id, override_reason="  the cat is away that week ")
    row = Placement.get(Placement.party == ana.id)
    assert row.locked and row.override_reason == "the cat is away that week"
    assert LogEntry.select().where(LogEntry.action == "placement override").count() == 1
    pr = placement.build_problem(visit.id)
    assert solve(pr, QUICK).household_of(ana.id) == host.id  # the planner keeps it


def test_manual_place_unplace_lock_unlock(db_path: Path) -> None:
    """An allowed placement is saved as by hand; lock and unplace change only that party."""
    visit = make_visit()
    p = make_party(visit, make_person("Ana Popescu"))
    host = make_host(visit, "Heike Hoffmann", beds=2)
    changes = placement.place_party(p.id, host.id)
    assert changes.ids[Entity.HOUSEHOLD] == {host.id}
    row = Placement.get(Placement.party == p.id)
    assert row.source == "hand" and not row.locked and row.override_reason == ""
    placement.set_locked(p.id, True)
    assert Placement.get(Placement.party == p.id).locked
    placement.set_locked(p.id, False)
    assert not Placement.get(Placement.party == p.id).locked
    placement.unplace_party(p.id)
    assert Placement.select().count() == 0
    with pytest.raises(ValidationError, match="no household to lock"):
        placement.set_locked(p.id, True)


def test_placements_by_visitor_lists_every_guest(db_path: Path) -> None:
    """One frozen row per guest with household, address and phone; unplaced guests too."""
    visit = make_visit()
    placed = make_party(visit, make_person("Ana Popescu"), name="Popescu")
    make_party(visit, make_person("Zoé Chevalier"), name="Chevalier")
    host = make_host(visit, "Heike Hoffmann", beds=2, address="Lindenweg 3", phone="+49 1")
    placement.place_party(placed.id, host.id)
    rows = placement.placements_by_visitor(visit.id)
    assert [r.visitor for r in rows] == ["Ana Popescu", "Zoé Chevalier"]
    assert (rows[0].party, rows[0].household, rows[0].address, rows[0].phone) == (
        "Popescu",
        "Heike Hoffmann",
        "Lindenweg 3",
        "+49 1",
    )
    assert rows[1].household == "" and rows[1].household_id is None


def test_demo_visit_is_placed_and_replanned_after_a_household_drops_out(
    demo_db: tuple[Path, int],
) -> None:
    """The demo houses everyone who can be; when a host drops out only its guests move."""
    _, visit_id = demo_db
    pr, result = placement.plan(visit_id, time_limit=5)
    assert result.optimal
    assert all(u.reason for u in result.unplaced)
    placement.apply_result(pr, result)
    counts: dict[int, int] = {}
    for row in Placement.select().where(~Placement.locked & (Placement.visit == visit_id)):
        counts[row.household_id] = counts.get(row.household_id, 0) + 1
    gone = max(counts, key=lambda h: (counts[h], -h))
    guests = {
        r.party_id
        for r in Placement.select().where(
            (Placement.household == gone) & (Placement.visit == visit_id)
        )
    }
    offer = (HostOffer.visit == visit_id) & (HostOffer.household == gone)
    HostOffer.delete().where(offer).execute()
    pr2, result2 = placement.plan(visit_id, replan=True, time_limit=5)
    assert {m.party_id for m in result2.moves} == guests
    placement.apply_result(pr2, result2)
    assert (
        not Placement.select()
        .where((Placement.household == gone) & (Placement.visit == visit_id))
        .exists()
    )


def test_assign_command_prints_a_summary_and_dry_run_saves_nothing(
    demo_db: tuple[Path, int], capsys: pytest.CaptureFixture[str]
) -> None:
    """`assign --dry-run` prints placed, reasons, wishes and proof; `assign` then saves."""
    path, visit_id = demo_db
    # The one household free on the organiser's early arrival day drops that day.
    HostOffer.update(available_from=None).where(HostOffer.visit == visit_id).execute()
    before = Placement.select().count()
    assert (
        main(
            [
                "--db",
                str(path),
                "assign",
                "--visit",
                str(visit_id),
                "--dry-run",
                "--time-limit",
                "5",
            ]
        )
        == 0
    )
    out = capsys.readouterr().out
    assert "Placed " in out and "Wishes" in out and "Dry run: nothing was saved." in out
    assert "Proven best" in out or "gap" in out
    assert "Nicolas" in out  # arrives before any household can host: named with a reason
    from twinplanner.data.db import open_database

    open_database(path)
    assert Placement.select().count() == before
    assert main(["--db", str(path), "assign", "--visit", str(visit_id), "--time-limit", "5"]) == 0
    assert "Saved." in capsys.readouterr().out
    open_database(path)
    assert Placement.select().count() > before


def test_assign_command_rejects_a_bad_time_limit(
    db_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A time limit of zero is refused with a message naming the option."""
    assert main(["--db", str(db_path), "assign", "--visit", "1", "--time-limit", "0"]) == 1
    assert "--time-limit" in capsys.readouterr().err


def test_placements_by_visitor_carries_minor_district_lock_and_source(db_path: Path) -> None:
    """A row says whether the guest is under age at arrival, the district, lock and who placed."""
    visit = make_visit()
    arrival = visit.arrival_at.date()
    child = make_person("Léa Martin", arrival.replace(year=arrival.year - 12))
    make_party(visit, make_person("Zoé Chevalier"), name="Chevalier")
    party = make_party(visit, child, name="Martin")
    host = make_host(visit, "Heike Hoffmann", beds=2, district="Altstadt")
    placement.place_party(party.id, host.id, override_reason="Her aunt")
    placed, unplaced = placement.placements_by_visitor(visit.id)
    assert (placed.visitor, placed.minor, placed.district, placed.locked) == (
        "Léa Martin",
        True,
        "Altstadt",
        True,
    )
    assert (placed.placed_by, placed.override_reason) == ("hand", "Her aunt")
    assert (unplaced.minor, unplaced.locked, unplaced.placed_by) == (False, False, "")

"""The iCalendar export parses back with the same events and local times; the commands work."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from zoneinfo import ZoneInfo

import icalendar
import pytest

from tests.unit.programme.programme_helpers import CHOIR, CHURCH, TEAM_B, at, event, snapshot
from twinplanner.cli import main
from twinplanner.domain.errors import ValidationError
from twinplanner.io.ical import calendar_bytes, events_for_club, zone_for_country

BERLIN = ZoneInfo("Europe/Berlin")


def programme() -> object:
    """A summer-time event, a winter-time event, a choir rehearsal and a reception for everyone."""
    return snapshot(
        event(1, at(10), at(12), title="Choir rehearsal", club_ids=(CHOIR,), venue_id=CHURCH),
        event(2, at(17), at(18, 30), title="Reception"),
        event(3, at(9, day=1), at(10, day=1), title="Match", kind="match", club_ids=(TEAM_B,)),
        event(
            4, dt.datetime(2027, 12, 1, 19), dt.datetime(2027, 12, 1, 21), title="Winter concert"
        ),
    )


def parse(data: bytes) -> dict[str, icalendar.Event]:
    cal = icalendar.Calendar.from_ical(data)
    return {str(e["summary"]): e for e in cal.walk("VEVENT")}


def test_ics_parses_back_with_the_same_events_and_times() -> None:
    """Every event comes back with its title and its wall-clock times in Europe/Berlin."""
    snap = programme()
    data = calendar_bytes(
        snap, snap.events, "Europe/Berlin", stamp=dt.datetime(2027, 1, 1, tzinfo=dt.UTC)
    )
    events = parse(data)
    assert set(events) == {"Choir rehearsal", "Reception", "Match", "Winter concert"}
    for e in snap.events:
        item = events[e.title]
        start, end = item.decoded("dtstart"), item.decoded("dtend")
        assert start == e.starts_at.replace(tzinfo=BERLIN) and end == e.ends_at.replace(
            tzinfo=BERLIN
        )
        assert start.replace(tzinfo=None) == e.starts_at  # same local time, not shifted
    # summer and winter offsets are both right: 10:00 CEST is 08:00 UTC, 19:00 CET is 18:00 UTC
    assert events["Choir rehearsal"].decoded("dtstart").astimezone(dt.UTC).hour == 8
    assert events["Winter concert"].decoded("dtstart").astimezone(dt.UTC).hour == 18
    assert "TZID=Europe/Berlin" in data.decode() and "BEGIN:VTIMEZONE" in data.decode()
    assert str(events["Choir rehearsal"]["location"]) == "St Mary's"
    assert "Meeting point: Town square" in str(events["Reception"]["description"])
    assert len({str(e["uid"]) for e in events.values()}) == 4


def test_club_calendar_has_its_events_and_those_for_everyone() -> None:
    """The choir's file holds its rehearsal and the reception, not the team's match."""
    snap = programme()
    titles = [e.title for e in events_for_club(snap, CHOIR)]
    assert titles == ["Choir rehearsal", "Reception", "Winter concert"]


def test_zone_of_a_country_and_unknown_zones() -> None:
    """Countries map to their main zone; an unknown zone name is refused with a sentence."""
    assert zone_for_country("de") == "Europe/Berlin"
    assert zone_for_country("FR") == "Europe/Paris"
    with pytest.raises(ValidationError, match="No time zone is known for country 'XX'"):
        zone_for_country("XX")
    with pytest.raises(ValidationError, match="not a known time zone"):
        calendar_bytes(programme(), (), "Mars/Olympus")  # type: ignore[arg-type]


def test_commands_on_the_demo(
    demo_db: tuple[Path, int], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """conflicts, schedule --dry-run and ics run on the demo exchange and say what they did."""
    path, visit_id = demo_db
    assert main(["--db", str(path), "conflicts", "--visit", str(visit_id)]) == 0
    out = capsys.readouterr().out
    assert "error(s)" in out and "warning(s)" in out
    assert main(["--db", str(path), "schedule", "--visit", str(visit_id), "--dry-run"]) == 0
    assert "Nothing" in capsys.readouterr().out
    target = tmp_path / "choir.ics"
    club = "Liederkranz Lindenfeld"
    assert (
        main(
            ["--db", str(path), "ics", "--visit", str(visit_id), "--club", club, "-o", str(target)]
        )
        == 0
    )
    assert "event(s)" in capsys.readouterr().out
    summaries = set(parse(target.read_bytes()))
    assert any("concert" in s.lower() for s in summaries)
    assert (
        main(
            [
                "--db",
                str(path),
                "ics",
                "--visit",
                str(visit_id),
                "--club",
                "Nobody",
                "-o",
                str(tmp_path / "x.ics"),
            ]
        )
        == 1
    )
    assert "no club named 'Nobody'" in capsys.readouterr().err

"""Privacy: retention purge with anonymous counts, safeguarding deletion, export and erasure."""

from __future__ import annotations

import datetime as dt
import json
import stat
from pathlib import Path

import pytest

from tests.factories import make_event, make_host, make_party, make_person, make_town, make_visit
from twinplanner.data.models import Household, LogEntry, Participation, Party, Person, Placement
from twinplanner.domain.errors import NotFoundError, ValidationError
from twinplanner.services import privacy
from twinplanner.services.privacy_export import export_person, person_data

TODAY = dt.date(2031, 6, 1)


def _old_visit():
    """A visit in 2027 (four years before TODAY)."""
    return make_visit()


def _new_visit():
    """A visit in 2030 (within three years of TODAY)."""
    return make_visit(dt.datetime(2030, 5, 10, 17), dt.datetime(2030, 5, 14, 10), 2030)


def test_purge_preview_changes_nothing_then_purge_keeps_anonymous_counts(db_path: Path) -> None:
    """The preview lists who goes; purging removes them and keeps counts per country."""
    old, new = _old_visit(), _new_visit()
    german = make_town("Lindenfeld", "DE", "de")
    child = make_person("Léa Martin", dt.date(2014, 3, 1))
    adult = make_person("Hélène Dubois", dt.date(1959, 7, 21))
    local = make_person("Jonas Weber", dt.date(1990, 1, 1), town=german)
    stays = make_person("Ana Popescu", dt.date(1984, 2, 29))
    make_party(old, child, adult, name="Famille Martin")
    Participation.create(visit=old, person=local, is_guest=False)
    make_party(old, stays)
    make_party(new, stays)
    old_host = make_host(old, "Sabine Müller")
    new_host = make_host(new, "Karl Schmidt")

    preview = privacy.preview_purge(3, today=TODAY)
    assert {c.name for c in preview.people} == {"Léa Martin", "Hélène Dubois", "Jonas Weber"}
    assert [c.name for c in preview.households] == ["Sabine Müller"]
    assert preview.visits_counted == (old.id,)
    assert Person.select().count() == 4  # a preview changes nothing

    changes = privacy.purge(preview, today=TODAY)
    assert changes
    assert [p.full_name for p in Person.select()] == ["Ana Popescu"]
    assert [h.id for h in Household.select()] == [new_host.id]
    assert Household.get_or_none(Household.id == old_host.id) is None
    assert not Party.select().where(Party.name == "Famille Martin").exists()
    stats = {r.country: r for r in privacy.visit_statistics(old.id)}
    assert set(stats) == {"FR", "DE"}
    assert (stats["FR"].participants, stats["FR"].minors, stats["FR"].adults) == (3, 1, 2)
    assert (stats["FR"].guests, stats["DE"].guests, stats["DE"].adults) == (3, 0, 1)
    log = LogEntry.get(LogEntry.action == "retention-purge")
    assert "3 people" in log.detail and "Martin" not in log.detail


def test_purge_spares_someone_who_took_part_since_the_preview(db_path: Path) -> None:
    """A person added to a recent visit after the preview is not purged with it."""
    old, new = _old_visit(), _new_visit()
    person = make_person("Ion Țăranu")
    make_party(old, person)
    preview = privacy.preview_purge(3, today=TODAY)
    assert [c.id for c in preview.people] == [person.id]
    make_party(new, person)
    privacy.purge(preview, today=TODAY)
    assert Person.get_or_none(Person.id == person.id) is not None


def test_retention_setting_is_stored_and_checked(db_path: Path) -> None:
    """The retention period defaults to 3 years, can be changed, and refuses nonsense."""
    assert privacy.retention_years() == 3
    privacy.set_retention_years(5)
    assert privacy.retention_years() == 5
    assert privacy.preview_purge(today=TODAY).years == 5
    with pytest.raises(ValidationError, match="out of range"):
        privacy.set_retention_years(0)


def test_safeguarding_record_deleted_three_months_after_the_visit(db_path: Path) -> None:
    """The check record stays until three months after the visit it served, then goes."""
    visit = _old_visit()  # ends 16 May 2027
    home = make_host(
        visit, "Familie Kaya", minors_cleared=True, safeguarding_checked_on=dt.date(2027, 3, 1)
    )
    untouched = make_host(visit, "Familie Roth")
    assert privacy.expired_safeguarding(dt.date(2027, 8, 15)) == []
    assert privacy.delete_expired_safeguarding(dt.date(2027, 8, 15)) == privacy.Changes()
    assert [h for h, _, _ in privacy.expired_safeguarding(dt.date(2027, 8, 16))] == [home.id]
    privacy.delete_expired_safeguarding(dt.date(2027, 8, 16))
    home = Household.get_by_id(home.id)
    assert (home.minors_cleared, home.safeguarding_checked_on) == (False, None)
    assert Household.get_by_id(untouched.id).contact_name == "Familie Roth"
    assert LogEntry.select().where(LogEntry.action == "safeguarding-deleted").count() == 1


def test_safeguarding_record_kept_while_household_offers_for_a_coming_visit(db_path: Path) -> None:
    """A household offered for a visit not yet over keeps its record."""
    old = _old_visit()
    home = make_host(
        old, "Familie Kaya", minors_cleared=True, safeguarding_checked_on=dt.date(2027, 3, 1)
    )
    later = make_visit(dt.datetime(2028, 5, 10, 17), dt.datetime(2028, 5, 14, 10), 2028)
    from twinplanner.data.models import HostOffer

    HostOffer.create(visit=later, household=home)
    assert privacy.expired_safeguarding(dt.date(2028, 5, 1)) == []


def test_person_export_json_and_pdf_hold_everything_and_are_private(
    db_path: Path, tmp_path: Path
) -> None:
    """The export names the person's data, visits, host and events; files are mode 0600."""
    pypdf = pytest.importorskip("pypdf")
    visit = _old_visit()
    person = make_person(
        "Ștefan Ionescu",
        allergies="peanuts",
        consent_health=True,
        consent_health_on=dt.date(2027, 2, 1),
    )
    party = make_party(visit, person)
    host = make_host(visit, "Sabine Müller", address="Lindenweg 4")
    Placement.create(visit=visit, party=party, household=host)
    event = make_event(visit)
    from twinplanner.data.models import EventPerson

    EventPerson.create(event=event, person=person)
    data = person_data(person.id)
    assert data["person"]["allergies"] == "peanuts"
    assert data["person"]["consent_health_on"] == "2027-02-01"
    assert data["visits"][0]["housed_with"]["host"] == "Sabine Müller"
    assert data["events"][0]["title"] == "Joint concert"
    json_path = export_person(person.id, tmp_path / "stefan.json")
    exported = json.loads(json_path.read_text(encoding="utf-8"))
    assert exported["person"]["full_name"] == "Ștefan Ionescu"
    pdf_path = export_person(person.id, tmp_path / "stefan.pdf")
    text = "".join(page.extract_text() for page in pypdf.PdfReader(pdf_path).pages)
    for expected in ("Ștefan Ionescu", "peanuts", "Sabine Müller", "Joint concert"):
        assert expected in text
    for path in (json_path, pdf_path):
        assert stat.S_IMODE(path.stat().st_mode) == 0o600
    with pytest.raises(ValidationError, match=".json or .pdf"):
        export_person(person.id, tmp_path / "stefan.txt")
    with pytest.raises(NotFoundError):
        person_data(99999)


def test_erase_person_everywhere_with_a_log_that_says_when_not_who(db_path: Path) -> None:
    """Erasure removes the person, their mentions in free text, and logs without the name."""
    visit = _old_visit()
    person = make_person("Hélène Dubois")
    partner = make_person("Marc Dubois")
    party = make_party(visit, person, partner, name="Hélène Dubois and Marc")
    host = make_host(visit, "Sabine Müller", notes="Knows hélène dubois from 2019")
    Placement.create(
        visit=visit,
        party=party,
        household=host,
        override_reason="Hélène Dubois asked for this family",
    )
    solo = make_person("Léa Martin")
    make_party(visit, solo)
    make_event(visit, responsible=person)

    privacy.erase_person(person.id, now=dt.datetime(2031, 1, 1))
    assert Person.get_or_none(Person.id == person.id) is None
    assert Party.get_by_id(party.id).name == "[erased] and Marc"
    assert "hélène" not in Household.get_by_id(host.id).notes.lower()
    assert "Hélène" not in Placement.get(Placement.party == party.id).override_reason
    [entry] = LogEntry.select().where(LogEntry.action == "person-erased")
    assert "Dubois" not in entry.detail and str(person.id) not in entry.detail
    assert entry.at is not None
    # counts of the ended visit were kept before the erasure
    assert sum(r.participants for r in privacy.visit_statistics(visit.id)) == 3
    with pytest.raises(NotFoundError):
        privacy.erase_person(person.id)


def test_erase_removes_a_party_left_empty(db_path: Path) -> None:
    """A party whose only member is erased (named after them) goes too."""
    visit = _old_visit()
    person = make_person("Léa Martin")
    party = make_party(visit, person)
    privacy.erase_person(person.id)
    assert Party.get_or_none(Party.id == party.id) is None

"""Printing a whole visit from the database: every kind, the readers' languages, the personal
data each reader may see, combined files, progress and cancelling, and the print command."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest

from tests.unit.documents import pdf_probe as probe
from twinplanner.cli import main
from twinplanner.data.models import HostOffer, Party, Person, Placement
from twinplanner.domain.errors import ValidationError
from twinplanner.services import printing
from twinplanner.services.printing import KINDS, PrintCancelled, collect, print_visit


def _place_everyone(visit_id: int) -> None:
    """Place every unplaced party with the next household that has beds left (test data)."""
    placed = {p.party_id for p in Placement.select().where(Placement.visit == visit_id)}
    homes = [o.household for o in HostOffer.select().where(HostOffer.visit == visit_id)]
    used: dict[int, int] = {}
    for party in Party.select().where(Party.visit == visit_id).order_by(Party.id):
        if party.id in placed:
            continue
        size = party.participations.count()
        home = next(h for h in homes if used.get(h.id, 0) + size <= max(h.beds, 1) + 1)
        used[home.id] = used.get(home.id, 0) + size
        Placement.create(visit=visit_id, party=party, household=home)


def _pages(path: Path) -> int:
    return len(probe.reader(path.read_bytes()).pages)


def test_demo_prints_every_kind_with_combined_files(
    demo_db: tuple[Path, int], tmp_path: Path
) -> None:
    """Every kind is printed for the demo: one file per document, and a combined file per kind
    holding all their pages; personal data files are private; progress reaches the end."""
    _, visit_id = demo_db
    _place_everyone(visit_id)
    seen: list[tuple[int, int]] = []
    result = print_visit(
        visit_id,
        ["all"],
        tmp_path / "out",
        progress=lambda done, total, _m: seen.append((done, total)),
    )
    kinds = {k.kind: k for k in result.kinds}
    assert tuple(kinds) == KINDS
    assert len(kinds["itineraries"].files) == Party.select().where(Party.visit == visit_id).count()
    for printed in result.kinds:
        assert printed.files and printed.combined is not None, printed.kind
        assert _pages(printed.combined) == sum(_pages(f) for f in printed.files)
        assert probe.font_problems(printed.combined.read_bytes()) == []
    assert (kinds["host-list"].combined.stat().st_mode & 0o777) == 0o600  # type: ignore[union-attr]
    assert seen[-1][0] == seen[-1][1] and [d for d, _ in seen] == sorted(d for d, _ in seen)
    assert not list((tmp_path / "out").rglob("*.tmp"))


def test_itineraries_follow_each_party_and_its_language(demo_db: tuple[Path, int]) -> None:
    """A party's itinerary is in its first member's language, names its host and its events."""
    _, visit_id = demo_db
    _place_everyone(visit_id)
    docs = {d.data.party_name: d.data for d in collect(visit_id, ["itineraries"])["itineraries"]}
    benali, boyer, popescu = docs["Benali"], docs["Boyer"], docs["Popescu"]
    assert benali.language == "ar" and popescu.language == "ro" and boyer.language == "fr"
    assert boyer.host is not None and boyer.host.name == "Reinhard König"
    assert "Schlossstraße 3" in boyer.host.address
    titles = {e.title for e in benali.events}
    assert "U13: SV Lindenfeld – AS Beaulieu" in titles  # Karim and Yasmine play U13
    assert "U15: SV Lindenfeld – AS Beaulieu" not in titles
    assert {c.name for c in benali.organisers} >= {"Katharina Brandt", "Dominique Nicolas"}
    assert benali.safety_contact is not None and benali.safety_contact.town == "Beaulieu-sur-Loire"
    text = probe.flat(
        probe.render(
            __import__("twinplanner.documents.itinerary", fromlist=["x"]).render_itinerary, boyer
        )
    )
    assert "Reinhard König" in text and "Schlossstraße 3, 67551 Lindenfeld" in text
    assert "Rendez-vous à 09:45" in text  # the reception on Thursday


def test_host_sees_only_own_guests_health_data_with_consent(demo_db: tuple[Path, int]) -> None:
    """Host sheets list only their own guests, and allergies only where the guest consented."""
    _, visit_id = demo_db
    _place_everyone(visit_id)
    Person.update(allergies="sesame", consent_health=False).where(
        Person.full_name == "Véronique Lemoine"
    ).execute()
    Person.update(allergies="shellfish", consent_health=True).where(
        Person.full_name == "Brigitte Michel"
    ).execute()
    sheets = collect(visit_id, ["host-sheets"])["host-sheets"]
    every_guest = [g for d in sheets for g in d.data.guests]
    assert len(every_guest) == len({g.name for g in every_guest})  # nobody on two sheets
    from twinplanner.documents.host_sheet import render_host_sheet

    for doc in sheets:
        text = probe.flat(probe.render(render_host_sheet, doc.data))
        assert "sesame" not in text
        names = {g.name for g in doc.data.guests}
        assert ("shellfish" in text) == ("Brigitte Michel" in names)
        assert doc.data.language == "de"


def test_signature_and_transport_lists_from_the_demo(demo_db: tuple[Path, int]) -> None:
    """Signature lists split the participants by town with totals; transport lists name the
    households where guests are collected."""
    _, visit_id = demo_db
    _place_everyone(visit_id)
    docs = collect(visit_id, ["signature-lists", "transport"])
    match = next(
        d.data
        for d in docs["signature-lists"]
        if d.data.title == "U13: SV Lindenfeld – AS Beaulieu"
    )
    assert [s.town for s in match.sections] == ["Lindenfeld", "Beaulieu-sur-Loire"]
    assert match.show_age_band and match.local_and_invited()[1] > 0
    assert "Yasmine Benali" in {r.name for s in match.sections for r in s.rows}
    excursion = next(d.data for d in docs["transport"] if "Rüdesheim" in d.data.title)
    assert excursion.transport.startswith("Two coaches")
    assert all(stop.place for stop in excursion.stops[:-1])
    per_day = printing.collect(visit_id, ["signature-lists"], signatures_per="day")
    assert {d.data.title for d in per_day["signature-lists"]} == {""}


def test_cancel_stops_and_leaves_no_half_file(demo_db: tuple[Path, int], tmp_path: Path) -> None:
    """Setting the cancel flag stops printing with a clear message; finished files stay whole."""
    _, visit_id = demo_db
    _place_everyone(visit_id)
    flag = threading.Event()

    def progress(done: int, total: int, message: str) -> None:
        if done == 3:
            flag.set()

    with pytest.raises(PrintCancelled, match="3 of .* files were written"):
        print_visit(visit_id, ["itineraries"], tmp_path / "out", progress=progress, cancel=flag)
    files = list((tmp_path / "out").rglob("*.pdf"))
    assert len(files) == 3 and not list((tmp_path / "out").rglob("*.tmp"))


def test_language_override_and_bad_options(demo_db: tuple[Path, int], tmp_path: Path) -> None:
    """--lang prints every document in that language; unknown kinds, languages and paper sizes
    are refused with the choices."""
    _, visit_id = demo_db
    result = print_visit(visit_id, ["host-list"], tmp_path / "ro", lang="ro", paper="letter")
    combined = result.kinds[0].combined
    assert combined is not None
    text = probe.flat(combined.read_bytes())
    assert "Familiile gazdă și oaspeții lor" in text
    assert probe.page_size(combined.read_bytes()) == pytest.approx((612, 792), abs=0.1)
    with pytest.raises(ValidationError, match="use one of itineraries"):
        print_visit(visit_id, ["menus"], tmp_path / "x")
    with pytest.raises(ValidationError, match="no document labels in 'tlh'"):
        print_visit(visit_id, ["programme"], tmp_path / "x", lang="tlh")
    with pytest.raises(ValidationError, match="Unknown paper size 'a3'"):
        print_visit(visit_id, ["programme"], tmp_path / "x", paper="a3")


def test_print_command(
    demo_db: tuple[Path, int], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """`twinplanner print programme --visit ID -o DIR` writes the programme and says where;
    a language without labels is a one-line error."""
    path, visit_id = demo_db
    out = tmp_path / "printed"
    assert (
        main(
            [
                "--db",
                str(path),
                "print",
                "programme",
                "--visit",
                str(visit_id),
                "-o",
                str(out),
                "--paper",
                "letter",
            ]
        )
        == 0
    )
    assert (out / "programme.pdf").is_file() and (out / "programme" / "programme.pdf").is_file()
    assert "programme: 1 documents" in capsys.readouterr().out
    assert (
        main(
            [
                "--db",
                str(path),
                "print",
                "programme",
                "--visit",
                str(visit_id),
                "-o",
                str(out),
                "--lang",
                "tlh",
            ]
        )
        == 1
    )
    assert "no document labels in 'tlh'" in capsys.readouterr().err

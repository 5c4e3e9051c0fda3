"""Everything held about one person, as JSON and as a readable PDF (right of access)."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any, BinaryIO

from twinplanner.data.models import (
    Club,
    Event,
    EventClub,
    EventPerson,
    Household,
    Membership,
    Participation,
    Party,
    Person,
    Placement,
    Town,
    Visit,
)
from twinplanner.domain.errors import NotFoundError, ValidationError
from twinplanner.i18n import _
from twinplanner.io.atomic import atomic_write

_PERSON_FIELDS = (
    "full_name",
    "gender",
    "birth_date",
    "languages",
    "role",
    "dietary_needs",
    "allergies",
    "animal_allergies",
    "smoker",
    "needs_smoke_free",
    "needs_step_free",
    "phone",
    "email",
    "emergency_contact",
    "notes",
    "consent_photos",
    "consent_photos_on",
    "consent_health",
    "consent_health_on",
    "created_at",
)


def _plain(value: Any) -> Any:
    if isinstance(value, dt.datetime | dt.date):
        return value.isoformat()
    return value


def _visit(visit: Visit) -> dict[str, Any]:
    p = visit.partnership
    return {
        "year": visit.year,
        "title": visit.title or f"{p.our_town.name} – {p.partner_town.name}",
        "arrival_at": _plain(visit.arrival_at),
        "departure_at": _plain(visit.departure_at),
    }


def person_data(person_id: int) -> dict[str, Any]:
    """Everything the file holds about one person, as plain JSON-ready data."""
    person = Person.get_or_none(Person.id == person_id)
    if person is None:
        raise NotFoundError(_("Person {person_id} does not exist.").format(person_id=person_id))
    data: dict[str, Any] = {"exported_at": dt.datetime.now().replace(microsecond=0).isoformat()}
    data["person"] = {"id": person.id, **{f: _plain(getattr(person, f)) for f in _PERSON_FIELDS}}
    town = Town.get_or_none(Town.id == person.town_id) if person.town_id else None
    data["town"] = {"name": town.name, "country": town.country} if town else None
    clubs = (
        Club.select(Club.id, Club.name)
        .join(Membership)
        .where(Membership.person == person_id)
        .order_by(Club.name)
    )
    club_ids = [c.id for c in clubs]
    data["clubs"] = [c.name for c in clubs]
    data["visits"] = [
        _participation(pa)
        for pa in Participation.select()
        .where(Participation.person == person_id)
        .join(Visit)
        .order_by(Visit.arrival_at)
    ]
    data["events"] = _events(person_id, club_ids)
    return data


def _participation(pa: Participation) -> dict[str, Any]:
    entry = {
        "visit": _visit(pa.visit),
        "as": "guest" if pa.is_guest else "local participant",
        "arrival_at": _plain(pa.arrival_at),
        "departure_at": _plain(pa.departure_at),
        "party": None,
        "housed_with": None,
    }
    if pa.party_id is not None:
        party = Party.get_by_id(pa.party_id)
        entry["party"] = party.name
        placement = Placement.get_or_none(Placement.party == party.id)
        if placement is not None:
            home = Household.get_by_id(placement.household_id)
            entry["housed_with"] = {
                "host": home.contact_name,
                "address": home.address,
                "phone": home.phone,
            }
    return entry


def _events(person_id: int, club_ids: list[int]) -> list[dict[str, Any]]:
    found: dict[int, str] = {}
    for (eid,) in (
        EventPerson.select(EventPerson.event).where(EventPerson.person == person_id).tuples()
    ):
        found[eid] = "participant"
    if club_ids:
        for (eid,) in (
            EventClub.select(EventClub.event).where(EventClub.club.in_(club_ids)).tuples()
        ):
            found.setdefault(eid, "with their club")
    for (eid,) in Event.select(Event.id).where(Event.responsible == person_id).tuples():
        found[eid] = "responsible"
    events = Event.select().where(Event.id.in_(list(found))).order_by(Event.starts_at)
    return (
        [
            {
                "title": e.title,
                "starts_at": _plain(e.starts_at),
                "ends_at": _plain(e.ends_at),
                "as": found[e.id],
            }
            for e in events
        ]
        if found
        else []
    )


def export_person(person_id: int, path: Path | str) -> Path:
    """Write everything held about a person to ``path`` (.json or .pdf), readable by owner only."""
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix not in (".json", ".pdf"):
        raise ValidationError(
            _("{path}: the export must end in .json or .pdf.").format(path=path), field="output"
        )
    data = person_data(person_id)
    if suffix == ".json":
        with atomic_write(path, "w") as out:
            json.dump(data, out, ensure_ascii=False, indent=2)
            out.write("\n")
    else:
        with atomic_write(path) as out:
            render_person_pdf(data, out)
    return path


def _fonts() -> tuple[str, str, Any]:
    """Font names and a paragraph maker: the embedded Unicode fonts when available."""
    from reportlab.platypus import Paragraph

    try:
        from twinplanner.documents import fonts

        fonts.register_fonts()
        regular, bold = fonts.SANS, fonts.SANS_BOLD
    except (ImportError, AttributeError, RuntimeError):  # no embedded fonts: standard ones
        regular, bold = "Helvetica", "Helvetica-Bold"
    try:
        from twinplanner.documents.text import para
    except ImportError:
        from xml.sax.saxutils import escape

        def para(text: str | None, style: Any, *, rtl: bool = False) -> Any:
            return Paragraph(escape(text or ""), style)

    return regular, bold, para


def _lines(data: dict[str, Any]) -> list[tuple[str, list[tuple[str, str]]]]:
    """Sections of (label, value) lines for the PDF."""
    person = data["person"]
    sections = [
        (
            "Personal data",
            [(k.replace("_", " ").capitalize(), _text(v)) for k, v in person.items() if k != "id"],
        )
    ]
    town = data["town"]
    sections.append(
        (
            "Town and clubs",
            [
                ("Town", f"{town['name']} ({town['country']})" if town else "—"),
                ("Clubs", ", ".join(data["clubs"]) or "—"),
            ],
        )
    )
    for stay in data["visits"]:
        v = stay["visit"]
        lines = [
            ("Dates", f"{v['arrival_at'][:10]} – {v['departure_at'][:10]}"),
            ("Took part as", stay["as"]),
            ("Party", stay["party"] or "—"),
        ]
        if stay["housed_with"]:
            h = stay["housed_with"]
            lines.append(("Housed with", f"{h['host']}, {h['address']}"))
        sections.append((f"Visit {v['year']}: {v['title']}", lines))
    if data["events"]:
        sections.append(
            (
                "Events",
                [
                    (e["starts_at"][:16].replace("T", " "), f"{e['title']} ({e['as']})")
                    for e in data["events"]
                ],
            )
        )
    return sections


def _text(value: Any) -> str:
    if value is True:
        return "yes"
    if value is False:
        return "no"
    return "—" if value in (None, "") else str(value)


def render_person_pdf(data: dict[str, Any], out: BinaryIO) -> None:
    """A readable PDF of ``person_data`` output: one section per kind of record."""
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.lib.units import mm
    from reportlab.platypus import SimpleDocTemplate, Spacer, Table, TableStyle

    regular, bold, para = _fonts()
    body = ParagraphStyle("body", fontName=regular, fontSize=9.5, leading=12)
    label = ParagraphStyle("label", parent=body, fontName=bold)
    head = ParagraphStyle(
        "head", fontName=bold, fontSize=12, leading=15, spaceBefore=6, spaceAfter=3
    )
    title = ParagraphStyle("title", fontName=bold, fontSize=16, leading=20, spaceAfter=4)
    doc = SimpleDocTemplate(
        out,
        pagesize=A4,
        leftMargin=18 * mm,
        rightMargin=18 * mm,
        topMargin=16 * mm,
        bottomMargin=16 * mm,
        invariant=1,
        title="Personal data",
        author="TwinPlanner",
    )
    story: list[Any] = [
        para(data["person"]["full_name"], title),
        para(
            f"Everything TwinPlanner holds about this person, exported on "
            f"{data['exported_at'].replace('T', ' ')}.",
            body,
        ),
    ]
    width = A4[0] - 36 * mm
    for heading, lines in _lines(data):
        story.append(para(heading, head))
        rows = [[para(k, label), para(v, body)] for k, v in lines]
        table = Table(rows, colWidths=[48 * mm, width - 48 * mm])
        table.setStyle(
            TableStyle(
                [
                    ("VALIGN", (0, 0), (-1, -1), "TOP"),
                    ("LINEBELOW", (0, 0), (-1, -1), 0.25, "#cccccc"),
                ]
            )
        )
        story += [table, Spacer(1, 3 * mm)]
    doc.build(story)

"""The visitor itinerary: one per party, in the visitors' language."""

from __future__ import annotations

from typing import BinaryIO

from reportlab.platypus import Flowable

from twinplanner.documents.blocks import (
    body,
    contacts_table,
    data_table,
    gap,
    heading,
    keep,
    key_values,
    notice,
    title_block,
)
from twinplanner.documents.data import Contact, ItineraryData, Transfer
from twinplanner.documents.labels import Labels, translation_for
from twinplanner.documents.layout import DocPart, build_pdf
from twinplanner.documents.programme_table import programme_table
from twinplanner.documents.styles import content_width


def _when_where(transfer: Transfer, labels: Labels) -> str:
    when = labels.date_time(transfer.at) if transfer.at else labels("unknown")
    return f"{when} · {labels.value(transfer.place)}" if transfer.place else when


def _organisers_by_town(organisers: tuple[Contact, ...]) -> list[tuple[str, list[Contact]]]:
    towns: dict[str, list[Contact]] = {}
    for contact in organisers:
        towns.setdefault(contact.town, []).append(contact)
    return list(towns.items())


def itinerary_part(data: ItineraryData, *, lang: str | None = None, paper: str = "a4") -> DocPart:
    """The itinerary as a document part (flowables and page frame)."""
    labels = translation_for(lang or data.language, data.visit.working_language)
    width = content_width(paper)
    title = labels("itinerary_title", party=data.party_name)
    story: list[Flowable] = [*title_block(title, data.visit.title, labels)]

    rows = [
        [
            m.name,
            labels.number(m.age) if m.age is not None else "",
            labels.languages(m.languages),
            m.phone,
        ]
        for m in data.members
    ]
    header = [labels("name"), labels("age"), labels("languages"), labels("phone")]
    story += [
        heading(labels("travellers"), labels),
        data_table(header, rows, (4.5, 1, 3.5, 3), width, labels),
    ]

    story.append(heading(labels("your_host"), labels))
    if data.host is None:
        story.append(body(labels("no_host_yet"), labels, strong=True))
    else:
        host = data.host
        pairs = [(labels("name"), host.name)]
        if host.members:
            pairs.append((labels("household_members"), host.members))
        pairs += [
            (labels("address"), host.address),
            (labels("district"), host.district),
            (labels("phone"), host.phone),
        ]
        if host.email:
            pairs.append((labels("email"), host.email))
        if host.languages:
            pairs.append((labels("languages"), labels.languages(host.languages)))
        story.append(key_values([(k, v) for k, v in pairs if v], width, labels))

    story.append(
        keep(
            [
                heading(labels("arrival_departure"), labels),
                key_values(
                    [
                        (
                            f"{labels('arrival')}: {labels('collected_on_arrival')}",
                            _when_where(data.arrival, labels),
                        ),
                        (
                            f"{labels('departure')}: {labels('brought_on_departure')}",
                            _when_where(data.departure, labels),
                        ),
                    ],
                    width,
                    labels,
                ),
            ]
        )
    )

    story.append(heading(labels("your_programme"), labels))
    if data.events:
        story.append(programme_table(data.events, width, labels))
    else:
        story.append(body(labels("no_events"), labels))

    emergency: list[Flowable] = [heading(labels("emergency_contacts"), labels)]
    emergency.append(
        body(labels("emergency_number", number=data.emergency_number), labels, strong=True)
    )
    for town, contacts in _organisers_by_town(data.organisers):
        emergency.append(body(labels("organisers_of", town=town), labels, strong=True))
        emergency.append(contacts_table(contacts, width, labels))
        emergency.append(gap(1.5))
    safety = data.safety_contact
    if safety is not None and safety.phone:
        line = labels("unsafe_call", name=safety.name, phone=safety.phone)
    else:
        line = labels("unsafe_call_any")
    emergency += [gap(2), notice(line, width, labels)]
    story.append(keep(emergency))
    return DocPart(title, data.visit, labels, personal_data=True, story=story)


def render_itinerary(
    data: ItineraryData, out: BinaryIO, *, lang: str | None = None, paper: str = "a4"
) -> None:
    """Write one party's itinerary as a PDF; ``lang`` overrides the party's language."""
    build_pdf([itinerary_part(data, lang=lang, paper=paper)], out, paper=paper)

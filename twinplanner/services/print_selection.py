"""Which documents a print run makes: kinds, recipients (everyone, one club, or what changed
since the last print), each document with its reader, language and a digest of its content."""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Sequence
from dataclasses import dataclass, replace
from typing import Any

from twinplanner.domain.errors import ValidationError
from twinplanner.i18n import _
from twinplanner.services import print_data, print_lists, print_runs
from twinplanner.services.print_data import VisitSnapshot
from twinplanner.services.printing import Document, check_kinds, check_options

EVERYONE = "everyone"
CLUB = "club"
CHANGED = "changed"
RECIPIENTS = (EVERYONE, CLUB, CHANGED)

NEW = "new"
CHANGED_STATUS = "changed"
UNCHANGED = "unchanged"


@dataclass(frozen=True)
class Entry:
    """One document of a selection: what it is, for whom, and whether it changed."""

    kind: str
    key: str  # stable within a visit: party id, household id, event title and time…
    recipient: str  # the reader or the subject, in the organiser's words
    language: str  # the language it is printed in ('de', or 'fr+de' for a programme)
    digest: str  # content and options: equal digests print the same document
    status: str  # NEW, CHANGED_STATUS or UNCHANGED against the record of printed documents
    printed_at: dt.datetime | None  # when this document was last printed


@dataclass(frozen=True)
class PrintJob:
    """The documents of one print run, read on the GUI thread, ready for a worker."""

    visit_id: int
    kinds: tuple[str, ...]
    recipients: str
    club_id: int | None
    lang: str | None
    paper: str
    documents: dict[str, list[Document]]
    entries: tuple[Entry, ...]  # in print order, one per document

    @property
    def document_count(self) -> int:
        """Documents in the selection (combined files not counted)."""
        return len(self.entries)


def digest(data: Any, lang: str | None, paper: str) -> str:
    """A short fingerprint of a document's data and print options (frozen dataclasses have a
    stable repr, so equal content gives an equal digest from run to run)."""
    text = repr((lang or "", paper.lower(), data))
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:20]


def _stem(index: int, name: str) -> str:
    from twinplanner.domain.text import fold

    slug = "".join(ch if ch.isalnum() else "-" for ch in fold(name))
    slug = "-".join(filter(None, slug.split("-")))[:40] or "document"
    return f"{index:03d}-{slug}"


def _club_people(snap: VisitSnapshot, club_id: int) -> set[int]:
    return {p.id for p in snap.people if club_id in p.club_ids}


def _narrow(snap: VisitSnapshot, club_id: int | None) -> tuple[VisitSnapshot, VisitSnapshot]:
    """The snapshot for the readers' documents and the one for the lists of events, narrowed
    to a club: its parties, the households hosting its members, the events it takes part in.
    Itineraries keep every event (a party's programme is not only its club's)."""
    if club_id is None:
        return snap, snap
    members = _club_people(snap, club_id)
    if not members:
        raise ValidationError(_("Nobody of this club takes part in the visit."), field="club")
    parties = tuple(p for p in snap.parties if members & set(p.member_ids))
    hosting = {p.household_id for p in snap.people if p.id in members and p.household_id}
    households = tuple(h for h in snap.households if h.id in hosting)
    taking_part = print_data.event_people(snap)
    events = tuple(e for e in snap.events if taking_part.get(e.id, set()) & members)
    readers = replace(snap, parties=parties, households=households)
    return readers, replace(snap, events=events)


def _itineraries(snap: VisitSnapshot) -> list[tuple[str, str, Any]]:
    """(key, recipient, data) per party; the key is the party id."""
    people = {p.id for p in snap.people}
    owners = [p for p in snap.parties if any(m in people for m in p.member_ids)]
    docs = print_data.itineraries(snap)
    result = []
    for party, data in zip(owners, docs, strict=True):
        assert data.party_name == party.name, "itineraries out of step with the parties"
        result.append((f"party:{party.id}", party.name, data))
    return result


def _host_sheets(snap: VisitSnapshot) -> list[tuple[str, str, Any]]:
    """(key, recipient, data) per household with guests; the key is the household id."""
    hosting = {p.household_id for p in snap.guests() if p.household_id is not None}
    owners = [h for h in snap.households if h.id in hosting]
    docs = print_data.host_sheets(snap)
    result = []
    for household, data in zip(owners, docs, strict=True):
        assert data.host.name == household.contact_name, "host sheets out of step"
        result.append((f"household:{household.id}", household.contact_name, data))
    return result


def _candidates(
    kind: str, readers: VisitSnapshot, events: VisitSnapshot, signatures_per: str
) -> list[tuple[str, str, Any]]:
    if kind == "itineraries":
        return _itineraries(readers)
    if kind == "host-sheets":
        return _host_sheets(readers)
    if kind == "host-list":
        hosts = print_data.host_list(readers)
        return [("host-list", "", hosts)] if hosts.entries else []
    if kind == "programme":
        programme = print_data.programme(events)
        return [("programme", "", programme)] if programme.events else []
    if kind == "signature-lists":
        return [
            (
                f"signatures:{d.day.isoformat()}:{d.starts_at}:{d.title}",
                f"{d.day.isoformat()} {d.title}".strip(),
                d,
            )
            for d in print_lists.signature_lists(events, per=signatures_per)
        ]
    return [
        (f"transport:{d.starts_at}:{d.title}", d.title, d)
        for d in print_lists.transport_lists(events)
    ]


def _language(data: Any, lang: str | None) -> str:
    if lang is not None:
        return lang
    languages = getattr(data, "languages", None)
    if isinstance(languages, tuple) and not hasattr(data, "language"):
        return "+".join(languages)
    return str(getattr(data, "language", ""))


def collect_job(
    visit_id: int,
    kinds: Sequence[str],
    *,
    recipients: str = EVERYONE,
    club_id: int | None = None,
    lang: str | None = None,
    paper: str = "a4",
    signatures_per: str = "event",
) -> PrintJob:
    """Read the documents to print (reads the database: GUI thread or command line).

    ``recipients`` is EVERYONE, CLUB (with ``club_id``) or CHANGED: only the documents whose
    content or print options differ from the last time they were printed, or never printed.
    """
    chosen = check_kinds(kinds)
    check_options(lang, paper)
    if recipients not in RECIPIENTS:
        raise ValidationError(
            _("Unknown recipients {recipients}: use one of {choices}.").format(
                recipients=repr(recipients), choices=", ".join(RECIPIENTS)
            ),
            field="recipients",
        )
    if recipients == CLUB and club_id is None:
        raise ValidationError(_("Choose the club to print for."), field="club")
    snap = print_data.read_snapshot(visit_id)
    readers, events = _narrow(snap, club_id if recipients == CLUB else None)
    record = print_runs.printed_documents(visit_id)
    documents: dict[str, list[Document]] = {}
    entries: list[Entry] = []
    for kind in chosen:
        docs = documents.setdefault(kind, [])
        for key, recipient, data in _candidates(kind, readers, events, signatures_per):
            mark = digest(data, lang, paper)
            before = record.get(kind, {}).get(key)
            status = (
                NEW if before is None else (UNCHANGED if before.digest == mark else CHANGED_STATUS)
            )
            if recipients == CHANGED and status == UNCHANGED:
                continue
            docs.append(Document(_stem(len(docs) + 1, recipient or kind), data))
            entries.append(
                Entry(
                    kind,
                    key,
                    recipient,
                    _language(data, lang),
                    mark,
                    status,
                    before.at if before else None,
                )
            )
    return PrintJob(
        visit_id,
        chosen,
        recipients,
        club_id if recipients == CLUB else None,
        lang,
        paper.lower(),
        documents,
        tuple(entries),
    )

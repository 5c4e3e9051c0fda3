"""Find anyone: a person or household by any part of name, phone or town, folded for accents."""

from __future__ import annotations

import re
from dataclasses import dataclass

from twinplanner.data.models import database
from twinplanner.domain.text import fold

_DIGITS_SQL = (
    "replace(replace(replace(replace(replace(replace(replace({col}, ' ', ''), '-', ''), '/', ''),"
    " '.', ''), '(', ''), ')', ''), '+', '')"
)


@dataclass(frozen=True, slots=True)
class SearchHit:
    """A person or household found; for a visitor, where they stay and the host's phone."""

    kind: str  # "person" or "household"
    id: int
    name: str
    town: str
    phone: str
    in_visit: bool = False
    is_guest: bool = False
    party_name: str = ""
    household_id: int | None = None
    household_name: str = ""
    household_phone: str = ""
    household_address: str = ""
    guests: tuple[str, ...] = ()  # for a household: the guests placed there in the visit


def _like(term: str) -> str:
    escaped = term.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


def _conditions(
    words: list[str], key: str, name: str, town: str, phone: str
) -> tuple[str, list[str]]:
    """Every word must match the search key, the town or (as digits) the phone.

    Records written around the services (e.g. by an older import) may lack a search key; for
    those only, the folded name is matched instead.
    """
    parts, params = [], []
    digits_sql = _DIGITS_SQL.format(col=phone)
    for word in words:
        ors = [
            f"{key} LIKE ? ESCAPE '\\'",
            f"fold(coalesce({town}, '')) LIKE ? ESCAPE '\\'",
            f"({key} = '' AND fold({name}) LIKE ? ESCAPE '\\')",
        ]
        params += [_like(word), _like(word), _like(word)]
        digits = re.sub(r"\D", "", word)
        if len(digits) >= 3 and len(digits) >= len(word) - 3:
            ors.append(f"{digits_sql} LIKE ? ESCAPE '\\'")
            params.append(_like(digits))
        parts.append("(" + " OR ".join(ors) + ")")
    return " AND ".join(parts), params


def find(query: str, visit_id: int | None = None, *, limit: int = 40) -> list[SearchHit]:
    """People and households matching every word of ``query``; those of the visit come first."""
    words = fold(query).split()
    if not words:
        return []
    where, params = _conditions(words, "p.search_key", "p.full_name", "t.name", "p.phone")
    sql = (
        "SELECT p.id, p.full_name, coalesce(t.name, ''), p.phone, pa.id IS NOT NULL,"
        " coalesce(pa.is_guest, 0), coalesce(py.name, ''), h.id, coalesce(h.contact_name, ''),"
        " coalesce(h.phone, ''), coalesce(h.address, '')"
        " FROM person p LEFT JOIN town t ON t.id = p.town_id"
        " LEFT JOIN participation pa ON pa.person_id = p.id AND pa.visit_id = ?"
        " LEFT JOIN party py ON py.id = pa.party_id"
        " LEFT JOIN placement pl ON pl.party_id = pa.party_id"
        " LEFT JOIN household h ON h.id = pl.household_id"
        f" WHERE {where} ORDER BY pa.id IS NULL, p.full_name COLLATE folded LIMIT ?"
    )
    hits = [
        SearchHit(
            "person", r[0], r[1], r[2], r[3], bool(r[4]), bool(r[5]), r[6], r[7], r[8], r[9], r[10]
        )
        for r in database.execute_sql(sql, (visit_id or -1, *params, limit))
    ]
    where, params = _conditions(words, "h.search_key", "h.contact_name", "t.name", "h.phone")
    sql = (
        "SELECT h.id, h.contact_name, coalesce(t.name, ''), h.phone, h.address, o.id IS NOT NULL"
        " FROM household h LEFT JOIN town t ON t.id = h.town_id"
        " LEFT JOIN host_offer o ON o.household_id = h.id AND o.visit_id = ?"
        f" WHERE {where} ORDER BY o.id IS NULL, h.contact_name COLLATE folded LIMIT ?"
    )
    rows = database.execute_sql(sql, (visit_id or -1, *params, limit)).fetchall()
    guests = _guests(visit_id, [r[0] for r in rows]) if visit_id else {}
    hits += [
        SearchHit(
            "household",
            r[0],
            r[1],
            r[2],
            r[3],
            bool(r[5]),
            household_id=r[0],
            household_name=r[1],
            household_phone=r[3],
            household_address=r[4],
            guests=tuple(guests.get(r[0], ())),
        )
        for r in rows
    ]
    # Matches on the name's start come first, then those of the visit, then by name.
    first = words[0]
    hits.sort(
        key=lambda h: (
            not fold(h.name).startswith(first) and f" {first}" not in f" {fold(h.name)}",
            not h.in_visit,
            fold(h.name),
        )
    )
    return hits[:limit]


def _guests(visit_id: int, household_ids: list[int]) -> dict[int, list[str]]:
    if not household_ids:
        return {}
    marks = ",".join("?" * len(household_ids))
    sql = (
        "SELECT pl.household_id, p.full_name FROM placement pl"
        " JOIN participation pa ON pa.party_id = pl.party_id JOIN person p ON p.id = pa.person_id"
        f" WHERE pl.visit_id = ? AND pl.household_id IN ({marks}) ORDER BY p.full_name"
    )
    result: dict[int, list[str]] = {}
    for hid, name in database.execute_sql(sql, (visit_id, *household_ids)):
        result.setdefault(hid, []).append(name)
    return result

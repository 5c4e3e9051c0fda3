"""The people of a visit for the Visitors page, read fast: no sorting in SQL, the table sorts.

``data.queries.visit_people`` orders by ``full_name COLLATE folded``, which calls a Python
collation for every comparison: about a second for 10,000 people. The page sorts in Python
anyway (one folded key per row), so this reader leaves the order to it.
"""

from __future__ import annotations

from twinplanner.data import queries
from twinplanner.data.models import database
from twinplanner.domain.rows import PersonRow
from twinplanner.domain.rules import age_on

_SQL = (
    f"SELECT {queries._PERSON_COLUMNS}, pa.party_id, py.name, pa.is_guest, pa.arrival_at,"
    " pa.departure_at, h.id, h.contact_name, h.phone"
    " FROM participation pa JOIN person p ON p.id = pa.person_id"
    " LEFT JOIN town t ON t.id = p.town_id"
    " LEFT JOIN party py ON py.id = pa.party_id"
    " LEFT JOIN placement pl ON pl.party_id = pa.party_id"
    " LEFT JOIN household h ON h.id = pl.household_id"
    " WHERE pa.visit_id = ?"
)


def visit_people(visit_id: int) -> list[PersonRow]:
    """Everyone taking part in a visit (unsorted), as queries.visit_people gives them."""
    start = queries.visit(visit_id).arrival_at.date()
    clubs_of = queries._memberships()
    rows = []
    for r in database.execute_sql(_SQL, (visit_id,)):
        base = queries._person_base(r, clubs_of)
        age = age_on(base["birth_date"], start)
        rows.append(PersonRow(
            **base, party_id=r[21], party_name=r[22] or "", is_guest=bool(r[23]),
            arrival_at=queries._datetime(r[24]), departure_at=queries._datetime(r[25]),
            is_minor=age is not None and age < 18, age=age, household_id=r[26],
            household_name=r[27] or "", household_phone=r[28] or ""))
    return rows

"""The drag payload of the housing board: one party of one visit."""

from __future__ import annotations

from PySide6.QtCore import QMimeData

PARTY_MIME = "application/x-twinplanner-party"


def party_mime(visit_id: int, party_id: int) -> QMimeData:
    """The payload of a dragged party ("visit:party")."""
    data = QMimeData()
    data.setData(PARTY_MIME, f"{visit_id}:{party_id}".encode("ascii"))
    data.setText(str(party_id))
    return data


def party_of_mime(data: QMimeData | None, visit_id: int) -> int | None:
    """The party id a payload carries, if it is a party of ``visit_id``; else None."""
    if data is None or not data.hasFormat(PARTY_MIME):
        return None
    raw = bytes(data.data(PARTY_MIME).data()).decode("ascii", "replace")
    visit, _sep, party = raw.partition(":")
    if not (visit.isdigit() and party.isdigit()) or int(visit) != visit_id:
        return None
    return int(party)

"""A visit's record and its per-visit settings (JSON in Visit.settings, one key per area)."""

from __future__ import annotations

import json

from twinplanner.data.models import Visit
from twinplanner.domain.errors import NotFoundError, ValidationError
from twinplanner.i18n import _


def visit_record(visit_id: int) -> Visit:
    """The visit's row; NotFoundError names the id when it does not exist."""
    visit = Visit.get_or_none(Visit.id == visit_id)
    if visit is None:
        raise NotFoundError(_("There is no visit with id {id}.").format(id=visit_id))
    return visit


def settings_of(visit: Visit) -> dict:
    """The visit's settings as a dict; ValidationError when the stored text is damaged."""
    try:
        data = json.loads(visit.settings or "{}")
    except ValueError as exc:
        raise ValidationError(
            _("The settings of visit {id} are damaged (not JSON).").format(id=visit.id)
        ) from exc
    return data if isinstance(data, dict) else {}


def store_settings(visit: Visit, data: dict) -> None:
    """Write the settings back (the caller holds the transaction)."""
    visit.settings = json.dumps(data, ensure_ascii=False, sort_keys=True)
    visit.save(only=[Visit.settings])

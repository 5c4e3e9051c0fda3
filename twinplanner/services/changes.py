"""The value every write returns: what kinds of record changed, and which ids."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum


class Entity(StrEnum):
    """Kinds of record a change can touch; the window routes changes by them."""

    PARTNERSHIP = "partnership"
    VISIT = "visit"
    CLUB = "club"
    PERSON = "person"
    PARTY = "party"
    HOUSEHOLD = "household"
    PLACEMENT = "placement"
    VENUE = "venue"
    EVENT = "event"


@dataclass(frozen=True)
class Changes:
    """What a service call changed: ``ids`` maps an entity kind to the ids touched."""

    ids: dict[Entity, frozenset[int]] = field(default_factory=dict)
    message: str = ""

    @classmethod
    def of(cls, entity: Entity, *ids: int, message: str = "") -> Changes:
        """Changes to the given records of one kind."""
        return cls({entity: frozenset(ids)}, message)

    def touches(self, entity: Entity) -> bool:
        """True when records of this kind changed."""
        return entity in self.ids

    def __or__(self, other: Changes) -> Changes:
        merged = dict(self.ids)
        for entity, ids in other.ids.items():
            merged[entity] = merged.get(entity, frozenset()) | ids
        return Changes(merged, "; ".join(m for m in (self.message, other.message) if m))

    def __bool__(self) -> bool:
        return bool(self.ids)

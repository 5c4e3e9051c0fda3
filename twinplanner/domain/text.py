"""Text helpers: accent- and case-folding for search and sorting, list fields."""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable

# Letters that NFKD does not decompose but organisers expect to match their base letter.
_EXTRA_FOLDS = str.maketrans(
    {"ß": "ss", "ø": "o", "đ": "d", "ł": "l", "æ": "ae", "œ": "oe", "ı": "i"}
)


def fold(text: str | None) -> str:
    """Fold case and accents so that 'mü' finds 'MÜLLER' and 'tar' finds 'Țăranu'."""
    if not text:
        return ""
    lowered = text.casefold().translate(_EXTRA_FOLDS)
    decomposed = unicodedata.normalize("NFKD", lowered)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def split_list(text: str | None) -> tuple[str, ...]:
    """Split a stored comma-separated list into its trimmed, non-empty items."""
    if not text:
        return ()
    return tuple(item.strip() for item in text.split(",") if item.strip())


def join_list(items: Iterable[str]) -> str:
    """Join list items for storage: trimmed, de-duplicated, order kept."""
    seen: dict[str, None] = {}
    for item in items:
        item = item.strip()
        if item and "," not in item:
            seen.setdefault(item, None)
        elif "," in item:
            for part in split_list(item):
                seen.setdefault(part, None)
    return ",".join(seen)

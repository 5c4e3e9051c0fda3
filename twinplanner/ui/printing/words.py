"""Words of the print centre: document kinds, statuses, paper sizes, languages."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from twinplanner.documents.catalogue import LANGUAGES
from twinplanner.i18n import N_, _, format_date, format_time, ngettext
from twinplanner.services import print_selection as sel
from twinplanner.ui.choices import language_name

# kind -> (label with its keyboard letter, plain label)
KIND_WORDS: dict[str, tuple[str, str]] = {
    "itineraries": (N_("Itinera&ries (one per party)"), N_("itinerary")),
    "host-sheets": (N_("H&ost sheets (one per household)"), N_("host sheet")),
    "host-list": (N_("Host &list (organisers, drivers)"), N_("host list")),
    "programme": (N_("Pro&gramme"), N_("programme")),
    "signature-lists": (N_("Signat&ure lists (grant report)"), N_("signature list")),
    "transport": (N_("&Transport lists"), N_("transport list")),
}

# kind -> (one, several) for counts such as "40 itineraries"
_COUNTED: dict[str, Callable[[int], str]] = {
    "itineraries": lambda n: ngettext("{n} itinerary", "{n} itineraries", n),
    "host-sheets": lambda n: ngettext("{n} host sheet", "{n} host sheets", n),
    "host-list": lambda n: ngettext("{n} host list", "{n} host lists", n),
    "programme": lambda n: ngettext("{n} programme", "{n} programmes", n),
    "signature-lists": lambda n: ngettext("{n} signature list", "{n} signature lists", n),
    "transport": lambda n: ngettext("{n} transport list", "{n} transport lists", n),
}

PAPERS: tuple[tuple[str, str], ...] = (("a4", N_("A4")), ("letter", N_("US Letter")))


def kind_label(kind: str) -> str:
    """The check box text of a kind, with its keyboard letter."""
    return _(KIND_WORDS[kind][0])


def kind_word(kind: str) -> str:
    """The plain word for one document of a kind ('itinerary')."""
    return _(KIND_WORDS[kind][1])


def languages() -> list[tuple[str, str]]:
    """The languages documents can be printed in, as (code, 'Deutsch (de)')."""
    return [(code, f"{language_name(code)} ({code})") for code in LANGUAGES]


def language_text(code: str) -> str:
    """A document's language as shown in the list ('fr + de' for a two-language programme)."""
    return " + ".join(code.split("+")) if code else "—"


def moment(value: dt.datetime) -> str:
    """A print time as shown ('3 May 2027 14:20'), in the window's language."""
    return f"{format_date(value, 'long')} {format_time(value)}"


def status_text(status: str, printed_at: dt.datetime | None) -> str:
    """Whether a document was printed before, e.g. 'changed since 2027-05-03 14:20'."""
    if status == sel.NEW or printed_at is None:
        return _("never printed")
    if status == sel.CHANGED_STATUS:
        return _("changed since {at}").format(at=moment(printed_at))
    return _("printed {at}, unchanged").format(at=moment(printed_at))


def count_text(job: sel.PrintJob | None) -> str:
    """'57 documents: 40 itineraries, 11 signature lists…' for the heading of the list."""
    if job is None or not job.document_count:
        return _("No documents to make with these choices.")
    parts = [
        _COUNTED[kind](len(docs)).format(n=len(docs))
        for kind, docs in job.documents.items()
        if docs
    ]
    return ngettext("{n} document: {parts}", "{n} documents: {parts}", job.document_count).format(
        n=job.document_count, parts=", ".join(parts)
    )

"""Print a whole visit: every document into a folder, plus one combined PDF per kind.

``collect`` reads the database (GUI thread or command line) into frozen document data;
``write_documents`` is pure and can run in a worker with a progress callback and a cancel
flag; ``print_visit`` does both.
"""

from __future__ import annotations

import io
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Protocol

from twinplanner.documents.labels import supported
from twinplanner.documents.styles import PAPERS
from twinplanner.domain.errors import TwinPlannerError, ValidationError
from twinplanner.domain.text import fold
from twinplanner.i18n import _

KINDS: tuple[str, ...] = (
    "itineraries",
    "host-sheets",
    "host-list",
    "programme",
    "signature-lists",
    "transport",
)
ALL = "all"
_PUBLIC_KINDS = {"programme"}  # every other kind holds personal data: files are private

Progress = Callable[[int, int, str], None]


class _Flag(Protocol):
    def is_set(self) -> bool: ...


Cancel = Callable[[], bool] | _Flag


class PrintCancelled(TwinPlannerError):
    """Printing was stopped on request; files finished before stay in the folder."""


@dataclass(frozen=True)
class Document:
    """One document to print: the file stem and its data."""

    stem: str
    data: Any


@dataclass(frozen=True)
class PrintedKind:
    """What was written for one kind: each document and the combined file."""

    kind: str
    files: tuple[Path, ...]
    combined: Path | None


@dataclass(frozen=True)
class PrintResult:
    """What ``print_visit`` wrote."""

    folder: Path
    kinds: tuple[PrintedKind, ...]

    @property
    def file_count(self) -> int:
        """Documents written, combined files included."""
        return sum(len(k.files) + (k.combined is not None) for k in self.kinds)


def check_kinds(kinds: Iterable[str]) -> tuple[str, ...]:
    """The kinds asked for, in print order; 'all' means every kind."""
    wanted = list(kinds)
    if ALL in wanted:
        return KINDS
    unknown = [k for k in wanted if k not in KINDS]
    if unknown or not wanted:
        raise ValidationError(
            _("Unknown document kind {value}: use one of {kinds} or {all}.").format(
                value=", ".join(repr(k) for k in unknown) or "(none)",
                kinds=", ".join(KINDS),
                all=ALL,
            ),
            field="kind",
        )
    return tuple(k for k in KINDS if k in wanted)


def check_options(lang: str | None, paper: str) -> None:
    """Refuse a language without document labels and an unknown paper size."""
    if lang is not None and not supported(lang):
        from twinplanner.documents.catalogue import LANGUAGES

        raise ValidationError(
            _("There are no document labels in '{lang}': use one of {languages}.").format(
                lang=lang, languages=", ".join(LANGUAGES)
            ),
            field="lang",
        )
    if paper.lower() not in PAPERS:
        raise ValidationError(
            _("Unknown paper size '{paper}': use one of {papers}.").format(
                paper=paper, papers=", ".join(PAPERS)
            ),
            field="paper",
        )


def _stem(index: int, name: str) -> str:
    slug = "".join(ch if ch.isalnum() else "-" for ch in fold(name))
    slug = "-".join(filter(None, slug.split("-")))[:40] or "document"
    return f"{index:03d}-{slug}"


def collect(
    visit_id: int, kinds: Sequence[str], *, signatures_per: str = "event"
) -> dict[str, list[Document]]:
    """Read the document data of a visit for the kinds asked for (reads the database)."""
    from twinplanner.services import print_data, print_lists

    kinds = check_kinds(kinds)
    snap = print_data.read_snapshot(visit_id)
    result: dict[str, list[Document]] = {}
    for kind in kinds:
        if kind == "itineraries":
            docs = [
                Document(_stem(i, d.party_name), d)
                for i, d in enumerate(print_data.itineraries(snap), 1)
            ]
        elif kind == "host-sheets":
            docs = [
                Document(_stem(i, d.host.name), d)
                for i, d in enumerate(print_data.host_sheets(snap), 1)
            ]
        elif kind == "host-list":
            docs = [Document("host-list", print_data.host_list(snap))]
        elif kind == "programme":
            docs = [Document("programme", print_data.programme(snap))]
        elif kind == "signature-lists":
            docs = [
                Document(_stem(i, f"{d.day.isoformat()} {d.title}"), d)
                for i, d in enumerate(print_lists.signature_lists(snap, per=signatures_per), 1)
            ]
        else:
            docs = [
                Document(_stem(i, d.title), d)
                for i, d in enumerate(print_lists.transport_lists(snap), 1)
            ]
        result[kind] = docs
    return result


def _part_function(kind: str) -> Callable[..., Any]:
    from twinplanner.documents import (
        host_list,
        host_sheet,
        itinerary,
        programme,
        signature_list,
        transport,
    )

    return {
        "itineraries": itinerary.itinerary_part,
        "host-sheets": host_sheet.host_sheet_part,
        "host-list": host_list.host_list_part,
        "programme": programme.programme_part,
        "signature-lists": signature_list.signature_list_part,
        "transport": transport.transport_part,
    }[kind]


def _cancelled(cancel: Cancel | None) -> bool:
    if cancel is None:
        return False
    is_set = getattr(cancel, "is_set", None)
    return bool(is_set()) if callable(is_set) else bool(cancel())  # type: ignore[operator]


def write_documents(
    documents: dict[str, list[Document]],
    out_dir: Path | str,
    *,
    lang: str | None = None,
    paper: str = "a4",
    progress: Progress | None = None,
    cancel: Cancel | None = None,
) -> PrintResult:
    """Render every document into ``out_dir/KIND/`` and one combined ``out_dir/KIND.pdf``.

    Pure (no database): safe in a worker thread. Each file is written to a temporary file and
    renamed, so a cancelled or failed run leaves no half file.
    """
    from twinplanner.documents.layout import build_pdf
    from twinplanner.documents.merge import merge_pdfs
    from twinplanner.io.atomic import write_bytes
    from twinplanner.paths import ensure_private_dir

    check_options(lang, paper)
    folder = ensure_private_dir(Path(out_dir))
    total = sum(len(docs) + 1 for docs in documents.values() if docs)
    done = 0
    printed = []

    def step(message: str) -> None:
        if progress is not None:
            progress(done, total, message)
        if _cancelled(cancel):
            raise PrintCancelled(
                f"Printing was cancelled; {done} of {total} files were written to {folder}."
            )

    for kind, docs in documents.items():
        if not docs:
            printed.append(PrintedKind(kind, (), None))
            continue
        make_part = _part_function(kind)
        private = kind not in _PUBLIC_KINDS
        kind_dir = ensure_private_dir(folder / kind)
        files = []
        rendered = []
        for doc in docs:
            step(f"{kind}: {doc.stem}")
            out = io.BytesIO()
            build_pdf([make_part(doc.data, lang=lang, paper=paper)], out, paper=paper)
            path = kind_dir / f"{doc.stem}.pdf"
            write_bytes(path, out.getvalue(), private=private)
            rendered.append(out.getvalue())
            files.append(path)
            done += 1
        step(f"{kind}: combined file")
        combined = folder / f"{kind}.pdf"
        out = io.BytesIO()
        # joined page by page, not laid out again: the combined file costs almost nothing
        merge_pdfs(rendered, out, title=kind)
        write_bytes(combined, out.getvalue(), private=private)
        done += 1
        printed.append(PrintedKind(kind, tuple(files), combined))
    if progress is not None:
        progress(done, total, "done")
    return PrintResult(folder, tuple(printed))


def print_visit(
    visit_id: int,
    kinds: Sequence[str],
    out_dir: Path | str,
    *,
    lang: str | None = None,
    paper: str = "a4",
    progress: Progress | None = None,
    cancel: Cancel | None = None,
) -> PrintResult:
    """Print the documents of a visit into a folder; ``lang`` overrides every reader's
    language, ``paper`` is 'a4' or 'letter'."""
    check_options(lang, paper)
    documents = collect(visit_id, kinds)
    return write_documents(
        documents, out_dir, lang=lang, paper=paper, progress=progress, cancel=cancel
    )

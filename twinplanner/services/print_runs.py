"""Print runs: write a selection into a new folder whole or not at all, and keep a record of
what was printed when (in the visit's settings, under "printing")."""

from __future__ import annotations

import datetime as dt
import shutil
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from twinplanner.data.models import LogEntry, Visit, database
from twinplanner.domain.text import fold
from twinplanner.i18n import ngettext
from twinplanner.services.changes import Changes, Entity
from twinplanner.services.printing import Cancel, PrintedKind, PrintResult, Progress
from twinplanner.services.visit_settings import settings_of, store_settings, visit_record

if TYPE_CHECKING:
    from twinplanner.services.print_selection import PrintJob

SETTINGS_KEY = "printing"
RUNS_KEPT = 20
PARTIAL_PREFIX = ".partial-"


@dataclass(frozen=True)
class PrintedMark:
    """The digest of a document when it was last printed, and when that was."""

    digest: str
    at: dt.datetime


@dataclass(frozen=True)
class PrintRun:
    """One print run: when, which kinds, how many documents, into which folder."""

    at: dt.datetime
    kinds: tuple[str, ...]
    documents: int
    folder: str


def _printing(visit: Visit) -> dict:
    part = settings_of(visit).get(SETTINGS_KEY) or {}
    return part if isinstance(part, dict) else {}


def _moment(text: object) -> dt.datetime | None:
    try:
        return dt.datetime.fromisoformat(str(text))
    except ValueError:
        return None


def printed_documents(visit_id: int) -> dict[str, dict[str, PrintedMark]]:
    """Per kind and document key: the digest and time of its last printing."""
    printed = _printing(visit_record(visit_id)).get("printed") or {}
    result: dict[str, dict[str, PrintedMark]] = {}
    for kind, marks in printed.items():
        if not isinstance(marks, dict):
            continue
        for key, mark in marks.items():
            at = _moment(mark.get("at")) if isinstance(mark, dict) else None
            if at is not None and isinstance(mark.get("digest"), str):
                result.setdefault(kind, {})[key] = PrintedMark(mark["digest"], at)
    return result


def runs(visit_id: int) -> list[PrintRun]:
    """The recorded print runs of a visit, newest first."""
    result = []
    for run in _printing(visit_record(visit_id)).get("runs") or []:
        at = _moment(run.get("at")) if isinstance(run, dict) else None
        if at is None:
            continue
        result.append(
            PrintRun(
                at,
                tuple(run.get("kinds") or ()),
                int(run.get("documents") or 0),
                str(run.get("folder") or ""),
            )
        )
    return sorted(result, key=lambda r: r.at, reverse=True)


def last_run(visit_id: int) -> PrintRun | None:
    """The newest print run of a visit, or None."""
    found = runs(visit_id)
    return found[0] if found else None


def record_run(job: PrintJob, folder: Path | str, at: dt.datetime | None = None) -> Changes:
    """Remember that a job's documents were printed now (other settings are kept)."""
    at = (at or dt.datetime.now()).replace(microsecond=0)
    with database.atomic():
        visit = visit_record(job.visit_id)
        data = settings_of(visit)
        part = dict(data.get(SETTINGS_KEY) or {})
        printed = dict(part.get("printed") or {})
        for entry in job.entries:
            marks = dict(printed.get(entry.kind) or {})
            marks[entry.key] = {"digest": entry.digest, "at": at.isoformat()}
            printed[entry.kind] = marks
        counts = {kind: len(docs) for kind, docs in job.documents.items() if docs}
        run = {
            "at": at.isoformat(),
            "kinds": list(counts),
            "documents": job.document_count,
            "folder": str(folder),
        }
        part["printed"] = printed
        part["runs"] = [run, *(part.get("runs") or [])][:RUNS_KEPT]
        data[SETTINGS_KEY] = part
        store_settings(visit, data)
        LogEntry.create(
            action="documents printed",
            at=at,
            detail=f"visit {job.visit_id}: "
            + (", ".join(f"{kind} {n}" for kind, n in counts.items()) or "nothing"),
        )
    return Changes.of(
        Entity.VISIT,
        job.visit_id,
        message=ngettext(
            "{n} document printed", "{n} documents printed", job.document_count
        ).format(n=job.document_count),
    )


def folder_name(label: str, at: dt.datetime) -> str:
    """The name of a run's folder: the visit's label and the time, e.g. '2027-lindenfeld-…'."""
    slug = "".join(ch if ch.isalnum() else "-" for ch in fold(label))
    slug = "-".join(filter(None, slug.split("-")))[:48].strip("-") or "documents"
    return f"{slug}-{at:%Y-%m-%d-%H%M%S}"


def _free(path: Path) -> Path:
    candidate, number = path, 1
    while candidate.exists():
        number += 1
        candidate = path.with_name(f"{path.name}-{number}")
    return candidate


def write_run(
    job: PrintJob,
    parent: Path | str,
    name: str,
    *,
    progress: Progress | None = None,
    cancel: Cancel | None = None,
) -> PrintResult:
    """Write a job into ``parent/name`` (pure, no database: safe in a worker).

    The documents are written into a hidden folder beside it that is renamed when every file
    is there; a cancelled or failed run removes that folder, so no half set of documents stays.
    """
    from twinplanner.paths import ensure_private_dir
    from twinplanner.services.printing import write_documents

    parent = ensure_private_dir(Path(parent))
    final = _free(parent / name)
    staging = parent / f"{PARTIAL_PREFIX}{final.name}"
    shutil.rmtree(staging, ignore_errors=True)
    try:
        written = write_documents(
            job.documents, staging, lang=job.lang, paper=job.paper, progress=progress, cancel=cancel
        )
        staging.rename(final)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise

    def moved(path: Path) -> Path:
        return final / path.relative_to(staging)

    return PrintResult(
        final,
        tuple(
            PrintedKind(
                k.kind, tuple(moved(f) for f in k.files), moved(k.combined) if k.combined else None
            )
            for k in written.kinds
        ),
    )

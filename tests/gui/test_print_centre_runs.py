"""The services behind the print centre (no Qt): selections, digests, the record of runs and
folders that appear whole or not at all."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from twinplanner.data import queries
from twinplanner.data.models import LogEntry, Visit
from twinplanner.domain.errors import ValidationError
from twinplanner.services import placement, print_runs, printing
from twinplanner.services import print_selection as sel


def test_equal_data_gives_equal_digests_and_options_change_them(demo_db) -> None:
    """Reading the same visit twice gives the same digests; another language or paper
    gives other ones (the printed document differs)."""
    _path, visit_id = demo_db
    first = sel.collect_job(visit_id, ["itineraries"])
    again = sel.collect_job(visit_id, ["itineraries"])
    german = sel.collect_job(visit_id, ["itineraries"], lang="de")
    letter = sel.collect_job(visit_id, ["itineraries"], paper="letter")
    assert [e.digest for e in first.entries] == [e.digest for e in again.entries]
    assert not {e.digest for e in first.entries} & {e.digest for e in german.entries}
    assert not {e.digest for e in first.entries} & {e.digest for e in letter.entries}
    assert {e.status for e in first.entries} == {sel.NEW}


def test_record_keeps_other_settings_and_logs_the_run(demo_db) -> None:
    """Recording a run keeps the housing settings, lists the run first and logs it; after
    it every recorded document is unchanged, and a moved party is changed."""
    _path, visit_id = demo_db
    placement.update_housing_settings(visit_id, minors_in_pairs=True)
    job = sel.collect_job(visit_id, ["itineraries", "programme"])
    at = dt.datetime(2027, 5, 3, 14, 20)
    print_runs.record_run(job, "/tmp/somewhere", at=at)
    settings = json.loads(Visit.get_by_id(visit_id).settings)
    assert settings["housing"]["minors_in_pairs"] is True
    run = print_runs.last_run(visit_id)
    assert run == print_runs.PrintRun(at, ("itineraries", "programme"), 41, "/tmp/somewhere")
    assert LogEntry.select().where(LogEntry.action == "documents printed").count() == 1
    assert sel.collect_job(visit_id, ["all"], recipients=sel.CHANGED).documents["itineraries"] == []
    boyer = next(p for p in queries.visit_parties(visit_id) if p.name == "Boyer")
    placement.unplace_party(boyer.id)
    changed = sel.collect_job(visit_id, ["itineraries"], recipients=sel.CHANGED)
    assert [(e.recipient, e.status, e.printed_at) for e in changed.entries] == [
        ("Boyer", sel.CHANGED_STATUS, at)
    ]


def test_runs_are_kept_up_to_a_limit(demo_db) -> None:
    """Only the newest runs are kept, newest first."""
    _path, visit_id = demo_db
    job = sel.collect_job(visit_id, ["programme"])
    start = dt.datetime(2027, 1, 1, 9, 0)
    for n in range(print_runs.RUNS_KEPT + 3):
        print_runs.record_run(job, f"run-{n}", at=start + dt.timedelta(hours=n))
    runs = print_runs.runs(visit_id)
    assert len(runs) == print_runs.RUNS_KEPT
    assert runs[0].folder == f"run-{print_runs.RUNS_KEPT + 2}"


def test_a_failed_run_leaves_no_folder(demo_db, tmp_path: Path, monkeypatch) -> None:
    """A run that fails half way removes its hidden folder; the next name is not taken."""
    _path, visit_id = demo_db
    job = sel.collect_job(visit_id, ["itineraries"])
    real = printing.write_documents

    def failing(documents, out_dir, **kwargs):
        def progress(done, total, message):
            if done == 5:
                raise OSError("disk full")

        return real(documents, out_dir, **{**kwargs, "progress": progress})

    monkeypatch.setattr(printing, "write_documents", failing)
    with pytest.raises(OSError):
        print_runs.write_run(job, tmp_path / "out", "run")
    assert list((tmp_path / "out").iterdir()) == []


def test_a_taken_name_gets_a_number(demo_db, tmp_path: Path) -> None:
    """Two runs with the same name go into two folders; the result names the files moved."""
    _path, visit_id = demo_db
    job = sel.collect_job(visit_id, ["programme"])
    out = tmp_path / "out"
    first = print_runs.write_run(job, out, "run")
    second = print_runs.write_run(job, out, "run")
    assert (first.folder.name, second.folder.name) == ("run", "run-2")
    assert second.kinds[0].combined == out / "run-2" / "programme.pdf"
    assert all(f.is_file() for f in second.kinds[0].files)
    assert sorted(p.name for p in out.iterdir()) == ["run", "run-2"]


def test_bad_choices_are_refused_with_a_reason(demo_db) -> None:
    """Unknown recipients, a club not chosen and a language without labels are refused."""
    _path, visit_id = demo_db
    with pytest.raises(ValidationError, match="Unknown recipients"):
        sel.collect_job(visit_id, ["programme"], recipients="friends")
    with pytest.raises(ValidationError, match="Choose the club"):
        sel.collect_job(visit_id, ["programme"], recipients=sel.CLUB)
    with pytest.raises(ValidationError, match="no document labels"):
        sel.collect_job(visit_id, ["programme"], lang="xx")
    empty = max(c.id for c in queries.clubs()) + 1
    with pytest.raises(ValidationError, match="Nobody of this club"):
        sel.collect_job(visit_id, ["programme"], recipients=sel.CLUB, club_id=empty)


def test_folder_names_are_plain(demo_db) -> None:
    """A run's folder is named after the visit, in plain letters, and the time."""
    name = print_runs.folder_name(
        "2027 · Beaulieu-sur-Loire in Lindenfeld: chœur", dt.datetime(2027, 5, 3, 14, 20, 5)
    )
    assert name == "2027-beaulieu-sur-loire-in-lindenfeld-choeur-2027-05-03-142005"

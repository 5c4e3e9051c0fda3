"""Benchmark: every document of a visit of 300 visitors and 200 host households.

Run by hand: ``python tests/benchmarks/bench_documents.py [--visitors N] [--households M]``.
Prints the time to read the data, the time to write every document and combined file, the
number of files and pages, and the peak memory of the process. Target: under 10 s, 500 MiB.
"""

from __future__ import annotations

import argparse
import resource
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from tests.factories_printing import make_printing_visit  # noqa: E402
from twinplanner.data.db import close_database, open_database  # noqa: E402
from twinplanner.services.printing import KINDS, collect, write_documents  # noqa: E402


def main() -> int:
    """Build the visit, print everything, report figures."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--visitors", type=int, default=300)
    parser.add_argument("--households", type=int, default=200)
    parser.add_argument("--paper", default="a4")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        open_database(folder / "bench.sqlite")
        visit_id = make_printing_visit(args.visitors, args.households)
        start = time.perf_counter()
        documents = collect(visit_id, KINDS)
        read = time.perf_counter() - start
        close_database()
        times: dict[str, float] = {}
        pages = 0
        last = [time.perf_counter()]

        def progress(done: int, total: int, message: str) -> None:
            kind = message.split(":")[0]
            now = time.perf_counter()
            times[kind] = times.get(kind, 0.0) + now - last[0]
            last[0] = now

        start = time.perf_counter()
        cpu_start = time.process_time()
        result = write_documents(documents, folder / "out", paper=args.paper, progress=progress)
        write = time.perf_counter() - start
        cpu = time.process_time() - cpu_start
        for printed in result.kinds:
            if printed.combined is not None:
                pages += printed.combined.read_bytes().count(b"/Type /Page\n")
        peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"visitors {args.visitors}, households {args.households}")
    for printed in result.kinds:
        print(f"  {printed.kind:16} {len(printed.files):4} documents")
    print(f"read from the database   {read:6.2f} s")
    print(f"render and write         {write:6.2f} s  ({result.file_count} files)")
    print(f"total                    {read + write:6.2f} s  (target < 10 s)")
    print(
        f"CPU time to render       {cpu:6.2f} s  (the wall time above grows when the machine "
        "is busy)"
    )
    print(f"pages in combined files  {pages}")
    print(f"peak memory (RSS)        {peak:6.0f} MiB (target < 500 MiB)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

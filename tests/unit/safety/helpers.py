"""Helpers for the safety tests: child processes running TwinPlanner code, small records."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[3]


def child(code: str, *args: str) -> subprocess.Popen[str]:
    """Start a Python child process running ``code`` with the project importable."""
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    return subprocess.Popen(
        [sys.executable, "-c", code, *args],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=env,
        cwd=ROOT,
    )


def wait_for_line(proc: subprocess.Popen[str], expected: str, timeout_lines: int = 1000) -> str:
    """Read the child's output until a line starting with ``expected``; fail if it ends first."""
    assert proc.stdout is not None
    for _ in range(timeout_lines):
        line = proc.stdout.readline()
        if not line:
            err = proc.stderr.read() if proc.stderr else ""
            raise AssertionError(f"child ended before '{expected}': {err}")
        if line.startswith(expected):
            return line.strip()
    raise AssertionError(f"no line '{expected}' from the child")


def stop(proc: subprocess.Popen[str]) -> tuple[str, str]:
    """Kill the child if it still runs, collect its output and close its pipes."""
    if proc.poll() is None:
        proc.kill()
    out, err = proc.communicate(timeout=60)
    return out, err

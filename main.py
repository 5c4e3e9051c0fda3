#!/usr/bin/env python3
"""Set up and start TwinPlanner, or set up and run its tests.

    python3 main.py            set up (first time) and open the window with the demo exchange
    python3 main.py --test     set up and run the test suite
    python3 main.py ARGS...    set up and run the command line, e.g. `python3 main.py visits`

Setting up means: a virtual environment in .venv, the Python packages from pyproject.toml, and
the system libraries Qt needs (installed with apt-get when run as root, else named in a message).
Uses the standard library only, so it runs before anything is installed.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
import sys
import venv
from pathlib import Path

ROOT = Path(__file__).resolve().parent
VENV = ROOT / ".venv"
STAMP = VENV / ".twinplanner-installed"

# Debian/Ubuntu packages Qt needs to import and run (offscreen and on a desktop), and the
# fonts and tools the tests use to render documents.
QT_PACKAGES = [
    "libegl1",
    "libgl1",
    "libxkbcommon0",
    "libfontconfig1",
    "libfreetype6",
    "libdbus-1-3",
    "libglib2.0-0",
    "libxkbcommon-x11-0",
    "libxcb-cursor0",
    "libxcb-icccm4",
    "libxcb-keysyms1",
    "libxcb-image0",
    "libxcb-render-util0",
    "libxcb-shape0",
    "libxcb-xkb1",
    "libxcb-randr0",
]
TEST_PACKAGES = ["poppler-utils"]
# The shared libraries whose absence stops Qt, with the package that provides each.
QT_LIBRARIES = {
    "libEGL.so.1": "libegl1",
    "libGL.so.1": "libgl1",
    "libxkbcommon.so.0": "libxkbcommon0",
    "libfontconfig.so.1": "libfontconfig1",
    "libdbus-1.so.3": "libdbus-1-3",
    "libglib-2.0.so.0": "libglib2.0-0",
    "libxcb-cursor.so.0": "libxcb-cursor0",
}


def say(message: str) -> None:
    print(f"[twinplanner setup] {message}", flush=True)


def venv_python() -> Path:
    return VENV / ("Scripts/python.exe" if os.name == "nt" else "bin/python")


def missing_libraries() -> list[str]:
    """Packages whose libraries the dynamic linker cannot find."""
    if not sys.platform.startswith("linux"):
        return []
    try:
        out = subprocess.run(["ldconfig", "-p"], capture_output=True, text=True, check=False).stdout
    except OSError:
        out = ""
    if not out:
        out = (
            subprocess.run(
                ["/sbin/ldconfig", "-p"], capture_output=True, text=True, check=False
            ).stdout
            if Path("/sbin/ldconfig").exists()
            else ""
        )
    return sorted({pkg for lib, pkg in QT_LIBRARIES.items() if lib not in out})


def apt_install(packages: list[str], why: str) -> bool:
    """Install Debian packages when root; otherwise say exactly what to run."""
    if not packages or not shutil.which("apt-get"):
        return not packages
    if os.geteuid() != 0:
        say(f"{why} needs these system packages: {' '.join(packages)}")
        say(f"Run:  sudo apt-get install -y {' '.join(packages)}   and then this command again.")
        return False
    say(f"Installing system packages ({why}): {' '.join(packages)}")
    env = dict(os.environ, DEBIAN_FRONTEND="noninteractive")
    subprocess.run(["apt-get", "update", "-q"], check=False, env=env, stdout=subprocess.DEVNULL)
    result = subprocess.run(
        ["apt-get", "install", "-y", "-q", "--no-install-recommends", *packages],
        check=False,
        env=env,
        stdout=subprocess.DEVNULL,
    )
    return result.returncode == 0


def dpkg_missing(packages: list[str]) -> list[str]:
    """The packages dpkg does not list as installed (all of them where dpkg is absent)."""
    if not shutil.which("dpkg-query"):
        return []
    missing = []
    for pkg in packages:
        res = subprocess.run(
            ["dpkg-query", "-W", "-f=${Status}", pkg], capture_output=True, text=True, check=False
        )
        if "install ok installed" not in res.stdout:
            missing.append(pkg)
    return missing


def ensure_venv() -> None:
    """Create .venv (installing python3-venv first when Debian lacks it)."""
    if venv_python().exists():
        return
    try:
        import ensurepip  # noqa: F401
    except ImportError:
        version = f"python3.{sys.version_info.minor}-venv"
        if not apt_install([version, "python3-venv"], "creating the virtual environment"):
            raise SystemExit(1) from None
    say(f"Creating the virtual environment in {VENV}")
    venv.EnvBuilder(with_pip=True, clear=True).create(VENV)


def ensure_packages(extras: str) -> None:
    """Install the project and its Python packages when pyproject.toml changed."""
    digest = hashlib.sha256((ROOT / "pyproject.toml").read_bytes() + extras.encode()).hexdigest()
    if STAMP.exists() and STAMP.read_text() == digest:
        return
    say("Installing the Python packages (a few minutes the first time)")
    py = str(venv_python())
    quiet = ["-q", "--disable-pip-version-check"]
    subprocess.run([py, "-m", "pip", "install", *quiet, "--upgrade", "pip"], check=False)
    target = f"{ROOT}[{extras}]" if extras else str(ROOT)
    subprocess.run([py, "-m", "pip", "install", *quiet, "-e", target], check=True)
    STAMP.write_text(digest)


def setup(*, for_tests: bool) -> None:
    """Everything TwinPlanner needs, installed once."""
    if sys.version_info < (3, 11):
        raise SystemExit(
            f"TwinPlanner needs Python 3.11 or newer; this is {sys.version.split()[0]}."
        )
    ensure_venv()
    ensure_packages("test" if for_tests else "")
    wanted = missing_libraries()
    if wanted or for_tests:
        wanted = dpkg_missing(sorted(set(wanted) | set(QT_PACKAGES if wanted else [])))
        if for_tests:
            wanted += dpkg_missing(TEST_PACKAGES)
        if wanted and not apt_install(wanted, "Qt and the document checks"):
            if missing_libraries():
                raise SystemExit(1)


def main(argv: list[str]) -> int:
    if argv[:1] == ["--test"]:
        setup(for_tests=True)
        env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
        args = argv[1:] or []
        return subprocess.run(
            [str(venv_python()), "-m", "pytest", *args], cwd=ROOT, env=env, check=False
        ).returncode
    setup(for_tests=False)
    return subprocess.run(
        [str(venv_python()), "-m", "twinplanner", *argv], cwd=ROOT, check=False
    ).returncode


if __name__ == "__main__":
    try:
        raise SystemExit(main(sys.argv[1:]))
    except subprocess.CalledProcessError as exc:
        say(f"A setup step failed ({' '.join(map(str, exc.cmd))}); see the messages above.")
        raise SystemExit(1) from None

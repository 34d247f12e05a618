#!/usr/bin/env python3
"""Set up and run govgraph with nothing but Python and pip.

    ./dev.py app    create .venv, install, ingest the sample minutes in data/, open the explorer
    ./dev.py test   create .venv, install with test extras, run the test suite

Windows: python dev.py app / python dev.py test.
"""
from __future__ import annotations

import hashlib
import os
import subprocess
import sys
import venv
from pathlib import Path

ROOT = Path(__file__).resolve().parent
VENV = ROOT / ".venv"
BIN = VENV / ("Scripts" if os.name == "nt" else "bin")
PY = BIN / ("python.exe" if os.name == "nt" else "python")


def sh(*cmd: str | Path) -> None:
    print("+", " ".join(map(str, cmd)), flush=True)
    rc = subprocess.call([str(c) for c in cmd], cwd=ROOT)
    if rc:
        sys.exit(rc)


def ensure_env(extras: str = "") -> None:
    """A virtual environment with the project installed; reinstalled only when pyproject.toml changes."""
    if sys.version_info < (3, 11):
        sys.exit(f"govgraph behöver Python 3.11 eller senare (du har {sys.version.split()[0]})")
    if not PY.exists():
        print(f"Skapar virtuell miljö i {VENV.name}/", flush=True)
        venv.EnvBuilder(with_pip=True).create(VENV)
    want = hashlib.sha256((ROOT / "pyproject.toml").read_bytes() + extras.encode()).hexdigest()
    stamp = VENV / ".govgraph-installed"
    if stamp.exists() and stamp.read_text() == want:
        return
    sh(PY, "-m", "pip", "install", "--quiet", "--upgrade", "pip")
    sh(PY, "-m", "pip", "install", "--quiet", "-e", f".{extras}")
    stamp.write_text(want)


def ensure_browser() -> None:
    """The browser test drives Debian's Chromium with its chromedriver (no browser download). Install them when
    they are missing and this is a Debian machine where we may (root); otherwise that test is skipped and says why."""
    import shutil

    if shutil.which("chromium") and shutil.which("chromedriver"):
        return
    if os.name == "nt" or not shutil.which("apt-get") or os.geteuid() != 0:
        print("Chromium/chromedriver saknas: webbläsartestet hoppas över "
              "(installera paketen chromium och chromium-driver för att köra det).", flush=True)
        return
    env = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
    print("+ apt-get install chromium chromium-driver (för webbläsartestet)", flush=True)
    if subprocess.call(["apt-get", "update", "-qq"], env=env) or subprocess.call(
            ["apt-get", "install", "-y", "-qq", "--no-install-recommends", "chromium", "chromium-driver"], env=env):
        print("Kunde inte installera Chromium: webbläsartestet hoppas över.", flush=True)


def ensure_cypher_check() -> None:
    """Neo4j's Cypher language support (npm, pinned in tools/cypher-check) for the test that checks every saved
    query as Neo4j Cypher; installed again only when its lock file changes."""
    import shutil

    tool = ROOT / "tools" / "cypher-check"
    npm = shutil.which("npm")
    if not (shutil.which("node") and npm):
        print("Node.js/npm saknas: kontrollen av frågorna som Neo4j-Cypher hoppas över.", flush=True)
        return
    want = hashlib.sha256((tool / "package-lock.json").read_bytes()).hexdigest()
    stamp = tool / "node_modules" / ".govgraph-installed"
    if stamp.exists() and stamp.read_text() == want:
        return
    print("+ npm ci (tools/cypher-check)", flush=True)
    if subprocess.call([npm, "ci", "--silent", "--no-audit", "--no-fund"], cwd=tool):
        print("npm ci misslyckades: kontrollen av frågorna som Neo4j-Cypher hoppas över.", flush=True)
        return
    stamp.write_text(want)


def main(argv: list[str]) -> None:
    cmd = argv[0] if argv else "help"
    if cmd == "app":
        ensure_env()
        sh(BIN / "govgraph", "ingest", "data/sample-minutes", "--quiet")
        sh(BIN / "govgraph", "app", "--open", *argv[1:])
    elif cmd == "test":
        ensure_env("[test]")
        ensure_browser()
        ensure_cypher_check()
        rc = subprocess.call([str(PY), "-m", "pytest", *argv[1:]], cwd=ROOT)
        sys.exit(rc)
    else:
        print(__doc__)
        sys.exit(0 if cmd in ("help", "-h", "--help") else 2)


if __name__ == "__main__":
    main(sys.argv[1:])

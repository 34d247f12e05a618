"""`python -m graph` is kept as another name for `python -m govgraph`, where the command line now lives (above
graph/ and ingest/). It hands over in a new process image rather than importing it, so nothing in graph/ imports
the layers above."""
import os
import subprocess
import sys

argv = [sys.executable, "-m", "govgraph", *sys.argv[1:]]
if os.name == "nt":  # Windows has no exec that keeps the console and the exit status
    sys.exit(subprocess.call(argv))
os.execv(sys.executable, argv)

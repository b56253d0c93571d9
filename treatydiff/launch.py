"""The ``treatydiff`` console script: answers ``--version`` before anything heavy is imported.

Every command runs in a fresh process, so what an answer imports is paid each
time. ``treatydiff --version`` needs nothing but the version string; everything
else goes to :func:`treatydiff.cli.main`.
"""

from __future__ import annotations

import gc
import os
import sys


def run() -> None:
    """Console-script entry point."""
    if sys.argv[1:] == ["--version"]:
        from treatydiff import __version__

        try:
            sys.stdout.write(f"treatydiff {__version__}\n")
            sys.stdout.flush()
        except BrokenPipeError:  # `treatydiff --version | true`: nothing to say
            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        sys.exit(0)
    # numpy asks the kernel for huge pages for every large array; where the kernel then
    # compacts memory on each fault (defrag "madvise", as on the benchmark machine), the
    # score matrices of the largest pairs cost 0.3-0.7 s of system time more than with
    # ordinary pages. numpy reads this variable once, at import; a user's own value wins.
    os.environ.setdefault("NUMPY_MADVISE_HUGEPAGE", "0")
    # A comparison keeps hundreds of thousands of small objects alive (parsed trees, diff
    # runs, report rows), and every full collection walks them all again: four of them
    # cost 0.3 s of 449↔112's whole command. Collecting the young generation every 10,000
    # allocations (not 700) leaves a command no full collection to make; cycles are still
    # collected, only later.
    gc.set_threshold(10_000, 10, 10)
    from treatydiff.cli import main

    sys.exit(main())

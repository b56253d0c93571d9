"""Helper of ``run.py``: run one command, print its wall-clock seconds, peak RSS (KiB), exit code
and CPU seconds (user + system).

Linux counts in a process's peak RSS what it held before it exec'd its program, so a
command started straight from the benchmark (which holds treatydiff, lxml and the
corpus in memory) would report at least the benchmark's own size. Started from this
small process, with nothing imported but ``os``, ``sys`` and ``time``, the figure
``os.wait4`` returns is the command's own. The command's stdout is discarded.

Usage: python -S benchmark/spawn.py PROGRAM [ARG ...]   (PROGRAM is a path)
"""

import os
import sys
import time


def main(argv: list[str]) -> int:
    if not argv:
        print(__doc__.strip().splitlines()[-1], file=sys.stderr)
        return 2
    devnull = os.open(os.devnull, os.O_WRONLY)
    start = time.perf_counter()
    pid = os.posix_spawn(argv[0], argv, os.environ, file_actions=[(os.POSIX_SPAWN_DUP2, devnull, 1)])
    _pid, status, usage = os.wait4(pid, 0)
    elapsed = time.perf_counter() - start
    print(elapsed, usage.ru_maxrss, os.waitstatus_to_exitcode(status), usage.ru_utime + usage.ru_stime)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

#!/usr/bin/env bash
# The README's test command: set up .venv from the lock file, make sure Debian's
# chromium is there for the browser tests, check import layers, lint and types,
# then run pytest.
set -euo pipefail
cd "$(dirname "$0")/.."

# fonts-noto-cjk: the annex's Korean locators and texts must render as Hangul, not boxes
if ! command -v chromium >/dev/null 2>&1 || ! fc-list :lang=ko 2>/dev/null | grep -q .; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    echo "installing Debian's chromium and fonts for the browser tests…"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium fonts-dejavu-core fonts-noto-cjk >/dev/null
  else
    echo "note: no chromium or no Korean font, and no root to install them; browser tests may be skipped" >&2
  fi
fi
# tmux and less for the pager tests (a real terminal running Debian's default pager)
if ! command -v tmux >/dev/null 2>&1 || ! command -v less >/dev/null 2>&1; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    echo "installing tmux and less for the pager tests…"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq tmux less >/dev/null
  else
    echo "note: no tmux or less and no root to install them; pager tests will be skipped" >&2
  fi
fi

[ -x .venv/bin/python ] || python3 -m venv .venv
.venv/bin/python -m pip install -q -r requirements-dev.lock
.venv/bin/python -m pip install -q --no-deps -e .

.venv/bin/lint-imports --no-cache          # modules import one way only
.venv/bin/ruff check treatydiff tests benchmark
.venv/bin/mypy                             # strict, over treatydiff/
# Property tests run 10,000 examples per parser here (TREATYDIFF_HYPOTHESIS=default: 200);
# the PDF and Word fuzz tests too (TREATYDIFF_FUZZ_EXAMPLES, 80 when unset).
export TREATYDIFF_HYPOTHESIS="${TREATYDIFF_HYPOTHESIS:-slow}"
export TREATYDIFF_FUZZ_EXAMPLES="${TREATYDIFF_FUZZ_EXAMPLES:-10000}"
# Two worker processes (pytest-xdist): the 10,000-example property tests run side by side.
.venv/bin/python -m pytest -n 2 "$@"       # everything, slow tests too; -m "not slow" to skip them; -n 0: one process

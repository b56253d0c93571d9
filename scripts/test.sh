#!/usr/bin/env bash
# The README's test command: set up .venv from the lock file, make sure Debian's
# chromium is there for the browser tests, check import layers, lint and types,
# then run pytest.
set -euo pipefail
cd "$(dirname "$0")/.."

if ! command -v chromium >/dev/null 2>&1; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    echo "installing Debian's chromium for the browser tests…"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium fonts-dejavu-core >/dev/null
  else
    echo "note: no chromium and no root to install it; browser tests will be skipped" >&2
  fi
fi

[ -x .venv/bin/python ] || python3 -m venv .venv
.venv/bin/python -m pip install -q -r requirements-dev.lock
.venv/bin/python -m pip install -q --no-deps -e .

.venv/bin/lint-imports --no-cache          # modules import one way only
.venv/bin/ruff check treatydiff tests benchmark
.venv/bin/mypy                             # strict, over treatydiff/
.venv/bin/python -m pytest "$@"            # everything, slow tests too; -m "not slow" to skip them

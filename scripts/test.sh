#!/usr/bin/env bash
# Installs what the tests need (Chromium, PostgreSQL, test tools) and runs the whole suite:
# unit, database (SQLite and a throwaway PostgreSQL server), doctests and browser tests.
# Extra arguments go to pytest.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install.sh --test
exec .venv/bin/python -m pytest "$@"

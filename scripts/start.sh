#!/usr/bin/env bash
# Sets everything up and starts sns on http://127.0.0.1:5000 with the embedded SQLite database
# and the demo resident. Safe to run again: it only adds what is missing.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install.sh
.venv/bin/sns db upgrade
.venv/bin/sns demo
exec .venv/bin/sns serve --host 127.0.0.1 --port "${PORT:-5000}"

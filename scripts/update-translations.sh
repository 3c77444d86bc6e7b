#!/usr/bin/env bash
# Collects the Dutch texts from code and templates and adds new ones to the English catalogue
# (web/translations/en/LC_MESSAGES/messages.po); translate the empty msgstr lines there.
set -euo pipefail
cd "$(dirname "$0")/.."
pot=$(mktemp --suffix=.pot)
.venv/bin/pybabel extract -F babel.cfg -k N_ -k _l --no-location --sort-output -o "$pot" \
    . >/dev/null 2>&1
.venv/bin/pybabel update -i "$pot" -d web/translations -l en --no-fuzzy-matching \
    --ignore-obsolete --width 100 >/dev/null
rm -f "$pot"
.venv/bin/pybabel compile -d web/translations >/dev/null

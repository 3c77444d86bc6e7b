#!/usr/bin/env bash
# Installs everything sns needs on a fresh Debian machine (run as root): the Debian packages,
# a virtualenv in .venv with the project in it, and the compiled translations.
# Usage: scripts/install.sh [--test]   (--test adds Chromium, PostgreSQL and the test tools)
set -euo pipefail
cd "$(dirname "$0")/.."

with_test=0
[ "${1:-}" = "--test" ] && with_test=1

packages=()
# Adds the Debian package $1 to the list unless dpkg says it is installed.
need() { dpkg-query -W -f='${Status}' "$1" 2>/dev/null | grep -q "ok installed" || packages+=("$1"); }
python3 -m venv --help >/dev/null 2>&1 && python3 -c "import ensurepip" 2>/dev/null || packages+=(python3-venv)
# WeasyPrint (the printed PDFs) draws text with Pango; DejaVu Sans has every Dutch letter
# (ë, ï, é, ĳ). Nothing is fetched from the internet when printing.
need libpango-1.0-0
need libpangoft2-1.0-0
need fonts-dejavu-core
if [ "$with_test" = 1 ]; then
    [ -x /usr/bin/chromium ] || packages+=(chromium)
    command -v pdftoppm >/dev/null 2>&1 || packages+=(poppler-utils)  # print tests rasterise a page
    command -v node >/dev/null 2>&1 || packages+=(nodejs)  # graph.js's own tests (node --test)
    command -v initdb >/dev/null 2>&1 || ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 \
        || packages+=(postgresql)
fi
if [ "${#packages[@]}" -gt 0 ]; then
    echo "sns: installing Debian packages: ${packages[*]}"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq
    apt-get install -y -qq --no-install-recommends "${packages[@]}"
fi

[ -x .venv/bin/python ] || python3 -m venv .venv
extra=""
[ "$with_test" = 1 ] && extra="[test]"
.venv/bin/pip install --quiet --disable-pip-version-check -e ".${extra}"
.venv/bin/pybabel compile --use-fuzzy -d web/translations >/dev/null

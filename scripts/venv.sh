#!/usr/bin/env bash
# Bring .venv up to date: made by $PYTHON (3.11 or newer), holding exactly the pins of requirements.txt.
# A .venv made by another Python is made again; a changed requirements.txt is installed again.
# Usage (the Makefile calls it): PYTHON=python3 VENV=.venv scripts/venv.sh
set -euo pipefail
python=${PYTHON:-python3}
venv=${VENV:-.venv}
minimum=3.11

if ! command -v "$python" >/dev/null 2>&1; then
    echo "error: no Python called '$python'. Install Python $minimum or newer and name it: make site PYTHON=/path/to/python3.11" >&2
    exit 1
fi
if ! "$python" -c 'import sys; sys.exit(sys.version_info < (3, 11))' 2>/dev/null; then
    found=$("$python" -c 'import platform; print(platform.python_version())' 2>/dev/null || echo "an unknown version")
    echo "error: '$python' is Python $found; this project needs Python $minimum or newer. Name a newer one: make site PYTHON=python3.11 (or python3.12, or its full path)" >&2
    exit 1
fi

# Which interpreter a Python is, as a venv sees it: the installation it comes from and its exact version.
identity() { "$1" -c 'import sys; print(sys.base_prefix, sys.version)'; }

if [ -e "$venv" ] && [ "$(identity "$venv/bin/python" 2>/dev/null || true)" != "$(identity "$python")" ]; then
    echo "$venv was made by another Python; making it again with $python ($("$python" -V 2>&1))" >&2
    rm -rf "$venv"
fi
if [ ! -x "$venv/bin/python" ]; then
    if ! "$python" -m venv "$venv"; then
        rm -rf "$venv"
        echo "error: '$python' could not make a virtual environment. On Debian or Ubuntu, install the venv module: sudo apt-get install python3-venv" >&2
        exit 1
    fi
fi
# The requirements installed last are kept beside the venv: the same file means nothing to do.
if ! cmp -s requirements.txt "$venv/requirements.installed"; then
    "$venv/bin/python" -m pip install --quiet --disable-pip-version-check --no-deps -r requirements.txt
    if ! conflicts=$("$venv/bin/python" -m pip check --disable-pip-version-check); then
        echo "$conflicts" >&2
        exit 1
    fi
    cp requirements.txt "$venv/requirements.installed"
fi

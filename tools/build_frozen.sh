#!/usr/bin/env bash
# Build the one-folder app with build.spec and run the frozen program's self-check,
# so that a file missing from the build fails here rather than on a user's laptop.
#   tools/build_frozen.sh [OUT]     (default OUT: ./dist-frozen; CI calls this)
set -euo pipefail
cd "$(dirname "$0")/.."
out="${1:-dist-frozen}"

python -m pip install -q "pyinstaller>=6.5"
started=$(date +%s)
pyinstaller build.spec --noconfirm --log-level WARN \
  --distpath "$out/dist" --workpath "$out/build"
echo "built in $(( $(date +%s) - started )) s: $(du -sh "$out/dist/Evaluator" | cut -f1)"

program="$out/dist/Evaluator/evaluator-app"
"$program" --version
if command -v xvfb-run >/dev/null 2>&1; then
  # On a virtual X screen: the xcb platform plugin and its libraries are checked too.
  xvfb-run -a -s "-screen 0 1366x768x24" env QT_QPA_PLATFORM=xcb "$program" --self-check
else
  QT_QPA_PLATFORM=offscreen "$program" --self-check
fi

#!/usr/bin/env bash
# Build the one-folder PyInstaller bundle dist/pos-app/ from a clean state, then
# smoke-test it: the frozen app runs `demo --scenario all` offscreen against its
# embedded sandbox (127.0.0.1 only) with a fresh data directory.
#
# Usage: scripts/build_bundle.sh            (from any directory; needs the project's
#        environment active with PyInstaller: pip install -e '.[build]')
#        SKIP_BUILD=1 scripts/build_bundle.sh   smoke-test an existing dist/pos-app
#
# Fails unless the bundle has the Qt WebEngine helper and resources and the app's
# resources, the demo exits 0, prints one JSON line per scenario with the expected
# status, and leaves PNGs for every scenario. Prints the bundle size and timings.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
PYTHON="${PYTHON:-python}"
BUNDLE="dist/pos-app"
EXE="$BUNDLE/pos-app"
INTERNAL="$BUNDLE/_internal"

fail() {
    echo "build_bundle: FAIL: $*" >&2
    exit 1
}

"$PYTHON" -c "import PyInstaller" 2>/dev/null ||
    fail "PyInstaller is not installed in this environment (pip install -e '.[build]')"

t0=$(date +%s)
if [[ "${SKIP_BUILD:-0}" != 1 ]]; then
    echo "build_bundle: building $BUNDLE (pyinstaller --noconfirm --clean build.spec)"
    rm -rf build/build "$BUNDLE"
    mkdir -p build
    "$PYTHON" -m PyInstaller --noconfirm --clean build.spec >build/pyinstaller.log 2>&1 || {
        tail -n 40 build/pyinstaller.log >&2 || true
        fail "pyinstaller failed (full log: build/pyinstaller.log)"
    }
fi
t1=$(date +%s)

# --- contents -----------------------------------------------------------------
[[ -x "$EXE" ]] || fail "$EXE is missing"
required=(
    "$INTERNAL/PySide6/Qt/libexec/QtWebEngineProcess"
    "$INTERNAL/PySide6/Qt/libexec/qt.conf"
    "$INTERNAL/PySide6/Qt/resources/qtwebengine_resources.pak"
    "$INTERNAL/PySide6/Qt/resources/icudtl.dat"
    "$INTERNAL/pos_app/resources/products.json"
    "$INTERNAL/pos_app/resources/theme.qss"
)
for path in "${required[@]}"; do
    [[ -f "$path" ]] || fail "missing from the bundle: $path"
done
[[ -x "$INTERNAL/PySide6/Qt/libexec/QtWebEngineProcess" ]] ||
    fail "QtWebEngineProcess is not executable"
compgen -G "$INTERNAL/PySide6/Qt/translations/qtwebengine_locales/*.pak" >/dev/null ||
    fail "no Qt WebEngine locales in the bundle"
compgen -G "$INTERNAL/PySide6/Qt/translations/qtbase_*.qm" >/dev/null ||
    fail "no Qt translations in the bundle"
for src in resources/*; do
    case "$src" in *.py | */__pycache__) continue ;; esac
    [[ -f "$INTERNAL/pos_app/$src" ]] || fail "missing from the bundle: pos_app/$src"
done
echo "build_bundle: contents OK (WebEngine helper, resources, locales, translations)"

# --- smoke test -----------------------------------------------------------------
tmp="$(mktemp -d "${TMPDIR:-/tmp}/pos-app-smoke.XXXXXX")"
trap 'rm -rf "$tmp"' EXIT
mkdir -p "$tmp/data"
echo "build_bundle: running $EXE demo --scenario all --out $tmp/out (offscreen)"
set +e
(
    cd "$tmp" &&
        env -u DISPLAY -u WAYLAND_DISPLAY -u POS_DATABASE_URL -u POS_GATEWAY_URL \
            -u POS_GATEWAY_MODE -u POS_MERCHANT_ID -u POS_API_KEY \
            QT_QPA_PLATFORM=offscreen POS_DATA_DIR="$tmp/data" \
            timeout 600 "$ROOT/$EXE" demo --scenario all --out "$tmp/out" \
            >"$tmp/stdout" 2>"$tmp/stderr"
)
rc=$?
set -e
t2=$(date +%s)
cat "$tmp/stdout"
if [[ $rc -ne 0 ]]; then
    tail -n 40 "$tmp/stderr" >&2
    fail "the bundled demo exited $rc"
fi

# Every scenario the source defines must have printed its expected JSON line and
# saved its PNGs (the scenario list grows; 'all' runs whatever exists).
"$PYTHON" - "$tmp/stdout" "$tmp/out" <<'PY' || fail "the demo's output is not as expected"
import json
import sys
from pathlib import Path

from pos_app.demo import SCENARIOS

stdout, out = Path(sys.argv[1]), Path(sys.argv[2])
lines = [json.loads(line) for line in stdout.read_text().splitlines() if line.strip()]
seen = {line.get("scenario"): line for line in lines}
problems = []
for name, scenario in SCENARIOS.items():
    line = seen.get(name)
    if line is None:
        problems.append(f"{name}: no JSON line")
        continue
    missing = {"scenario", "order_id", "status", "amount", "flow"} - line.keys()
    if missing:
        problems.append(f"{name}: JSON line lacks {sorted(missing)}")
    if line.get("status") != scenario.expect_status:
        problems.append(f"{name}: status {line.get('status')}, not {scenario.expect_status}")
    pngs = sorted(out.glob(f"{name}-*.png"))
    if not pngs:
        problems.append(f"{name}: no PNGs")
    for png in pngs:
        if png.read_bytes()[:8] != b"\x89PNG\r\n\x1a\n":
            problems.append(f"{png.name}: not a PNG")
for problem in problems:
    print(f"build_bundle: {problem}", file=sys.stderr)
n_png = len(list(out.glob("*.png")))
print(f"build_bundle: {len(SCENARIOS)} scenarios, {len(lines)} JSON lines, {n_png} PNGs")
sys.exit(1 if problems else 0)
PY

size="$(du -sh "$BUNDLE" | cut -f1)"
echo "build_bundle: PASS"
echo "build_bundle: bundle $BUNDLE is $size ($(find "$BUNDLE" -type f | wc -l) files)"
if [[ "${SKIP_BUILD:-0}" != 1 ]]; then
    echo "build_bundle: build took $((t1 - t0)) s, smoke test $((t2 - t1)) s"
else
    echo "build_bundle: smoke test took $((t2 - t1)) s"
fi

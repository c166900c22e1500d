#!/usr/bin/env bash
# Build the Linux one-folder app with PyInstaller and smoke-test what was built.
#
#     bash packaging/build.sh            # build, check the bundle, smoke-test it
#     bash packaging/build.sh --no-build # only check and smoke-test dist/komora
#
# Needs the project's .venv (`make test` or `make run` creates it). Installs
# PyInstaller into it when missing. Output: dist/komora/ (the app folder),
# dist/komora-VERSION-linux-ARCH.tar.gz (the app folder, install.sh and the .desktop
# entry), PyInstaller's work files under build/. Exits non-zero, saying which check
# failed, on the first failure.
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$ROOT"

PY=.venv/bin/python
DIST=dist
APP_DIR=$DIST/komora
APP=$APP_DIR/komora
WORK=build/pyinstaller
BUILD_LOG=build/pyinstaller.log
SMOKE_TIMEOUT=120 # seconds for any one smoke command; the GUI needs the longest

build=1
for argument in "$@"; do
  case "$argument" in
    --no-build) build=0 ;;
    -h | --help)
      sed -n '2,11p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'
      exit 0
      ;;
    *)
      echo "build.sh: unknown option $argument (try --help)" >&2
      exit 2
      ;;
  esac
done

fail() {
  echo "build.sh: FAILED: $*" >&2
  exit 1
}
step() { echo "== $*"; }
ok() { echo "   ok: $*"; }

[[ -x $PY ]] || fail "no virtualenv at .venv; run 'make test' (or 'make run') first"

VERSION=$($PY -c 'import app; print(app.__version__)') ||
  fail "cannot import the app from .venv; run 'make test' first"

# --- build --------------------------------------------------------------------------

if ((build)); then
  if ! $PY -m PyInstaller --version >/dev/null 2>&1; then
    step "installing PyInstaller into .venv"
    $PY -m pip install --quiet -e ".[package]"
    $PY -m PyInstaller --version >/dev/null 2>&1 ||
      fail "PyInstaller did not install into .venv"
  fi

  step "building dist/komora with PyInstaller $($PY -m PyInstaller --version)"
  mkdir -p build
  started=$SECONDS
  if ! $PY -m PyInstaller --noconfirm --clean --log-level WARN \
    --distpath "$DIST" --workpath "$WORK" packaging/komora.spec >"$BUILD_LOG" 2>&1; then
    tail -n 40 "$BUILD_LOG" >&2
    fail "PyInstaller failed; the whole output is in $BUILD_LOG"
  fi
  ok "built in $((SECONDS - started)) s (PyInstaller's output: $BUILD_LOG)"
fi

[[ -x $APP ]] || fail "$APP is missing; build first (run without --no-build)"

# --- what the bundle must hold ------------------------------------------------------

step "checking the bundle's contents"
BUNDLE=$APP_DIR/_internal
[[ -d $BUNDLE/resources ]] || fail "$BUNDLE/resources is missing"

missing=()
while IFS= read -r -d '' source; do
  relative=${source#resources/}
  case "$relative" in
    screenshots/* | *.ts) continue ;; # not shipped: see packaging/komora.spec
  esac
  [[ -f $BUNDLE/resources/$relative ]] || missing+=("resources/$relative")
done < <(find resources -type f -print0)
((${#missing[@]} == 0)) || fail "resources missing from the bundle: ${missing[*]}"

for required in \
  resources/translations/komora_uk.qm \
  resources/labels/thermal-58x40.toml \
  resources/demo/demo-products.csv \
  resources/icons/komora.svg \
  resources/icons/komora.png; do
  [[ -s $BUNDLE/$required ]] || fail "$required is missing or empty in the bundle"
done
qt_uk=$(find "$BUNDLE" -name 'qtbase_uk.qm' -print -quit)
[[ -n $qt_uk ]] || fail "Qt's own Ukrainian translation (qtbase_uk.qm) is not bundled"
# Help -> About reads these versions from package metadata (app/gui/about.py)
for distribution in requests pydantic pyserial python_barcode; do
  compgen -G "$BUNDLE/${distribution}-*.dist-info" >/dev/null ||
    fail "$distribution's metadata is not bundled; About would say 'not installed'"
done
ok "resources, Qt translations and library metadata are in $BUNDLE"

# --- smoke tests of the built binary ------------------------------------------------

# The smoke runs keep their settings, data and logs in a throw-away folder.
SMOKE=$(mktemp -d "${TMPDIR:-/tmp}/komora-smoke.XXXXXX")
trap 'rm -rf "$SMOKE"' EXIT
export KOMORA_DATA_DIR=$SMOKE/data KOMORA_CONFIG_DIR=$SMOKE/config
export KOMORA_LOG_DIR=$SMOKE/log QT_QPA_PLATFORM=offscreen
LOG_FILE=$KOMORA_LOG_DIR/komora.log

run_app() { timeout --kill-after=10 "$SMOKE_TIMEOUT" "$APP" "$@"; }

step "smoke: komora --version"
output=$(run_app --version) || fail "'komora --version' exited with $?"
[[ $output == "komora $VERSION" ]] ||
  fail "'komora --version' printed '$output', expected 'komora $VERSION'"
ok "$output"

step "smoke: komora barcode --json 4006381333931"
output=$(run_app barcode --json 4006381333931) ||
  fail "'komora barcode --json 4006381333931' exited with $?: $output"
printf '%s' "$output" | $PY -c '
import json, sys
reading = json.load(sys.stdin)
assert reading["valid"] is True, "valid is not true: %r" % reading
assert reading["symbology"] == "EAN-13", "symbology: %r" % reading["symbology"]
assert reading["gtin14"] == "04006381333931", "gtin14: %r" % reading["gtin14"]
' || fail "the barcode JSON was not the expected EAN-13 reading: $output"
ok "valid EAN-13, GTIN-14 04006381333931"

step "smoke: komora labels to a PDF"
csv=$SMOKE/delivery.csv
pdf=$SMOKE/labels.pdf
cat >"$csv" <<'CSV'
bar_code,ext_bar_code,name,price,unit,quantity
4006381333931,,Олівець графітний HB,"12,50",шт,2
4820017000024,,Вода мінеральна 1.5 л,"27,90",шт,1
CSV
output=$(run_app labels --template thermal-58x40 --dpi 203 --out "$pdf" --csv "$csv" 2>&1) ||
  fail "'komora labels' exited with $?: $output"
[[ -s $pdf ]] || fail "'komora labels' made no PDF at $pdf: $output"
[[ $(head -c 5 "$pdf") == "%PDF-" ]] || fail "$pdf does not start with %PDF-"
if command -v pdfinfo >/dev/null; then
  pages=$(pdfinfo "$pdf" | awk '/^Pages:/ {print $2}')
  # thermal-58x40 is one label per page: 2 + 1 labels
  [[ $pages == 3 ]] || fail "the labels PDF has ${pages:-no} pages, expected 3"
  ok "PDF with $pages pages (one per label)"
else
  ok "PDF written (pdfinfo not installed: page count not checked)"
fi

step "smoke: the GUI offscreen, on the sandbox demo catalog, quit after 3 s"
status=0
output=$(run_app gui --quit-after 3000 2>&1) || status=$?
((status == 0)) || fail "the GUI exited with $status: $output"
[[ -f $LOG_FILE ]] || fail "the GUI wrote no log at $LOG_FILE"
grep -q "sandbox server listening on" "$LOG_FILE" ||
  fail "the sandbox demo server did not start; the log says: $(tail -n 20 "$LOG_FILE")"
if grep -Eq ' (ERROR|CRITICAL) |Traceback' "$LOG_FILE"; then
  fail "the GUI logged errors: $(grep -E -A5 ' (ERROR|CRITICAL) |Traceback' "$LOG_FILE")"
fi
if grep -q 'Traceback' <<<"$output"; then
  fail "the GUI printed errors: $output"
fi
ok "exit 0, sandbox started, no errors in the log"

# --- the Linux archive --------------------------------------------------------------

step "packing the Linux archive"
stage=build/linux-stage
arch=$(uname -m)
name=komora-$VERSION-linux-$arch
rm -rf "$stage"
mkdir -p "$stage/$name"
cp -a "$APP_DIR" "$stage/$name/komora"
cp packaging/linux/install.sh packaging/komora.desktop "$stage/$name/"
# the archive's own installer, tried into a throw-away root before shipping it
bash "$stage/$name/install.sh" --prefix /usr/local --destdir "$SMOKE/root" >/dev/null ||
  fail "install.sh failed on the staged archive"
for installed in \
  usr/local/bin/komora \
  usr/local/share/applications/komora.desktop \
  usr/local/share/icons/hicolor/256x256/apps/komora.png \
  usr/local/share/icons/hicolor/scalable/apps/komora.svg; do
  [[ -e $SMOKE/root/$installed ]] || fail "install.sh did not install /$installed"
done
if command -v desktop-file-validate >/dev/null; then
  desktop-file-validate "$SMOKE/root/usr/local/share/applications/komora.desktop" ||
    fail "the installed komora.desktop does not validate"
fi
tar -C "$stage" -czf "$DIST/$name.tar.gz" "$name"
ok "$DIST/$name.tar.gz ($(du -sh "$DIST/$name.tar.gz" | cut -f1))"

echo "build.sh: all checks passed; $APP_DIR is $(du -sh "$APP_DIR" | cut -f1)"

#!/usr/bin/env bash
# Install the built Komora app folder with a menu entry and icons.
#
#     ./install.sh                      # for this user, under ~/.local
#     sudo ./install.sh --prefix /usr/local   # for everyone
#     ./install.sh --uninstall [--prefix DIR]
#     ./install.sh --prefix /usr --destdir pkgroot   # stage for a distribution package
#
# Runs from the unpacked archive (komora/ and komora.desktop beside this script) or
# from a source tree after `make package` (dist/komora, packaging/komora.desktop).
# Layout under PREFIX:
#     lib/komora/                             the one-folder app
#     bin/komora                              -> ../lib/komora/komora
#     share/applications/komora.desktop       Exec= names bin/komora by full path
#     share/icons/hicolor/SIZE/apps/komora.*  48, 128, 256 px and scalable
set -euo pipefail

HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
prefix=$HOME/.local
destdir=""
uninstall=0

usage() { sed -n '2,15p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'; }
fail() {
  echo "install.sh: $*" >&2
  exit 1
}

while (($#)); do
  case "$1" in
    --prefix) prefix=${2:?--prefix needs a folder}; shift 2 ;;
    --destdir) destdir=${2:?--destdir needs a folder}; shift 2 ;;
    --uninstall) uninstall=1; shift ;;
    -h | --help) usage; exit 0 ;;
    *) fail "unknown option $1 (try --help)" ;;
  esac
done
[[ $prefix == /* ]] || fail "--prefix must be an absolute path, not '$prefix'"
if [[ -n $destdir ]]; then
  mkdir -p "$destdir"
  destdir=$(cd "$destdir" && pwd)
fi
root=$destdir$prefix

sizes=(48x48 128x128 256x256)
installed_files=(
  "$root/bin/komora"
  "$root/share/applications/komora.desktop"
  "$root/share/icons/hicolor/scalable/apps/komora.svg"
)
for size in "${sizes[@]}"; do
  installed_files+=("$root/share/icons/hicolor/$size/apps/komora.png")
done

refresh_desktop_caches() {
  # only for a live install: a staged root is refreshed by its package's scripts
  [[ -z $destdir ]] || return 0
  if command -v update-desktop-database >/dev/null; then
    update-desktop-database -q "$root/share/applications" || true
  fi
  if command -v gtk-update-icon-cache >/dev/null && [[ -f $root/share/icons/hicolor/index.theme ]]; then
    gtk-update-icon-cache -q -t "$root/share/icons/hicolor" || true
  fi
}

if ((uninstall)); then
  rm -f "${installed_files[@]}"
  rm -rf "$root/lib/komora"
  refresh_desktop_caches
  echo "Komora removed from $root (settings, data and logs in your home stay)"
  exit 0
fi

# where the pieces are: the archive's layout first, then a source tree's
if [[ -x $HERE/komora/komora ]]; then
  app_dir=$HERE/komora
  desktop=$HERE/komora.desktop
else
  app_dir=$HERE/../../dist/komora
  desktop=$HERE/../komora.desktop
fi
[[ -x $app_dir/komora ]] || fail "no built app at $app_dir; run 'make package' first"
[[ -f $desktop ]] || fail "komora.desktop not found beside $app_dir"
icons=$app_dir/_internal/resources/icons
[[ -f $icons/komora.svg ]] || fail "the app folder has no icons at $icons"

rm -rf "$root/lib/komora"
mkdir -p "$root/lib" "$root/bin" "$root/share/applications"
cp -a "$app_dir" "$root/lib/komora"
ln -sfn ../lib/komora/komora "$root/bin/komora"

# Exec and TryExec by full path: PREFIX/bin is not on every session's PATH
sed -e "s|^Exec=komora|Exec=$prefix/bin/komora|" \
  -e "s|^TryExec=komora|TryExec=$prefix/bin/komora|" \
  "$desktop" >"$root/share/applications/komora.desktop"
chmod 644 "$root/share/applications/komora.desktop"

declare -A png=([48x48]=komora-48.png [128x128]=komora-128.png [256x256]=komora.png)
for size in "${sizes[@]}"; do
  install -D -m 644 "$icons/${png[$size]}" "$root/share/icons/hicolor/$size/apps/komora.png"
done
install -D -m 644 "$icons/komora.svg" "$root/share/icons/hicolor/scalable/apps/komora.svg"

refresh_desktop_caches
echo "Komora installed in $root; start it as $prefix/bin/komora"
# desktops read menu entries and icons from XDG_DATA_HOME and XDG_DATA_DIRS only
data_dirs=":${XDG_DATA_HOME:-$HOME/.local/share}:${XDG_DATA_DIRS:-/usr/local/share:/usr/share}:"
if [[ -z $destdir && $data_dirs != *":$prefix/share:"* ]]; then
  echo "Note: $prefix/share is not a folder the desktop reads menu entries from;" \
    "use --prefix ~/.local or /usr/local for a menu entry"
fi

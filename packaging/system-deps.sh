#!/usr/bin/env bash
# Installs the Debian/Ubuntu packages Komora's GUI and its tests need, when missing:
# Qt's xcb platform libraries, Xvfb and the X tools the end-to-end tests drive, poppler
# for looking at PDFs. Uses sudo when not root. Does nothing on other systems.
set -euo pipefail

packages=(
  libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1 libxcb-image0 libxcb-render-util0
  libxcb-randr0 libxcb-shape0 libxcb-xinerama0 libxcb-xkb1 libxkbcommon-x11-0
  libxkbcommon0 libegl1 libgl1 libfontconfig1 libdbus-1-3 fonts-dejavu-core
  xvfb xdotool x11-xkb-utils x11-xserver-utils x11-utils poppler-utils socat
)

command -v dpkg-query >/dev/null 2>&1 || exit 0
command -v apt-get >/dev/null 2>&1 || exit 0

missing=()
for package in "${packages[@]}"; do
  status=$(dpkg-query -W -f='${Status}' "$package" 2>/dev/null || true)
  [[ "$status" == "install ok installed" ]] || missing+=("$package")
done
((${#missing[@]})) || exit 0

sudo=""
[[ $(id -u) -eq 0 ]] || sudo="sudo"
echo "Installing system packages: ${missing[*]}"
$sudo apt-get update -qq
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}"

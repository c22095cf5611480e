#!/usr/bin/env bash
# Real public-domain portraits for the demo and the tests, taken from Debian packages (no URL, no model hub).
# Usage: tools/fetch-sample-photos.sh DEST_DIR
set -euo pipefail
dest=${1:?usage: fetch-sample-photos.sh DEST_DIR}
mkdir -p "$dest"
dest=$(cd "$dest" && pwd)
want=(astronaut.png grace_hopper.jpg chelsea.png coffee.png)
missing=0
for f in "${want[@]}"; do [ -s "$dest/$f" ] || missing=1; done
[ "$missing" = 0 ] && exit 0

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cd "$work"
sudo_cmd=""
if [ "$(id -u)" != 0 ] && command -v sudo >/dev/null 2>&1; then sudo_cmd="sudo"; fi
if ! apt-get download python3-skimage python-matplotlib-data >/dev/null 2>&1; then
  echo "sample photos: refreshing the package lists (apt-get update)" >&2
  $sudo_cmd apt-get update -qq >/dev/null
  apt-get download python3-skimage python-matplotlib-data >/dev/null 2>&1 || {
    echo "sample photos: could not download the Debian packages python3-skimage and python-matplotlib-data with apt-get; check apt's sources" >&2
    exit 1
  }
fi
for deb in ./*.deb; do dpkg -x "$deb" x; done
for f in astronaut.png chelsea.png coffee.png; do
  src=$(find x -path '*skimage/data/*' -name "$f" | head -n 1)
  [ -n "$src" ] || { echo "sample photos: $f not found in python3-skimage" >&2; exit 1; }
  cp "$src" "$dest/$f.part" && mv "$dest/$f.part" "$dest/$f"
done
src=$(find x -name grace_hopper.jpg | head -n 1)
[ -n "$src" ] || { echo "sample photos: grace_hopper.jpg not found in python-matplotlib-data" >&2; exit 1; }
cp "$src" "$dest/grace_hopper.jpg.part" && mv "$dest/grace_hopper.jpg.part" "$dest/grace_hopper.jpg"

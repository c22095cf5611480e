#!/usr/bin/env bash
# Real public-domain portraits for the demo and the tests, taken from Debian packages (no URL, no model hub).
# astronaut.heic is the astronaut portrait encoded as HEIC (HEVC, 8-bit 4:2:0) by heif-enc from Debian's
# libheif-examples, run from the unpacked packages with LD_LIBRARY_PATH (nothing is installed): Magick.NET reads
# HEIC but cannot write it.
# Usage: tools/fetch-sample-photos.sh DEST_DIR
set -euo pipefail
dest=${1:?usage: fetch-sample-photos.sh DEST_DIR}
mkdir -p "$dest"
dest=$(cd "$dest" && pwd)
want=(astronaut.png grace_hopper.jpg chelsea.png coffee.png)
missing=0
for f in "${want[@]}"; do [ -s "$dest/$f" ] || missing=1; done
heic_missing=0
[ -s "$dest/astronaut.heic" ] || heic_missing=1
[ "$missing" = 0 ] && [ "$heic_missing" = 0 ] && exit 0

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cd "$work"
sudo_cmd=""
if [ "$(id -u)" != 0 ] && command -v sudo >/dev/null 2>&1; then sudo_cmd="sudo"; fi
updated=0
# download DIR PACKAGE...: apt-get download into DIR, refreshing the package lists once if that fails.
download() {
  local dir=$1; shift
  mkdir -p "$dir"
  if ! (cd "$dir" && apt-get download "$@" >/dev/null 2>&1); then
    if [ "$updated" = 0 ]; then
      echo "sample photos: refreshing the package lists (apt-get update)" >&2
      $sudo_cmd apt-get update -qq >/dev/null
      updated=1
    fi
    (cd "$dir" && apt-get download "$@" >/dev/null 2>&1) || {
      echo "sample photos: could not download the Debian packages $* with apt-get; check apt's sources" >&2
      exit 1
    }
  fi
}

if [ "$missing" = 1 ]; then
  download photos python3-skimage python-matplotlib-data
  for deb in photos/*.deb; do dpkg -x "$deb" x; done
  for f in astronaut.png chelsea.png coffee.png; do
    src=$(find x -path '*skimage/data/*' -name "$f" | head -n 1)
    [ -n "$src" ] || { echo "sample photos: $f not found in python3-skimage" >&2; exit 1; }
    cp "$src" "$dest/$f.part" && mv "$dest/$f.part" "$dest/$f"
  done
  src=$(find x -name grace_hopper.jpg | head -n 1)
  [ -n "$src" ] || { echo "sample photos: grace_hopper.jpg not found in python-matplotlib-data" >&2; exit 1; }
  cp "$src" "$dest/grace_hopper.jpg.part" && mv "$dest/grace_hopper.jpg.part" "$dest/grace_hopper.jpg"
fi

if [ "$heic_missing" = 1 ]; then
  # heif-enc and every shared library it loads beyond libc6, libgcc-s1, libstdc++6 and zlib1g (which apt itself
  # needs): libheif1 links the HEVC and AV1 codecs directly. All are downloaded even when installed, so the
  # versions match each other whatever the machine has.
  heif_debs=(libheif-examples libheif1 libx265-199 libde265-0 libaom3 libdav1d6 libnuma1 libjpeg62-turbo libpng16-16)
  download heif "${heif_debs[@]}"
  for deb in heif/*.deb; do dpkg -x "$deb" heif/x; done
  enc=heif/x/usr/bin/heif-enc
  [ -x "$enc" ] || { echo "sample photos: heif-enc not found in libheif-examples" >&2; exit 1; }
  libs=$(find "$work/heif/x" -name '*.so*' -printf '%h\n' | sort -u | paste -sd: -)
  if ! LD_LIBRARY_PATH="$libs${LD_LIBRARY_PATH:+:$LD_LIBRARY_PATH}" "$enc" -q 90 -p chroma=420 \
      -o astronaut.heic "$dest/astronaut.png" >heif-enc.log 2>&1 || [ ! -s astronaut.heic ]; then
    echo "sample photos: heif-enc (from ${heif_debs[*]}) could not encode astronaut.heic:" >&2
    cat heif-enc.log >&2
    exit 1
  fi
  cp astronaut.heic "$dest/astronaut.heic.part" && mv "$dest/astronaut.heic.part" "$dest/astronaut.heic"
fi

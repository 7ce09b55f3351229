#!/bin/sh
# installers/ci/build-limd.sh PREFIX [COMPONENT...]
# Builds the libimobiledevice stack from pinned upstream sources into PREFIX, in dependency
# order, for the Windows (MSYS2 UCRT64) and macOS (Homebrew) runners: their packaged
# idevicerestore is missing (Homebrew) or the 2020 release (MSYS2), and current
# idevicerestore needs libimobiledevice >= 1.4.0, libirecovery >= 1.3.0, libtatsu >= 1.0.4.
# Without COMPONENTs: the whole stack. macOS builds only idevicerestore (Homebrew has the rest).
# Versions: installers/README.md ("Pinned device stack"); re-check before bumping.
set -eu
prefix=${1:?usage: build-limd.sh PREFIX [COMPONENT...]}
shift
all="libplist=2.7.0 libimobiledevice-glue=1.3.2 libusbmuxd=2.1.1 libtatsu=1.0.5 \
libimobiledevice=1.4.0 libirecovery=1.3.1 idevicerestore=405fcd1"
want=${*:-libplist libimobiledevice-glue libusbmuxd libtatsu libimobiledevice libirecovery idevicerestore}
work=${LIMD_WORK:-$PWD/limd-src}
mkdir -p "$work"
jobs=$(getconf _NPROCESSORS_ONLN 2>/dev/null || echo 2)
export PKG_CONFIG_PATH="$prefix/lib/pkgconfig${PKG_CONFIG_PATH:+:$PKG_CONFIG_PATH}"
for name in $want; do
  ref=""
  for kv in $all; do [ "${kv%%=*}" = "$name" ] && ref=${kv#*=}; done
  [ -n "$ref" ] || { echo "unknown component $name" >&2; exit 2; }
  dir=$work/$name
  if [ ! -d "$dir/.git" ]; then
    git clone --quiet "https://github.com/libimobiledevice/$name.git" "$dir"
  fi
  git -C "$dir" fetch --quiet --tags origin
  git -C "$dir" checkout --quiet "$ref"
  echo "== $name @ $ref"
  (cd "$dir" && NOCONFIGURE=1 ./autogen.sh >/dev/null &&
     ./configure --prefix="$prefix" --without-cython --disable-static >/dev/null &&
     make -j "$jobs" >/dev/null && make install >/dev/null)
done
"$prefix/bin/idevicerestore" --version 2>/dev/null || true

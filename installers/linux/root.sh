# Shared by build-deb and test-deb: clean Debian roots made with debootstrap, cached on
# this machine so that only the first run pays for the download.
#   RB_ROOT_CACHE   where the cache lives (default /var/cache/rescuebay-debootstrap)
#   RB_MIRROR       Debian mirror (default http://deb.debian.org/debian)
# A root is a minbase debootstrap kept as RELEASE-base.tar; every test unpacks a fresh copy.
# Downloaded .debs are kept in apt-RELEASE/ and bind-mounted into each root's apt cache.

RB_ROOT_CACHE=${RB_ROOT_CACHE:-/var/cache/rescuebay-debootstrap}
RB_MIRROR=${RB_MIRROR:-http://deb.debian.org/debian}
RB_MOUNTS=""

rb_die() { echo "error: $*" >&2; exit 1; }

rb_need_root() {
  [ "$(id -u)" -eq 0 ] || rb_die "$1 needs root (debootstrap, chroot and bind mounts)"
  command -v debootstrap >/dev/null || rb_die "debootstrap is missing: run installers/linux/setup"
}

# rb_base_tar RELEASE: path of the cached minbase tarball, made on first use.
rb_base_tar() {
  _rel=$1 _tar=$RB_ROOT_CACHE/$1-base.tar
  if [ ! -s "$_tar" ]; then
    mkdir -p "$RB_ROOT_CACHE/apt-$_rel"
    _tmp=$(mktemp -d "$RB_ROOT_CACHE/.boot-$_rel.XXXXXX")
    echo "making a $_rel root with debootstrap (once; cached in $_tar)" >&2
    debootstrap --variant=minbase --cache-dir="$RB_ROOT_CACHE/apt-$_rel" \
      "$_rel" "$_tmp" "$RB_MIRROR" >"$_tmp.log" 2>&1 ||
      { tail -20 "$_tmp.log" >&2; rb_root_remove "$_tmp"; rb_die "debootstrap $_rel failed"; }
    # apt in the root must not delete the shared .deb cache after installing.
    rm -f "$_tmp/etc/apt/apt.conf.d/docker-clean"
    echo 'Binary::apt::APT::Keep-Downloaded-Packages "true";' >"$_tmp/etc/apt/apt.conf.d/10keep"
    echo 'APT::Install-Recommends "false";' >"$_tmp/etc/apt/apt.conf.d/10norecommends"
    chmod 755 "$_tmp"
    tar -C "$_tmp" -cf "$_tar.tmp" . && mv "$_tar.tmp" "$_tar"
    rb_root_remove "$_tmp" && rm -f "$_tmp.log"
  fi
  echo "$_tar"
}

# rb_root_new RELEASE DIR: a fresh root in DIR from the cached tarball, mounts in place.
rb_root_new() {
  _tar=$(rb_base_tar "$1") || exit 1
  mkdir -p "$2"
  tar -C "$2" -xf "$_tar"
  chmod 755 "$2"   # the root's "/" (mktemp made it 0700: other users could not run anything)
  # A throwaway root needs no fsync per unpacked file (dpkg's default): much faster on a
  # busy disk, and harmless since the root is deleted after use.
  echo force-unsafe-io >"$2/etc/dpkg/dpkg.cfg.d/rescuebay-unsafe-io"
  rb_root_mount "$1" "$2"
}

rb_root_mount() {
  mkdir -p "$RB_ROOT_CACHE/apt-$1"
  for m in proc sys dev dev/pts; do
    mount --bind "/$m" "$2/$m"
    RB_MOUNTS="$2/$m $RB_MOUNTS"
  done
  mount --bind "$RB_ROOT_CACHE/apt-$1" "$2/var/cache/apt/archives"
  RB_MOUNTS="$2/var/cache/apt/archives $RB_MOUNTS"
  cp /etc/resolv.conf "$2/etc/resolv.conf" 2>/dev/null || true
}

rb_root_umount() {
  for m in $RB_MOUNTS; do umount -l "$m" 2>/dev/null || true; done
  RB_MOUNTS=""
}

# rb_root_remove DIR: unmounts whatever is still mounted below DIR (also mounts of an
# earlier, killed run), then deletes it; refuses while anything stays mounted, so that a
# bind mount of /dev or of the apt cache is never emptied.
rb_root_remove() {
  _d=$(readlink -f "$1")
  for m in $(awk -v d="$_d/" 'index($2, d) == 1 {print $2}' /proc/mounts | sort -r); do
    umount -l "$m" 2>/dev/null || true
  done
  if awk -v d="$_d/" 'index($2, d) == 1 {found=1} END {exit !found}' /proc/mounts; then
    echo "error: still mounted below $_d; not deleting it" >&2
    return 1
  fi
  rm -rf --one-file-system "$_d"
}

# rb_chroot DIR CMD...: run CMD in the root, non-interactive, without starting services.
rb_chroot() {
  _d=$1; shift
  printf '#!/bin/sh\nexit 101\n' >"$_d/usr/sbin/policy-rc.d"; chmod 755 "$_d/usr/sbin/policy-rc.d"
  env -i PATH=/usr/sbin:/usr/bin:/sbin:/bin HOME=/root LANG=C.UTF-8 \
      DEBIAN_FRONTEND=noninteractive chroot "$_d" "$@"
}

rb_apt() {
  _d=$1; shift
  rb_chroot "$_d" apt-get -o Dpkg::Use-Pty=0 -qq "$@"
}

#!/usr/bin/env bash
# apt-get install PACKAGE... without starting any service the packages bring: the tests need Debian's docker.io
# only for its client binary (/usr/bin/docker) and docker-registry only for a registry the tests start themselves;
# a dockerd, containerd or registry service started by a package's postinst would
# be a second container engine on the machine, sharing runc and cgroups with Holdfast's tests.
#
#   scripts/apt-install-no-daemons.sh [apt-get options...] PACKAGE...
#
# While apt-get runs, /usr/sbin/policy-rc.d answers 101 ("action forbidden"), which invoke-rc.d and
# deb-systemd-invoke honour; a policy-rc.d already there is set aside and put back afterwards, even when the install
# fails or is interrupted. On a machine run by systemd, docker and containerd units that were not active before are
# stopped afterwards, and those the install brought are disabled, so none is running or starts at the next boot.
# Needs root.
set -euo pipefail

[ "$(id -u)" -eq 0 ] || { echo "apt-install-no-daemons.sh: run as root (sudo)" >&2; exit 1; }
[ $# -gt 0 ] || { echo "usage: apt-install-no-daemons.sh [apt-get options...] PACKAGE..." >&2; exit 2; }

policy=/usr/sbin/policy-rc.d
saved=
units=(docker.socket docker.service containerd.service docker-registry.service)
systemd=false
[ -d /run/systemd/system ] && command -v systemctl >/dev/null && systemd=true
declare -A was_active=() had_unit=()
daemons_before=" $(pgrep -d ' ' -x dockerd; pgrep -d " " -x containerd; pgrep -d " " -x docker-registry; true) "
if $systemd; then
  for unit in "${units[@]}"; do
    systemctl is-active -q "$unit" 2>/dev/null && was_active[$unit]=1
    [ -n "$(systemctl list-unit-files --no-legend "$unit" 2>/dev/null)" ] && had_unit[$unit]=1
  done
fi

restore_policy() {
  if [ -n "$saved" ]; then
    mv -f "$saved" "$policy"
  else
    rm -f "$policy"
  fi
}
if [ -e "$policy" ] || [ -L "$policy" ]; then
  saved=$(mktemp "$policy.holdfast-saved.XXXXXX")
  cp -a "$policy" "$saved"
fi
trap restore_policy EXIT
trap 'exit 130' INT TERM HUP
tmp=$(mktemp "$policy.holdfast.XXXXXX")
printf '#!/bin/sh\n# apt-install-no-daemons.sh: no service starts while it installs packages\nexit 101\n' > "$tmp"
chmod 755 "$tmp"
mv -f "$tmp" "$policy"

DEBIAN_FRONTEND=noninteractive apt-get install -y -q "$@"

if $systemd; then
  for unit in "${units[@]}"; do
    if [ -z "${was_active[$unit]:-}" ] && systemctl is-active -q "$unit" 2>/dev/null; then
      echo "apt-install-no-daemons.sh: stopping $unit, which the install started"
      systemctl stop "$unit"
    fi
    if [ -z "${had_unit[$unit]:-}" ] && [ -n "$(systemctl list-unit-files --no-legend "$unit" 2>/dev/null)" ]; then
      echo "apt-install-no-daemons.sh: disabling $unit, which the install brought (nothing but its client or binary is used)"
      systemctl disable -q "$unit" || true
    fi
  done
fi

# whatever started them (an init script without systemd), none the install started is left running
for pid in $(pgrep -x dockerd; pgrep -x containerd; pgrep -x docker-registry); do
  case "$daemons_before" in
    *" $pid "*) ;;
    *) echo "apt-install-no-daemons.sh: killing $(cat "/proc/$pid/comm" 2>/dev/null) ($pid), which the install started"
       kill "$pid" 2>/dev/null || true ;;
  esac
done


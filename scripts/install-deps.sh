#!/usr/bin/env bash
# Installs what Holdfast needs on Debian/Ubuntu and is missing: the OCI runtimes, conmon, the static busybox the
# tests build their image from, a JDK 17 and Maven, and what the Docker-client tests drive the engine with: Debian's
# docker CLI (/usr/bin/docker from docker.io; its dockerd and containerd are never started) and Docker SDK for
# Python (python3-docker for /usr/bin/python3), tini's static binary, socat, and for the image tests Debian's
# docker-registry (a real registry the tests start on 127.0.0.1; its own service is never started), skopeo and
# python3-bcrypt (the registry's htpasswd entries). Needs root. Installs nothing that is
# already there.
set -euo pipefail

[ "$(id -u)" -eq 0 ] || { echo "install-deps.sh: run as root (sudo)" >&2; exit 1; }

need=()
command -v runc >/dev/null || need+=(runc)
command -v crun >/dev/null || need+=(crun)
command -v conmon >/dev/null || [ -x /usr/libexec/podman/conmon ] || need+=(conmon)
case "$(ldd /bin/busybox 2>&1)" in # the tests' image needs the static busybox, not the dynamic one
  *"not a dynamic executable"*) ;;
  *) need+=(busybox-static) ;;
esac
command -v tar >/dev/null || need+=(tar)
command -v ip >/dev/null || need+=(iproute2)       # the bridge network
command -v mount >/dev/null || need+=(mount)       # the overlay storage driver
command -v setpriv >/dev/null || need+=(util-linux)
if ! command -v javac >/dev/null || ! javac -version 2>&1 | grep -Eq 'javac (1[7-9]|2[0-9])'; then
  need+=(openjdk-17-jdk-headless)
fi
command -v mvn >/dev/null || need+=(maven)
# the Docker-client tests run exactly these, not whatever docker or python3 comes first on PATH
[ -x /usr/bin/docker ] || need+=(docker.io)
/usr/bin/python3 -c 'import docker' 2>/dev/null || need+=(python3-docker)
[ -x /usr/bin/tini-static ] || need+=(tini)
command -v socat >/dev/null || need+=(socat)
# the image tests: a real registry on 127.0.0.1 (its service is never started) and skopeo to seed it
[ -x /usr/bin/docker-registry ] || need+=(docker-registry)
command -v skopeo >/dev/null || need+=(skopeo)
# the registry's htpasswd file needs bcrypt entries; the auth tests write them with python3-bcrypt
/usr/bin/python3 -c 'import bcrypt' 2>/dev/null || need+=(python3-bcrypt)
command -v systemd-socket-activate >/dev/null || need+=(systemd)   # the socket hand-over test

if [ ${#need[@]} -gt 0 ]; then
  echo "install-deps.sh: installing ${need[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -q
  "$(dirname "$0")/apt-install-no-daemons.sh" "${need[@]}"
fi

#!/usr/bin/env bash
# Quick start: installs what is missing, builds Holdfast, and runs the engine in the foreground with the default
# configuration (live restore on, socket /run/holdfast.sock). Ctrl-C stops the engine; containers keep running.
set -euo pipefail
cd "$(dirname "$0")/.."
./scripts/install-deps.sh
mvn -B -q -DskipTests install
exec distribution/target/holdfast/bin/holdfastd --config distribution/target/holdfast/etc/daemon.json "$@"

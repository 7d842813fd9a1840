#!/usr/bin/env bash
# Runs the whole test suite: unit tests, then end-to-end tests that start the assembled engine and real
# containers (runc, conmon, busybox). Needs root; installs what is missing first.
set -euo pipefail
cd "$(dirname "$0")/.."
./scripts/install-deps.sh
mvn -B clean install "$@"

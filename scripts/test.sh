#!/usr/bin/env bash
# Runs the whole test suite: unit tests, then end-to-end tests that start the assembled engine and real
# containers (runc, conmon, busybox), including an upgrade from the previous release (built once from git history).
# Needs root; installs what is missing first.
set -euo pipefail
cd "$(dirname "$0")/.."
./scripts/install-deps.sh
previous=$(./scripts/previous-distribution.sh)
mvn -B clean install -Dholdfast.previous.home="$previous" "$@"

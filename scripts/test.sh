#!/usr/bin/env bash
# Runs the whole test suite: unit tests, then end-to-end tests that start the assembled engine and real
# containers (runc, conmon, busybox), including an upgrade from the previous release (built once from git history).
# Needs root; installs what is missing first.
set -euo pipefail
cd "$(dirname "$0")/.."
./scripts/install-deps.sh
if previous=$(./scripts/previous-distribution.sh); then
  mvn -B clean install -Dholdfast.previous.home="$previous" "$@"
else
  # never silently: UpgradeTest reports itself skipped, and this says why
  echo "test.sh: WARNING: the previous release could not be built (see above); UpgradeTest will be SKIPPED" >&2
  mvn -B clean install "$@"
fi

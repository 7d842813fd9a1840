#!/usr/bin/env bash
# The whole test suite in slow mode: every CLI call a test makes waits 1 s first, and every engine runs under
# `nice -n 10` while a CPU hog spins on each core. It proves that no test depends on how fast the CLI, the JVM or
# the machine is. Takes several times as long as scripts/test.sh; arguments go to it (e.g. -pl itests -am).
set -euo pipefail
cd "$(dirname "$0")/.."
hogs=()
stop_hogs() { [ ${#hogs[@]} -eq 0 ] || kill "${hogs[@]}" 2>/dev/null || true; }
trap stop_hogs EXIT INT TERM
for _ in $(seq "$(nproc)"); do
  ( while :; do :; done ) &
  hogs+=($!)
done
echo "test-slow.sh: ${#hogs[@]} CPU hogs (pids ${hogs[*]}); CLI calls +1 s; engines under nice -n 10" >&2
./scripts/test.sh -Dholdfast.it.slowCli="${HOLDFAST_SLOW_CLI_MS:-1000}" -Dholdfast.it.engineNice="${HOLDFAST_ENGINE_NICE:-10}" "$@"

#!/bin/sh
# The crash-point harness at full size (issue 14): kills the engine at POINTS (default 500) seeded random moments
# while a driver creates, starts, stops, removes, runs --rm and policy-restarted containers, imports images and
# reloads, and checks the invariants after each restart (see itests/.../crash/CrashPointsTest.java). Prints one line
# per kill point and the totals; exits non-zero if any invariant was broken.
#
#   ./scripts/crash-points.sh [POINTS] [SEED]
#
# Needs what the end-to-end tests need (root, runc, conmon, busybox-static); builds the engine first.
# Takes about 10 s per point on a 2-core machine.
set -eu
cd "$(dirname "$0")/.."
POINTS=${1:-500}
SEED=${2:-14}
LOG=$(mktemp -t holdfast-crash-points.XXXXXX)
trap 'rm -f "$LOG"' EXIT
status=0
mvn -o -B verify -pl itests -am -Dtest=CrashPointsTest -Dsurefire.failIfNoSpecifiedTests=false \
    -Dbnd.baseline.skip=true -Dholdfast.crash.points="$POINTS" -Dholdfast.crash.seed="$SEED" >"$LOG" 2>&1 || status=$?
grep -E '^(crash points|point +[0-9]+:)' "$LOG" || true
if [ "$status" -ne 0 ] && ! grep -q '^crash points done' "$LOG"; then
    echo "the harness did not run to its end; the last lines of the build:" >&2
    tail -40 "$LOG" >&2
fi
exit "$status"

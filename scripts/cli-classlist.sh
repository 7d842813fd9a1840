#!/usr/bin/env bash
# Regenerates distribution/src/main/cds/holdfast.classlist, the classes bin/holdfast-cds archives for the CLI:
# runs the everyday commands of the built CLI against a running engine that has the busybox image
# (README's quick start) and records every class they load. Run it when the CLI's classes change much; a class
# the list misses is simply loaded from its jar, and one it names that is gone is skipped.
#   scripts/cli-classlist.sh unix:///run/holdfast.sock
set -euo pipefail
cd "$(dirname "$0")/.."
host=${1:?usage: scripts/cli-classlist.sh unix:///path/to/engine.sock}
lib=distribution/target/holdfast/lib/cli
out=distribution/src/main/cds/holdfast.classlist
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
name=cds-classlist-$$
n=0
record() {
  n=$((n + 1))
  java -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -XX:DumpLoadedClassList="$work/$n.lst" -cp "$lib/*" \
    io.holdfast.cli.HoldfastCli -H "$host" "$@" > /dev/null 2>&1 < /dev/null || true
}
record ps; record ps -a -q; record images; record version; record info; record --help; record ps --help
record run -d --name "$name" busybox sleep 1000; record logs "$name"; record inspect "$name"
record exec "$name" true; record stop -t 1 "$name"; record rm "$name"; record run --rm busybox echo hi
record network ls; record volume ls; record no-such-verb
{
  echo "# The classes the CLI's everyday commands load, for bin/holdfast-cds: made by scripts/cli-classlist.sh"
  cat "$work"/*.lst | grep -v '^[#@]' | LC_ALL=C sort -u
  cat "$work"/*.lst | grep '^@lambda-proxy' | LC_ALL=C sort -u
  cat "$work"/*.lst | grep '^@lambda-form-invoker' | LC_ALL=C sort -u
} > "$out"
echo "$out: $(grep -vc '^#' "$out") lines"

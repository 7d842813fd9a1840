#!/usr/bin/env bash
# Regenerates the class lists bin/holdfast-cds archives (distribution/src/main/cds/): holdfastd.classlist, what the
# engine's launcher loads from its class path while it starts, serves and stops (the bundles' classes come from
# their own class loaders and are not archived), and holdfast.classlist, what the CLI's everyday commands load.
# Starts an engine of its own (temporary roots, socket, bridge and subnet) with the busybox image, runs the
# commands against it, and removes all of it again. Needs root and a build (mvn -DskipTests verify).
# Run it when the classes change much: a class a list misses is loaded from its jar, and one it names that is
# gone is skipped.
set -euo pipefail
cd "$(dirname "$0")/.."
dist=$PWD/distribution/target/holdfast
out=$PWD/distribution/src/main/cds
work=$(mktemp -d /tmp/hf-cds-XXXXXX)
bridge=hfcds$$
engine=
cleanup() {
  if [ -n "$engine" ] && kill -0 "$engine" 2>/dev/null; then
    "$dist/bin/holdfast" -H "unix://$work/api.sock" rm -f cds-list >/dev/null 2>&1 || true
    kill -TERM "$engine"
    wait "$engine" || true
  fi
  ip link del "$bridge" 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT

cat > "$work/daemon.json" <<JSON
{"bridge": "$bridge", "bip": "10.215.$((RANDOM % 250 + 1)).1/24"}
JSON
HOLDFAST_JAVA_OPTS="-Xss512k -XX:+UseG1GC -XX:TieredStopAtLevel=1 -XX:DumpLoadedClassList=$work/engine.lst" \
  "$dist/bin/holdfastd" --config="$work/daemon.json" --data-root="$work/data" --exec-root="$work/exec" \
  -H "unix://$work/api.sock" > "$work/engine.log" 2>&1 &
engine=$!
until grep -q "holdfastd: ready" "$work/engine.log"; do
  kill -0 "$engine" 2>/dev/null || { cat "$work/engine.log" >&2; exit 1; }
  sleep 0.2
done

mkdir -p "$work/rootfs/bin"
cp /bin/busybox "$work/rootfs/bin/"
for applet in $(/bin/busybox --list | grep -vx busybox); do ln -s busybox "$work/rootfs/bin/$applet"; done
tar -C "$work/rootfs" -c . | "$dist/bin/holdfast" -H "unix://$work/api.sock" image import - busybox:latest >/dev/null

n=0
record() { # one CLI command, with every class it loads listed
  n=$((n + 1))
  java -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -XX:DumpLoadedClassList="$work/cli-$n.lst" -cp "$dist/lib/cli/*" \
    io.holdfast.cli.HoldfastCli -H "unix://$work/api.sock" "$@" > /dev/null 2>&1 < /dev/null || true
}
record ps; record ps -a -q; record images; record version; record info; record --help; record ps --help
record run -d --name cds-list busybox sleep 1000; record logs cds-list; record inspect cds-list
record exec cds-list true; record stop -t 1 cds-list; record rm cds-list; record run --rm busybox echo hi
record network ls; record volume ls; record no-such-verb
kill -HUP "$engine" # a reload, as operators do
sleep 1
kill -TERM "$engine"
wait "$engine" || true
engine=

# classes first (sorted, for a stable diff), then the lambda shapes they use
write() {
  local list=$1 what=$2
  shift 2
  {
    echo "# $what, for bin/holdfast-cds: made by scripts/cds-classlists.sh"
    cat "$@" | grep -v '^[#@]' | LC_ALL=C sort -u
    cat "$@" | grep '^@lambda-proxy' | LC_ALL=C sort -u
    cat "$@" | grep '^@lambda-form-invoker' | LC_ALL=C sort -u
  } > "$list"
  echo "$list: $(grep -vc '^#' "$list") lines"
}
write "$out/holdfastd.classlist" "The classes the engine loads from its launcher's class path" "$work/engine.lst"
write "$out/holdfast.classlist" "The classes the CLI's everyday commands load" "$work"/cli-*.lst

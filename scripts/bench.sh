#!/usr/bin/env bash
# Benchmarks: builds what they need, runs the JMH micro-benchmarks and the scenario harness on this machine, prints
# a markdown table and writes it with the same figures as JSON to itests/target/bench/. Needs root.
# Options go to the harness: --sizes 10,100,1000 (running containers for the restore scenario), --reps 3,
# --only swap,restore,... , --swap-containers 100 --swaps 50 (the restore-bundle swap scenario), --held 10000
# (the long-request scenario: ping, ps and stop timed while that many wait/logs -f/events are held); --only pull
# times a 100 MB, 5-layer pull from a local docker-registry next to cat and curl of its blobs; --only cli times
# holdfast ps and run -d taking turns with Debian's docker client on the same engine.
set -euo pipefail
cd "$(dirname "$0")/.."
./scripts/install-deps.sh
mvn -B -q -DskipTests install
# the bundles' class archive, as the install step of README's Running as a service makes it: the engine measured is
# the one a user runs
distribution/target/holdfast/bin/holdfast-cds --engine

out=itests/target/bench
mkdir -p "$out"
rm -f "$out"/jmh-*.json

classpath() { # the test class path of a module, as Maven resolves it
  mvn -B -q -pl "$1" dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/test.classpath \
    >/dev/null
  echo "$1/target/test-classes:$1/target/classes:$(cat "$1/target/test.classpath")"
}

for entry in bundles/restore:RestorePlanBenchmark bundles/supervisor:StateStoreBenchmark; do
  module=${entry%%:*}
  bench=${entry##*:}
  java -cp "$(classpath "$module")" org.openjdk.jmh.Main "$bench" -f 1 -wi 3 -i 5 -w 1s -r 1s \
    -rf json -rff "$out/jmh-$bench.json"
done

java -cp "$(classpath itests)" -Dholdfast.home=distribution/target/holdfast \
  io.holdfast.itests.bench.Benchmarks --out "$out" "$@"

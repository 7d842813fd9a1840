#!/usr/bin/env bash
# The soak (issue 14): one engine of its own runs N long-lived containers while, for M minutes, a driver churns short
# containers (create, start, wait, logs, stop, rm, exec) and a reloader hot-swaps the restore bundle (a new
# Bundle-Version dropped into deploy/, then POST /system/reload) every S seconds. The engine JVM's threads, open fds,
# heap used after a full GC, RSS and the number of conmon monitors are sampled at the start, every minute and at the
# end; it prints them as a table and a verdict line comparing the first sample under load (minute 1) with the end.
#
#   ./scripts/soak.sh [--containers N=300] [--minutes M=30] [--reload-every S=10] [--plain-reload] [--build]
#
# --plain-reload asks for a reload without swapping a bundle; --build rebuilds distribution/target/holdfast first
# (it is built when missing). Needs root, runc, conmon, busybox-static, curl and the JDK's jcmd/jstat. Everything it
# makes lives under one temporary directory, a bridge named hfsoak<pid> and the subnet 10.219.0.0/16, and is removed
# at the end, on failure and on ctrl-C. Exit status: 0 steady, 1 an operation failed or a long-lived container
# changed, 2 threads, fds or heap grew. Not part of CI: it runs for minutes and asserts no timings.
set -euo pipefail
cd "$(dirname "$0")/.."
repo=$(pwd)

containers=300 minutes=30 reload_every=10 plain_reload=0 build=0
positive() { # name value: the value if it is a positive integer, else a clear error
  [[ $2 =~ ^[1-9][0-9]*$ ]] || { echo "soak.sh: $1 wants a positive integer, got '$2'" >&2; exit 64; }
  echo "$2"
}
while [ $# -gt 0 ]; do
  case $1 in
    --containers) containers=$(positive "$1" "${2-}"); shift 2 ;;
    --minutes) minutes=$(positive "$1" "${2-}"); shift 2 ;;
    --reload-every) reload_every=$(positive "$1" "${2-}"); shift 2 ;;
    --plain-reload) plain_reload=1; shift ;;
    --build) build=1; shift ;;
    -h|--help) sed -n '2,14p' "$0"; exit 0 ;;
    *) echo "soak.sh: unknown option '$1' (see --help)" >&2; exit 64 ;;
  esac
done
[ "$containers" -le 60000 ] || { echo "soak.sh: --containers $containers does not fit the /16 subnet" >&2; exit 64; }
[ "$(id -u)" -eq 0 ] || { echo "soak.sh: needs root (it runs containers)" >&2; exit 64; }
for tool in runc conmon curl jcmd jstat ip jar; do
  command -v "$tool" >/dev/null || { echo "soak.sh: '$tool' is missing (see scripts/install-deps.sh)" >&2; exit 64; }
done
[ -x /bin/busybox ] || { echo "soak.sh: /bin/busybox is missing: apt-get install busybox-static" >&2; exit 64; }
subnet=10.219.0.1/16
if ip -o route | grep -q '^10\.219\.'; then
  echo "soak.sh: the subnet $subnet is already routed here (another soak running?):" >&2
  ip -o route | grep '^10\.219\.' >&2
  exit 64
fi

if [ "$build" = 1 ] || [ ! -x distribution/target/holdfast/bin/holdfastd ]; then
  echo "building distribution/target/holdfast ..."
  mvn -o -B -q verify -pl distribution -am -DskipTests -Dbnd.baseline.skip=true
fi

root=$(mktemp -d /tmp/hf-soak-XXXXXX)
bridge=hfsoak$$
sock=$root/hf.sock
engine_pid='' churn_pid='' reload_pid=''

cleanup() { # whatever state the run is in: the engine, every container and monitor, netns, cgroups, mounts, files
  trap - EXIT INT TERM
  set +e
  for pid in $churn_pid $reload_pid; do kill "$pid" 2>/dev/null; wait "$pid" 2>/dev/null; done # never a bare wait: it waits for the engine
  if [ -n "$engine_pid" ] && kill -0 "$engine_pid" 2>/dev/null; then
    kill -9 "$engine_pid"; wait "$engine_pid" 2>/dev/null
  fi
  for runtime_root in "$root"/run/runtime/*; do
    [ -d "$runtime_root" ] || continue
    binary=runc; [ "$(basename "$runtime_root")" = crun ] && binary=crun
    for id in $("$binary" --root "$runtime_root" list -q 2>/dev/null); do
      "$binary" --root "$runtime_root" kill "$id" KILL 2>/dev/null
      "$binary" --root "$runtime_root" delete --force "$id" 2>/dev/null
    done
  done
  for pid in $(pgrep -f "conmon.*$root/"); do kill -9 "$pid" 2>/dev/null; done
  for id in $(cat "$root/ids" 2>/dev/null); do
    [ -e "/run/netns/holdfast-${id:0:12}" ] && ip netns delete "holdfast-${id:0:12}"
    [ -d "/sys/fs/cgroup/holdfast-$id" ] && rmdir "/sys/fs/cgroup/holdfast-$id"
  done
  [ -e "/sys/class/net/$bridge" ] && ip link delete "$bridge"
  awk -v r="$root/" 'index($5, r) == 1 { print length($5), $5 }' /proc/self/mountinfo | sort -rn | cut -d' ' -f2- |
    while read -r point; do umount "$point" 2>/dev/null || umount -l "$point"; done
  if [ -n "$engine_pid" ]; then
    rm -rf "/tmp/holdfast-felix-$engine_pid" /tmp/holdfast-cmd-"$engine_pid"-*
  fi
  rm -rf "$root"
}
trap cleanup EXIT
trap 'echo "soak.sh: interrupted, cleaning up" >&2; exit 130' INT TERM

api() { # METHOD PATH [curl args...]: the body on stdout; fails (with the status and body on stderr) unless 2xx
  local method=$1 path=$2 out status
  shift 2
  out=$(curl -sS --unix-socket "$sock" -X "$method" -w '\n%{http_code}' --max-time 120 "$@" "http://holdfast$path" |
    tr -d '\000') || # logs come in Docker's multiplexed frames, whose headers hold NUL bytes
    { echo "$method $path: curl failed" >&2; return 1; }
  status=${out##*$'\n'}
  out=${out%$'\n'*}
  if [[ $status != 2* ]]; then echo "$method $path: $status $out" >&2; return 1; fi
  printf '%s' "$out"
}
json_field() { # FIELD: the first "FIELD":"value" or "FIELD":number of the JSON on stdin
  grep -o "\"$1\" *: *\"\?[^\",}]*" | head -1 | sed 's/.*: *"\?//'
}
create() { # NAME CMD-JSON-ARRAY: creates a busybox container and prints its id, which cleanup will know
  local id
  id=$(api POST "/containers/create?name=$1" -H 'Content-Type: application/json' \
    -d "{\"Image\":\"busybox\",\"Cmd\":$2}" | json_field Id)
  [ -n "$id" ] || return 1
  echo "$id" >>"$root/ids"
  echo "$id"
}

# --- the engine -------------------------------------------------------------------------------------------------
cp -a distribution/target/holdfast "$root/dist" # its own deploy/ for the swaps
printf '{"bridge":"%s","bip":"%s"}\n' "$bridge" "$subnet" >"$root/daemon.json"
HOLDFAST_HOME=$root/dist "$root/dist/bin/holdfastd" --config "$root/daemon.json" --data-root "$root/data" \
  --exec-root "$root/run" -H "unix://$sock" >"$root/engine.log" 2>&1 &
engine_pid=$! # bin/holdfastd execs the JVM, so this is its pid
for _ in $(seq 1 300); do
  api GET /_ping >/dev/null 2>&1 && break
  kill -0 "$engine_pid" 2>/dev/null || { echo "soak.sh: holdfastd exited:" >&2; tail -40 "$root/engine.log" >&2; exit 1; }
  sleep 1
done
api GET /_ping >/dev/null || { echo "soak.sh: the API did not answer in 300 s" >&2; tail -40 "$root/engine.log" >&2; exit 1; }

mkdir -p "$root/busybox/bin"
cp /bin/busybox "$root/busybox/bin/busybox"
for applet in $(/bin/busybox --list); do
  [ "$applet" = busybox ] || ln -s busybox "$root/busybox/bin/$applet"
done
tar -C "$root/busybox" -cf "$root/busybox.tar" .
api POST '/images/create?fromSrc=-&repo=busybox&tag=latest' --data-binary @"$root/busybox.tar" >/dev/null

echo "starting $containers long-lived containers ..."
: >"$root/long"
for i in $(seq 1 "$containers"); do
  id=$(create "soak-long-$i" '["sleep","1000000"]')
  api POST "/containers/$id/start" >/dev/null
  echo "$id $(api GET "/containers/$id/json" | json_field Pid)" >>"$root/long"
done

# --- sampling ---------------------------------------------------------------------------------------------------
sample() { # LABEL: one row of the table, the heap measured right after a full GC
  local threads fds rss heap monitors
  jcmd "$engine_pid" GC.run >/dev/null
  heap=$(jstat -gc "$engine_pid" | awk 'NR == 1 { for (i = 1; i <= NF; i++) col[$i] = i }
    NR == 2 { printf "%.0f", $col["S0U"] + $col["S1U"] + $col["EU"] + $col["OU"] }')
  threads=$(awk '/^Threads:/ { print $2 }' "/proc/$engine_pid/status")
  rss=$(awk '/^VmRSS:/ { print $2 }' "/proc/$engine_pid/status")
  fds=$(ls "/proc/$engine_pid/fd" | wc -l)
  monitors=$(pgrep -fc "conmon.*$root/run/" || true)
  printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$1" "$(date -u +%H:%M:%S)" "$threads" "$fds" "$heap" "$rss" "$monitors" \
    >>"$root/samples"
}
: >"$root/samples"
sample start

end=$(($(date +%s) + minutes * 60))
: >"$root/errors"

churn() { # until the end: short containers through create/start/wait/logs/rm, stopped ones, execs
  local i=0 ok=0 id long
  mapfile -t longs < <(cut -d' ' -f1 "$root/long")
  while [ "$(date +%s)" -lt "$end" ]; do
    i=$((i + 1))
    if {
      id=$(create "soak-short-$i" "[\"sh\",\"-c\",\"echo soak-$i\"]") &&
        api POST "/containers/$id/start" >/dev/null &&
        api POST "/containers/$id/wait" | grep -q '"StatusCode" *: *0' &&
        api GET "/containers/$id/logs?stdout=1" | grep -aq "soak-$i" &&
        api DELETE "/containers/$id" >/dev/null &&
        id=$(create "soak-stopped-$i" '["sleep","1000"]') &&
        api POST "/containers/$id/start" >/dev/null &&
        api POST "/containers/$id/stop?t=1" >/dev/null &&
        api DELETE "/containers/$id" >/dev/null &&
        long=${longs[$((i % ${#longs[@]}))]} &&
        id=$(api POST "/containers/$long/exec" -H 'Content-Type: application/json' \
          -d '{"Cmd":["true"]}' | json_field Id) &&
        api POST "/exec/$id/start" -H 'Content-Type: application/json' -d '{"Detach":true}' >/dev/null
    } 2>>"$root/errors"; then
      ok=$((ok + 1))
    else
      echo "churn round $i failed" >>"$root/errors"
    fi
    echo "$i $ok" >"$root/churn"
  done
}

reloads() { # every S seconds until the end: a new revision of the restore bundle, or a plain reload
  local n=0 ok=0 original version
  original=$(ls "$root"/dist/bundle/restore-*.jar)
  mkdir -p "$root/swap"
  (cd "$root/swap" && jar xf "$original")
  while [ "$(($(date +%s) + reload_every))" -le "$end" ]; do
    sleep "$reload_every"
    n=$((n + 1))
    if [ "$plain_reload" = 0 ]; then
      version=0.9.$n
      sed -i -E "s/^Bundle-Version: [^\r]*/Bundle-Version: $version/" "$root/swap/META-INF/MANIFEST.MF"
      (cd "$root/swap" && jar cfm "$root/restore-next.jar" META-INF/MANIFEST.MF -C "$root/swap" .)
      cp "$root/restore-next.jar" "$root/dist/deploy/.restore.jar.part"
      mv -f "$root/dist/deploy/.restore.jar.part" "$root/dist/deploy/restore.jar" # in one step, as an operator should
    fi
    if api POST /system/reload >/dev/null 2>>"$root/errors"; then ok=$((ok + 1)); else echo "reload $n failed" >>"$root/errors"; fi
    echo "$n $ok" >"$root/reloads"
  done
}

what="a restore-bundle swap and reload"; [ "$plain_reload" = 1 ] && what="a plain reload"
echo "soaking for $minutes min: churn, and $what every $reload_every s ..."
echo "0 0" >"$root/churn"; echo "0 0" >"$root/reloads"
churn & churn_pid=$!
reloads & reload_pid=$!
minute=0
while [ "$(date +%s)" -lt "$end" ]; do
  sleep 60
  minute=$((minute + 1))
  if [ "$(date +%s)" -lt "$end" ]; then sample "min $minute"; fi
  kill -0 "$engine_pid" 2>/dev/null || { echo "soak.sh: holdfastd died:" >&2; tail -40 "$root/engine.log" >&2; exit 1; }
done
wait "$churn_pid" "$reload_pid" || true
churn_pid='' reload_pid=''
sample end

# --- the verdict ------------------------------------------------------------------------------------------------
changed=0
while read -r id pid; do
  now=$(api GET "/containers/$id/json" | json_field Pid)
  [ "$now" = "$pid" ] || { echo "long-lived ${id:0:12}: pid $pid at the start, now '$now'" >>"$root/errors"; changed=$((changed + 1)); }
done <"$root/long"
leaked_netns=0 leaked_cgroups=0
for id in $(cat "$root/ids"); do
  [ -d "$root/data/containers/$id" ] && continue
  [ -e "/run/netns/holdfast-${id:0:12}" ] && leaked_netns=$((leaked_netns + 1))
  [ -d "/sys/fs/cgroup/holdfast-$id" ] && leaked_cgroups=$((leaked_cgroups + 1))
done
mounts=$(awk -v r="$root/data/" 'index($5, r) == 1' /proc/self/mountinfo | wc -l)
existing=$(ls "$root/data/containers" | wc -l) # a failed round can leave its container, mounted
read -r rounds rounds_ok <"$root/churn"
read -r reloads_done reloads_ok <"$root/reloads"

echo
echo "| sample | UTC | threads | fds | heap used after full GC (KB) | RSS (KB) | conmon monitors |"
echo "|---|---|---|---|---|---|---|"
sed 's/\t/ | /g; s/^/| /; s/$/ |/' "$root/samples"
echo
echo "parameters: $containers containers, $minutes min, reload every $reload_every s ($([ "$plain_reload" = 1 ] && echo plain || echo restore bundle swapped)); load average $(cut -d' ' -f1-3 /proc/loadavg)"
echo "churn: $rounds_ok of $rounds rounds ok (each: run+wait+logs+rm, run+stop+rm, exec); reloads: $reloads_ok of $reloads_done ok"
echo "long-lived containers with another pid or gone: $changed of $containers; removed containers' netns left: $leaked_netns, cgroups left: $leaked_cgroups; mounts under the data root: $mounts (containers left: $existing)"
if [ -s "$root/errors" ]; then echo "first errors:"; head -20 "$root/errors"; fi

# the baseline is the first sample under load ("min 1", or "start" in runs under two minutes): at "start" no churn
# has run yet, and the pools (API requests, log followers, exits) have not made their threads
read -r _ _ t0 f0 h0 r0 m0 < <(sed -n "$(( $(wc -l <"$root/samples") > 2 ? 2 : 1 ))p" "$root/samples")
read -r _ _ t1 f1 h1 r1 m1 < <(tail -1 "$root/samples")
growth=''
[ $((t1 - t0)) -le 5 ] || growth="$growth threads"
[ $((f1 - f0)) -le 10 ] || growth="$growth fds"
[ $((h1 - h0)) -le $((h0 / 10 + 2048)) ] || growth="$growth heap"
summary="from the first sample under load to the end: threads $t0->$t1, fds $f0->$f1, heap after GC ${h0}->${h1} KB, RSS ${r0}->${r1} KB, monitors $m0->$m1"
status=0
if [ "$rounds_ok" != "$rounds" ] || [ "$reloads_ok" != "$reloads_done" ] || [ "$changed" -ne 0 ] ||
  [ "$leaked_netns" -ne 0 ] || [ "$leaked_cgroups" -ne 0 ] || [ "$mounts" -gt "$existing" ] ||
  [ "$m1" -ne "$containers" ]; then
  echo "verdict: FAILED operations or leaks (above); $summary"
  status=1
elif [ -n "$growth" ]; then
  echo "verdict: GREW:$growth (allowed: 5 threads, 10 fds, 10% + 2 MB heap); $summary"
  status=2
else
  echo "verdict: steady; $summary"
fi
exit "$status"

#!/usr/bin/env bash
# Measures how much of the Docker SDK for Python's own integration suite passes against Holdfast: runs
# tests/integration of docker/docker-py, at the version of the SDK installed for /usr/bin/python3 (Debian's
# python3-docker, 5.0.3), with pytest against a throw-away engine of its own (data root, exec root, socket, bridge
# and subnet under a temporary directory, all removed afterwards), and prints passed/failed/errored/skipped counts
# and the failures grouped by cause (endpoint and status, or error). Not part of CI: a figure, not a gate.
#
#   scripts/docker-sdk-suite.sh --docker-py GIT_DIR [--holdfast-home DIR] [--keep-report FILE] [PYTEST_ARGS...]
#   scripts/docker-sdk-suite.sh --summarize REPORT.xml     # the counts and causes of a kept report again
#
# GIT_DIR is a clone (or bare git dir) of https://github.com/docker/docker-py; only its tests/ at the installed
# SDK's tag are used, never its docker/ package. The suite runs unchanged, with three additions that are said in the
# output: the busybox test image is imported as the images the suite would pull from Docker Hub (alpine:3.10, its
# TEST_IMG, alpine:latest and busybox:latest), since Holdfast does not pull;
# the SDK's own distutils DeprecationWarning (Python 3.11) is not made an error; and a test that hangs longer than
# HANG_SECONDS (default 180) is failed as "hung" so the run ends.
# Needs root; installs Debian's python3-pytest and python3-paramiko (the suite's helpers import it) if missing.
set -euo pipefail
cd "$(dirname "$0")/.."

fail() { echo "docker-sdk-suite.sh: $*" >&2; exit 2; }
summarize() { # counts and failure causes of a pytest JUnit report
$python - "$1" <<'EOF'
import collections, re, sys, xml.etree.ElementTree as ET

def cause(message, text):
    """A failure's cause: the endpoint and status of the API error it ended with, else its message's first line,
    ids and addresses masked."""
    first = next((l.strip() for l in (message or text or "").splitlines() if l.strip()), "(no message)")
    http = re.findall(r"(\d{3}) (?:Client|Server) Error(?: for|: [A-Za-z ]+ for url:) [^ ]*?/v[\d.]+(/[^?\s:\"]*)"
                      r"(\?[^\s:\"]*)?[:\s\"(]*([^\n\"]{0,90})", first)
    if http:
        status, path, query, reason = http[-1]
        path = re.sub(r"/(containers|images|exec|networks|volumes|plugins|secrets|configs|services|nodes|tasks)/[^/]+",
                      r"/\1/{x}", path)
        reason = re.sub(r"[0-9a-f]{12,64}", "{id}", reason).strip(" (")
        return f"{status} {path}: {reason}"
    first = re.sub(r"^E\s+", "", first)
    first = re.sub(r"[0-9a-f]{12,64}", "{id}", first)
    first = re.sub(r"0x[0-9a-f]+", "0x..", first)
    return first[:140]

tree = ET.parse(sys.argv[1])
counts = collections.Counter()
groups = collections.defaultdict(list)
for case in tree.iter("testcase"):
    name = case.get("classname", "").split(".")[-1] + "::" + case.get("name", "")
    failure, error, skipped = case.find("failure"), case.find("error"), case.find("skipped")
    if skipped is not None:
        counts["skipped"] += 1
    elif failure is not None or error is not None:
        node = failure if failure is not None else error
        counts["failed" if failure is not None else "errored"] += 1
        groups[cause(node.get("message"), node.text)].append(name)
    else:
        counts["passed"] += 1
total = sum(counts.values())
print(f"\nRESULT: passed={counts['passed']} failed={counts['failed']} errored={counts['errored']} "
      f"skipped={counts['skipped']} total={total}")
print("\nfailures and errors by cause (count, cause, first tests):")
for text, names in sorted(groups.items(), key=lambda g: -len(g[1])):
    print(f"{len(names):4d}  {text}")
    print(f"        e.g. {', '.join(names[:3])}")
EOF
}

python=/usr/bin/python3
home=$PWD/distribution/target/holdfast
docker_py=
keep_report=
hang_seconds=${HANG_SECONDS:-180}
pytest_args=()
while [ $# -gt 0 ]; do
  case "$1" in
    --docker-py) docker_py=$2; shift 2 ;;
    --holdfast-home) home=$2; shift 2 ;;
    --keep-report) keep_report=$2; shift 2 ;;
    --summarize) summarize "$2"; exit 0 ;;
    -h|--help) sed -n '2,15p' "$0"; exit 0 ;;
    *) pytest_args+=("$1"); shift ;;
  esac
done

[ "$(id -u)" -eq 0 ] || fail "run as root (the engine needs it)"
[ -n "$docker_py" ] || fail "--docker-py GIT_DIR is required (a clone of https://github.com/docker/docker-py)"
git_dir=$(git -C "$docker_py" rev-parse --absolute-git-dir 2>/dev/null) || git_dir=$docker_py
[ -x "$home/bin/holdfastd" ] || fail "$home/bin/holdfastd is missing: build first (mvn -o -B -DskipTests package -pl distribution -am)"
sdk_version=$($python -c 'import docker; print(docker.__version__)') || fail "$python cannot import docker: apt-get install python3-docker"
git --git-dir="$git_dir" rev-parse -q --verify "refs/tags/$sdk_version^{commit}" >/dev/null \
  || fail "$docker_py has no tag $sdk_version (the installed SDK's version)"

missing=()
$python -c 'import pytest' 2>/dev/null || missing+=(python3-pytest)
$python -c 'import paramiko' 2>/dev/null || missing+=(python3-paramiko)
if [ ${#missing[@]} -gt 0 ]; then
  echo "docker-sdk-suite.sh: installing ${missing[*]} for $python"
  DEBIAN_FRONTEND=noninteractive apt-get install -y -q "${missing[@]}" >/dev/null
fi

root=$(mktemp -d /tmp/hf-sdk-suite.XXXXXX)
socket=$root/hf.sock
bridge=hfsdk$(printf '%04x' $((RANDOM % 65536)))
subnet=
for _ in $(seq 50); do # a /24 no interface of this host uses, apart from the itests' 10.213.0.0/16
  candidate=10.214.$((RANDOM % 250 + 1))
  if ! ip -o -4 addr show | grep -q " $candidate\."; then subnet=$candidate; break; fi
done
[ -n "$subnet" ] || fail "no free 10.214.x.0/24 subnet"
engine_pid=

cleanup() {
  set +e
  [ -n "$engine_pid" ] && kill -9 "$engine_pid" 2>/dev/null && wait "$engine_pid" 2>/dev/null
  for runtime_root in "$root"/run/runtime/*; do
    [ -d "$runtime_root" ] || continue
    binary=runc; [ "$(basename "$runtime_root")" = crun ] && binary=crun
    for id in $($binary --root "$runtime_root" list -q 2>/dev/null); do
      $binary --root "$runtime_root" kill "$id" KILL >/dev/null 2>&1
      $binary --root "$runtime_root" delete --force "$id" >/dev/null 2>&1
    done
  done
  for pid in $(pgrep -f "conmon.*$root"); do kill -9 "$pid" 2>/dev/null; done
  for dir in "$root"/data/containers/*; do
    [ -d "$dir" ] || continue
    netns=holdfast-$(basename "$dir" | cut -c1-12)
    [ -e "/run/netns/$netns" ] && ip netns delete "$netns"
  done
  [ -e "/sys/class/net/$bridge" ] && ip link delete "$bridge"
  awk -v r="$root/" 'index($5, r) == 1 {print length($5), $5}' /proc/self/mountinfo | sort -rn | cut -d' ' -f2- \
    | while read -r point; do umount "$point" 2>/dev/null || umount -l "$point"; done
  rm -rf "$root"
}
trap cleanup EXIT
trap 'exit 130' INT TERM HUP

printf '{"bridge": "%s", "bip": "%s.1/24"}\n' "$bridge" "$subnet" > "$root/daemon.json"
HOLDFAST_HOME=$home "$home/bin/holdfastd" --config "$root/daemon.json" --data-root "$root/data" \
  --exec-root "$root/run" -H "unix://$socket" > "$root/engine.log" 2>&1 &
engine_pid=$!
for _ in $(seq 600); do
  curl -sf --unix-socket "$socket" http://holdfast/_ping >/dev/null 2>&1 && break
  kill -0 "$engine_pid" 2>/dev/null || { cat "$root/engine.log" >&2; fail "holdfastd exited"; }
  sleep 0.5
done
curl -sf --unix-socket "$socket" http://holdfast/_ping >/dev/null || { cat "$root/engine.log" >&2; fail "holdfastd did not answer"; }
engine_version=$(curl -s --unix-socket "$socket" http://holdfast/version | $python -c 'import json,sys; v=json.load(sys.stdin); print(v["Version"], v.get("GitCommit", ""))')

# the test image: Debian's static busybox and its applets, as BusyboxImage builds it for the itests
rootfs=$root/image-rootfs
mkdir -p "$rootfs/bin" "$rootfs/tmp"
cp /bin/busybox "$rootfs/bin/"
for applet in $(/bin/busybox --list | grep -vx busybox); do ln -s busybox "$rootfs/bin/$applet"; done
tar -C "$rootfs" -cf "$root/image.tar" .
test_images="alpine:3.10 alpine:latest busybox:latest" # what the suite would pull from Docker Hub
for image in $test_images; do
  HOLDFAST_HOME=$home "$home/bin/holdfast" -H "unix://$socket" image import "$root/image.tar" "$image" >/dev/null
done

# the suite at the installed SDK's tag, without the SDK's own source (the installed SDK is what is measured)
suite=$root/docker-py
mkdir -p "$suite"
git --git-dir="$git_dir" archive "$sdk_version" tests pytest.ini | tar -x -C "$suite"
# the suite's session fixture turns every warning into an error, and the SDK 5.0.3 itself compares API versions with
# distutils' LooseVersion, which warns on Python 3.10+: without this one exception no test of the suite can run
sed -i "s/^\(    \)warnings.simplefilter('error')$/&\n\1warnings.filterwarnings('ignore', 'distutils Version classes are deprecated', DeprecationWarning)/" \
  "$suite/tests/integration/conftest.py"
grep -q "distutils Version classes" "$suite/tests/integration/conftest.py" || fail "cannot adapt the suite's conftest.py"
cat > "$root/hang_guard.py" <<EOF
# fails a test that has not ended after $hang_seconds s (no pytest-timeout in Debian's python3), so one hanging
# request cannot stop the whole measurement
import signal
import pytest

class Hung(Exception):
    pass

def _hung(signum, frame):
    raise Hung("hung: no result within $hang_seconds s")

@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_protocol(item, nextitem):
    signal.signal(signal.SIGALRM, _hung)
    signal.alarm($hang_seconds)
    try:
        yield
    finally:
        signal.alarm(0)
EOF

echo "docker-sdk-suite.sh: docker-py $sdk_version tests/integration, SDK $($python -c 'import docker; print(docker.__file__)'),"
echo "  engine $engine_version from $home, DOCKER_HOST=unix://$socket, images $test_images = busybox,"
echo "  distutils DeprecationWarning ignored, a test hung for $hang_seconds s fails"
status=0
(cd "$suite" && DOCKER_HOST=unix://$socket PYTHONPATH=$root \
  timeout --signal=TERM 10800 $python -m pytest -p no:cacheprovider -p hang_guard -q --tb=line -rN \
  --junitxml="$root/report.xml" tests/integration "${pytest_args[@]}" > "$root/pytest.log" 2>&1) || status=$?
tail -3 "$root/pytest.log"
[ -f "$root/report.xml" ] || { cat "$root/pytest.log"; fail "pytest wrote no report (exit $status)"; }
[ -n "$keep_report" ] && cp "$root/report.xml" "$keep_report"

summarize "$root/report.xml"

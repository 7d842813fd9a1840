#!/usr/bin/env bash
# Builds the previous release's distribution (the commit in scripts/previous-release) once, from this repository's
# history, and prints its path; the upgrade test runs it, kills it, and starts this engine on its data root.
# Cached under ~/.cache/holdfast/previous/<commit>; needs the commit in the local history (a full clone).
set -euo pipefail
cd "$(dirname "$0")/.."
commit=$(grep -v '^#' scripts/previous-release | head -1)
cache="${HOLDFAST_CACHE:-$HOME/.cache/holdfast}/previous/$commit"
if [ ! -x "$cache/distribution/target/holdfast/bin/holdfastd" ]; then
  if ! git cat-file -e "$commit^{commit}" 2>/dev/null; then # a shallow clone: try to get it
    git fetch -q --unshallow 2>/dev/null || git fetch -q origin "$commit" 2>/dev/null || true
  fi
  if ! git cat-file -e "$commit^{commit}" 2>/dev/null; then
    echo "previous-distribution: commit $commit is not in this clone's history; fetch it (git fetch --unshallow)" >&2
    exit 1
  fi
  rm -rf "$cache"
  mkdir -p "$cache"
  git archive "$commit" | tar -x -C "$cache"
  mvn -B -q -f "$cache/pom.xml" package -DskipTests >&2
fi
echo "$cache/distribution/target/holdfast"

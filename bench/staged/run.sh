#!/usr/bin/env bash
# Pre-commit benchmark: a git repository holding an org (the shipped insecure
# source fixture by default, or any org folder: bench/staged/run.sh PATH),
# committed, then five files changed and staged the way a metadata change is:
# a profile, a permission set, a connected app (or a second profile), an
# Apex class and a properties file. Times `sfguard secrets --staged` and
# `sfguard scan --staged` (both halves) with hyperfine, start-up included.
#
#   bench/staged/run.sh [PATH]     (work dir $BENCH_DIR or /tmp/sfguard-staged-bench)
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/../.." && pwd)
org=${1:-$repo/fixtures/orgs/insecure-source}
org=$(cd "$org" && pwd)
work=${BENCH_DIR:-/tmp/sfguard-staged-bench}
command -v hyperfine >/dev/null || { echo "bench/staged/run.sh needs hyperfine (apt-get install hyperfine)" >&2; exit 2; }

echo "== building"
mkdir -p "$work"
(cd "$repo" && go build -o "$work/sfguard" ./cmd/sfguard)

echo "== repository from $org"
rm -rf "$work/repo"
cp -r "$org" "$work/repo"
cd "$work/repo"
rm -rf .git
git init -q
git -c user.email=b@example.com -c user.name=bench add -A
# No background auto-gc during the timing: pack now, as a clone would be.
git -c gc.auto=0 -c user.email=b@example.com -c user.name=bench commit -qm base
git gc -q

# first FIND-PATTERN: the first tracked file whose path matches, sorted.
first() { git ls-files | grep -E "$1" | sort | head -n 1 || true; }
changed=()
for pat in '\.profile(-meta\.xml)?$' '\.permissionset(-meta\.xml)?$' '\.connectedApp(-meta\.xml)?$' '\.cls$'; do
  f=$(first "$pat")
  [ -n "$f" ] && changed+=("$f")
done
if [ ${#changed[@]} -lt 4 ]; then
  f=$(git ls-files | grep -E '\.profile(-meta\.xml)?$' | sort | sed -n 2p || true)
  [ -n "$f" ] && changed+=("$f")
fi
for f in "${changed[@]}"; do
  printf '\n<!-- edited -->\n' >> "$f"
done
printf 'sf.username = ci@example.com\nsf.serverurl = https://login.salesforce.com\n' > build.properties
changed+=(build.properties)
git add -- "${changed[@]}"
printf '  staged: %s\n' "${changed[@]}"

echo "== timing ($(nproc) cores)"
hyperfine -N -w 3 -r 20 \
  "$work/sfguard version" \
  "$work/sfguard secrets --staged --no-config --no-fail" \
  "$work/sfguard scan --staged --no-config --no-fail"

#!/usr/bin/env bash
# Metadata scan benchmark (issue 2): generates the synthetic org, scans it with
# sfguard and reports effective MB/s, peak RSS and CPU use, then runs the same
# checks under conftest on a subset of the same files for a side-by-side ratio.
#
#   bench/run.sh                 # 300 × 2 MB profiles, 200 permission sets, 50 apps
#   bench/run.sh PATH            # any org folder (mdapi or source format), e.g. a real backup
#   PROFILES=60 bench/run.sh     # smaller org
#   SKIP_CONFTEST=1 bench/run.sh
#
# With PATH, the org is used as it is (never copied into the repository);
# conftest gets every metadata file sfguard's rules read (profiles,
# permission sets, connected and external client apps, settings).
#
# Timing happens here, never in tests.
set -euo pipefail
cd "$(dirname "$0")/.."
export GOFLAGS="${GOFLAGS:--buildvcs=false}"

PROFILES="${PROFILES:-300}"
PERMSETS="${PERMSETS:-200}"
APPS="${APPS:-50}"
SUBSET="${SUBSET:-$PROFILES}"   # profiles given to both tools for the ratio (all by default)
CONFTEST_VERSION="${CONFTEST_VERSION:-v0.71.1}"
work="${BENCH_DIR:-$(mktemp -d)}"
org="$work/org"
given=""
if [ $# -gt 0 ]; then
  [ -d "$1" ] || { echo "bench/run.sh: $1 is not a folder" >&2; exit 2; }
  org=$(cd "$1" && pwd)
  given=1
fi

go build -o "$work/sfguard" ./cmd/sfguard
if [ ! -d "$org" ]; then
  go run ./bench/gen -out "$org" -profiles "$PROFILES" -permsets "$PERMSETS" -apps "$APPS"
fi
# Warm the page cache so both tools read from memory.
find "$org" -type f -print0 | xargs -0 cat > /dev/null
bytes=$(du -sb "$org" | cut -f1)
mb=$(awk -v b="$bytes" 'BEGIN{printf "%.1f", b/1048576}')
echo "org: $org ($mb MiB, $(find "$org" -type f | wc -l) files)"

# measure NAME CMD... -> prints wall seconds, peak RSS MiB, CPU% on one line
measure() {
  local name="$1"; shift
  local log="$work/$name.time"
  /usr/bin/time -f "%e %M %P" -o "$log" "$@" >"$work/$name.out" 2>"$work/$name.err" || true
  read -r wall rss cpu < <(tail -n 1 "$log")
  echo "$wall $((rss / 1024)) ${cpu%\%}"
}

echo
echo "== sfguard, whole org (metadata rules, 2 workers)"
read -r wall rss cpu < <(measure sfguard-full "$work/sfguard" scan --no-secrets --no-config --format json -j "$(nproc)" "$org")
echo "wall ${wall}s  effective $(awk -v m="$mb" -v t="$wall" 'BEGIN{printf "%.0f", m/t}') MB/s  peak RSS ${rss} MiB  CPU ${cpu}% ($(awk -v c="$cpu" 'BEGIN{printf "%.2f", c/100}') cores)"
echo "findings: $(grep -c '"ruleId"' "$work/sfguard-full.out" || true)"

echo
subset="$work/subset"
rm -rf "$subset"; mkdir -p "$subset"
if [ -n "$given" ]; then
  # A real org: the metadata files the rules read, wherever the layout
  # puts them (mdapi folders or source-format -meta.xml files), keeping
  # their relative paths so sfguard classifies them as in the org.
  echo "== same files for both tools: the org's profiles, permission sets, apps and settings"
  # The suffixes come from the metadata registry, so a type added there is
  # benchmarked too.
  mapfile -t suffixes < <(grep -o 'Suffix: "[A-Za-z]*"' internal/sfmeta/registry.go | cut -d'"' -f2 | sort -u)
  names=()
  for x in "${suffixes[@]}"; do names+=(-o -name "*.$x" -o -name "*.$x-meta.xml"); done
  (cd "$org" && find . -type f \( "${names[@]:1}" \) -not -path '*/.git/*' -print0 | tar --null -T - -cf -) | tar -xf - -C "$subset"
  [ -f "$org/sfdx-project.json" ] && cp "$org/sfdx-project.json" "$subset/"
else
  echo "== same subset for both tools: $SUBSET profiles + all permission sets and apps"
  mkdir -p "$subset/profiles"
  ls "$org/profiles" | head -n "$SUBSET" | while read -r f; do cp "$org/profiles/$f" "$subset/profiles/"; done
  cp -r "$org/permissionsets" "$org/connectedApps" "$org/settings" "$subset/"
fi
sbytes=$(du -sb "$subset" | cut -f1)
smb=$(awk -v b="$sbytes" 'BEGIN{printf "%.1f", b/1048576}')
read -r swall srss scpu < <(measure sfguard-subset "$work/sfguard" scan --no-secrets --no-config --format json "$subset")
echo "sfguard findings: $(grep -c '"ruleId"' "$work/sfguard-subset.out" || true)"
echo "sfguard : ${swall}s  $(awk -v m="$smb" -v t="$swall" 'BEGIN{printf "%.0f", m/t}') MB/s  peak RSS ${srss} MiB  CPU ${scpu}%  ($smb MiB, $(find "$subset" -type f | wc -l) files)"

if [ -n "${SKIP_CONFTEST:-}" ]; then exit 0; fi
conftest="$(go env GOPATH)/bin/conftest"
if ! go version -m "$conftest" 2>/dev/null | grep -q "conftest[[:space:]]*${CONFTEST_VERSION}"; then
  echo "installing conftest $CONFTEST_VERSION"
  go install "github.com/open-policy-agent/conftest@${CONFTEST_VERSION}"
fi
mapfile -t files < <(find "$subset" -type f -not -name sfdx-project.json | sort)
# conftest decides the parser by extension; Salesforce suffixes need --parser xml.
read -r cwall crss ccpu < <(measure conftest "$conftest" test --parser xml --no-color -p bench/conftest/policy "${files[@]}")
echo "conftest failures reported: $(grep -c '^FAIL' "$work/conftest.out" || true)"
echo "conftest (7 equivalent rules): ${cwall}s  $(awk -v m="$smb" -v t="$cwall" 'BEGIN{printf "%.1f", m/t}') MB/s  peak RSS ${crss} MiB  CPU ${ccpu}%"
# The floor: conftest parsing the same files with one rule that never fires.
read -r fwall frss fcpu < <(measure conftest-floor "$conftest" test --parser xml --no-color -p bench/conftest/floor "${files[@]}")
echo "conftest floor (1 trivial rule): ${fwall}s  $(awk -v m="$smb" -v t="$fwall" 'BEGIN{printf "%.1f", m/t}') MB/s  peak RSS ${frss} MiB  CPU ${fcpu}%"
echo
echo "ratio (conftest wall / sfguard wall, same files): $(awk -v a="$cwall" -v b="$swall" 'BEGIN{printf "%.1f", a/b}')x equivalent rules, $(awk -v a="$fwall" -v b="$swall" 'BEGIN{printf "%.1f", a/b}')x floor"

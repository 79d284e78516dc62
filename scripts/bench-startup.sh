#!/usr/bin/env bash
# Start-up benchmark of the built commands (README, Performance): wall-clock seconds of
# `npm start`'s command (full RS-1, 10,000 paths, from dist/) and of `--help` of every
# command, RUNS runs each; prints the median and the best, and the load average around them.
#   bash scripts/bench-startup.sh [RUNS]        (default 9; run `npm run build` first)
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-9}
node dist/pacing.js --help >/dev/null   # fails here, with the rebuild command, when dist/ is stale
mkdir -p out
wall() { # label, command…: RUNS timings, then "label median best"
  local label=$1; shift
  local times=()
  for _ in $(seq "$runs"); do
    local t0 t1
    t0=$(date +%s.%N); "$@" >/dev/null 2>&1; t1=$(date +%s.%N)
    times+=("$(echo "$t1 - $t0" | bc)")
  done
  printf '%s\n' "${times[@]}" | sort -n | awk -v l="$label" '{a[NR]=$1} END {printf "%-28s median %.3f s   best %.3f s   (%d runs)\n", l, a[int((NR+1)/2)], a[1], NR}'
}
echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)   cores: $(nproc)   node $(node -v)"
wall "npm start (node dist/pacing.js run --out out/rs1 --quiet)" node dist/pacing.js run --out out/rs1-startup --quiet
wall "pacing --help" node dist/pacing.js --help
for c in $(node dist/pacing.js --help | awk '/^Commands:/ {on=1; next} on && NF {print $1}'); do
  wall "pacing $c --help" node dist/pacing.js "$c" --help
done
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"

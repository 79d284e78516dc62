#!/usr/bin/env bash
# Start-up benchmark of the built commands (README, Performance): wall-clock seconds of full
# RS-1 (10,000 paths) through `npm start` and through `node dist/pacing.js run`, and of
# `--help` of every command; RUNS runs each, median and best, with the load average around
# them (the machine is shared: say how loaded it was). For the RS-1 runs it also prints the
# medians of the run's own timing (simulation, worker start-up) from results.json; and the
# same through tsx from the sources (how the commands ran before the build), for comparison.
#   bash scripts/bench-startup.sh [RUNS]        (default 9; npm run build first)
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-9}
node dist/pacing.js --help >/dev/null   # fails here, with the rebuild command, when dist/ is stale
mkdir -p out
median_best() { sort -n | awk -v l="$1" '{a[NR]=$1} END {printf "%-44s median %.3f s   best %.3f s   (%d runs)\n", l, a[int((NR+1)/2)], a[1], NR}'; }
seconds() { local t0 t1; t0=$(date +%s.%N); "$@" >/dev/null 2>&1; t1=$(date +%s.%N); echo "$t1 - $t0" | bc; }
wall() { # label, command…
  local label=$1; shift
  for _ in $(seq "$runs"); do seconds "$@"; done | median_best "$label"
}
rs1() { # label, results folder, command…: wall clock, then the run's own timing
  local label=$1 dir=$2; shift 2
  local walls sims ups
  walls=$(mktemp) sims=$(mktemp) ups=$(mktemp)
  for _ in $(seq "$runs"); do
    seconds "$@" >>"$walls"
    node -p "require('./$dir/results.json').timing.simulation_seconds" >>"$sims"
    node -p "require('./$dir/results.json').timing.worker_startup_seconds" >>"$ups"
  done
  median_best "$label" <"$walls"
  median_best "   of which simulation (results.json)" <"$sims"
  median_best "   of which worker start-up (results.json)" <"$ups"
  rm -f "$walls" "$sims" "$ups"
}
echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)   cores: $(nproc)   node $(node -v)   $(date -u +%FT%TZ)"
rs1 "npm start (full RS-1)" out/rs1 npm start
rs1 "node dist/pacing.js run --out DIR (full RS-1)" out/rs1-startup node dist/pacing.js run --out out/rs1-startup --quiet
rs1 "before: npx tsx studies/rs1-pacing-thin-book.ts" out/rs1-tsx npx tsx studies/rs1-pacing-thin-book.ts --out out/rs1-tsx --quiet
wall "node -e 0 (Node itself)" node -e 0
wall "before: npx tsx studies/rs1-…ts --help" npx tsx studies/rs1-pacing-thin-book.ts --help
wall "pacing --help" node dist/pacing.js --help
for c in $(node dist/pacing.js --help | awk '/^Commands:/ {on=1; next} on && NF {print $1}'); do
  wall "pacing $c --help" node dist/pacing.js "$c" --help
done
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"

#!/usr/bin/env bash
# run.sh — install what is missing, build, and run bugforge's main job on the built-in designs.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
"$root/scripts/build.sh"
bf="$root/build/cli/bugforge"
echo
echo "== bugforge designs"
"$bf" designs
echo
echo "== bugforge check (every built-in design against its golden kernel)"
"$bf" check "$@" || true
# A failing design does not stop the main job: gen labels the designs that pass and reports the rest.
echo
echo "== bugforge gen → merge → export → report (the dataset from the built-in designs)"
out="${BUGFORGE_OUT:-$root/out}"
jobs="$(nproc 2>/dev/null || echo 2)"
# Every mutant that a schema build can select (RTL and HLS alike), plus at most BUGFORGE_OWN_BUILDS per
# design of those that need a build of their own (BUGFORGE_PER_DESIGN caps mutants per design; 0 = all).
"$bf" gen --out "$out/parts" --jobs "$jobs" --seed "${BUGFORGE_SEED:-1}" --per-design "${BUGFORGE_PER_DESIGN:-0}" \
  --own-builds "${BUGFORGE_OWN_BUILDS:-2}" --formal-timeout 2 --formal-design-timeout 20 --vectors 4 --extra-vectors 8 \
  --timeout 10 || true
"$bf" merge "$out/parts" --out "$out/dataset.db"
"$bf" export --db "$out/dataset.db" --format hf --task detect --out "$out/hf"
"$bf" report --db "$out/dataset.db" --html "$out/report.html"
echo
echo "== summary (samples per split and label)"
sqlite3 -header -column "$out/dataset.db" \
  "SELECT split, count(*) AS samples, sum(label='clean') AS clean, sum(label='buggy') AS buggy,
          sum(label='equivalent') AS equivalent, sum(label='unknown') AS unknown
   FROM samples GROUP BY split UNION ALL
   SELECT 'all', count(*), sum(label='clean'), sum(label='buggy'), sum(label='equivalent'), sum(label='unknown')
   FROM samples"
echo
echo "parts:    $out/parts/part-*.db (+ .done.json)"
echo "dataset:  $out/dataset.db   (bugforge show ID --db $out/dataset.db)"
echo "hf:       $out/hf/README.md, $out/hf/data/*.jsonl"
echo "report:   $out/report.html"

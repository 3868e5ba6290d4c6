#!/usr/bin/env bash
# Measures figcheck against the shared sets: extraction (Recognizers-Text and
# MeasEval dev), contradiction checks (dev), and throughput, peak memory and
# error-level diagnostics on the clean news corpus.
#
#   scripts/eval.sh [SHARED_DIR]     (default: ../shared)
set -euo pipefail
cd "$(dirname "$0")/.."
shared=${1:-../shared}
cargo build --release --quiet
fig=target/release/figcheck
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

echo "## Extraction: Recognizers-Text dev"
python3 "$shared/tools/score_extraction.py" --gold "$shared/corpus/extraction/recognizers-dev.jsonl" \
  --kinds number,percent,money,dimension,age,temperature,ordinal,numberrange,date,daterange,duration \
  --cmd "$fig claims --input jsonl --format jsonl"
echo
echo "## Extraction: MeasEval dev"
python3 "$shared/tools/score_extraction.py" --gold "$shared/corpus/extraction/measeval-dev.jsonl" \
  --cmd "$fig claims --input jsonl --format jsonl"
echo
echo "## Checks: contradictions dev"
python3 "$shared/tools/score_checks.py" --gold "$shared/corpus/contradictions/dev.jsonl" \
  --cmd "$fig check --input jsonl --format jsonl"
echo
echo "## News corpus (decompressed once)"
zcat "$shared"/corpus/news/*.jsonl.gz > "$tmp/news.jsonl"
bytes=$(stat -c %s "$tmp/news.jsonl")
for mode in check claims; do
  # best of three wall times
  best=
  for _ in 1 2 3; do
    /usr/bin/time -f "%e %M" -o "$tmp/time" "$fig" "$mode" --input jsonl --format jsonl "$tmp/news.jsonl" > "$tmp/$mode.jsonl" || [ $? -eq 1 ]  # 1: findings
    read -r secs rss < <(tail -n 1 "$tmp/time")
    if [ -z "$best" ] || awk "BEGIN{exit !($secs < $best)}"; then best=$secs; peak=$rss; fi
  done
  python3 - "$bytes" "$best" "$peak" "$mode" <<'PY'
import sys
b, s, kb, mode = int(sys.argv[1]), float(sys.argv[2]), int(sys.argv[3]), sys.argv[4]
print(f"{mode}: {b/1e6:.1f} MB in {s:.2f} s = {b/1e6/max(s,1e-9):.0f} MB/s, peak RSS {kb/1024:.1f} MB")
PY
done
python3 - "$tmp/check.jsonl" <<'PY'
import json, sys, collections
by_code, articles, n = collections.Counter(), 0, 0
for line in open(sys.argv[1]):
    r = json.loads(line); n += 1
    errs = [d for d in r["diagnostics"] if d["severity"] == "error"]
    articles += bool(errs)
    for d in r["diagnostics"]:
        by_code[(d["code"], d["severity"])] += 1
print(f"articles: {n}; with an error-level diagnostic: {articles}")
for (code, sev), c in sorted(by_code.items()):
    print(f"  {code} ({sev}): {c}")
PY

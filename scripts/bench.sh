#!/usr/bin/env bash
# Whole-process throughput and memory of figcheck, next to `rg -c '[0-9]'`
# (the floor: a raw digit scan over the same bytes) and, where installed,
# quantulum3 (a Python quantity extractor) on a 1 MB slice.
#
#   scripts/bench.sh [NEWS_JSONL]
#   PEER_BYTES=100000 scripts/bench.sh    (a smaller peer slice: quantulum3
#                                         reads about 1-2 KB/s)
#
# NEWS_JSONL is where the news corpus is decompressed (once; an existing file
# there is reused). Default: a temporary file, removed at the end. The corpus
# is read from $SHARED (default ../shared, else ../../shared) and never copied
# into the repository. Prints markdown: paste it into BENCHMARKS.md.
set -euo pipefail
cd "$(dirname "$0")/.."

shared=${SHARED:-../shared}
[ -d "$shared/corpus/news" ] || shared=../../shared
if [ ! -d "$shared/corpus/news" ]; then
  echo "bench.sh: no news corpus under \`${SHARED:-../shared}/corpus/news\`; set SHARED" >&2
  exit 2
fi

cargo build --release --quiet
fig=target/release/figcheck
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

news=${1:-$tmp/news.jsonl}
if [ ! -s "$news" ]; then
  zcat "$shared"/corpus/news/*.jsonl.gz > "$news"
fi
bytes=$(stat -c %s "$news")
mb() { awk -v b="$1" 'BEGIN { printf "%.1f", b / 1e6 }'; }

# measure RUNS INPUT CMD...: best wall time of RUNS runs of CMD with stdin
# from INPUT, stdout discarded; sets $best (s) and $peak (KB, of that run).
# Exit status 1 means findings, not failure.
measure() {
  local runs=$1 input=$2 secs rss status t0 t1
  shift 2
  best= peak=
  for _ in $(seq "$runs"); do
    status=0
    # Wall time from the clock in ns: `time`'s %e rounds to 10 ms, which
    # is all of rg's time on a cached file.
    t0=$(date +%s%N)
    /usr/bin/time -f "%e %M" -o "$tmp/time" "$@" < "$input" > /dev/null || status=$?
    t1=$(date +%s%N)
    if [ "$status" -gt 1 ]; then
      echo "bench.sh: \`$*\` failed with status $status" >&2
      exit 2
    fi
    read -r _ rss < <(tail -n 1 "$tmp/time")
    secs=$(awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%.4f", (b - a) / 1e9 }')
    if [ -z "$best" ] || awk -v a="$secs" -v b="$best" 'BEGIN { exit !(a < b) }'; then
      best=$secs peak=$rss
    fi
  done
}

# row NAME BYTES: a table row from $best and $peak, rate relative to rg's.
row() {
  awk -v name="$1" -v b="$2" -v s="$best" -v kb="$peak" -v floor="$rg_rate" 'BEGIN {
    s = (s < 0.0001 ? 0.0001 : s); rate = b / 1e6 / s
    printf "| %s | %.1f | %.3f | %.1f | %.1f× | %.1f |\n", name, b / 1e6, s, rate, floor / rate, kb / 1024 }'
}

echo "## News corpus: $(mb "$bytes") MB of JSONL, $(wc -l < "$news") records"
echo
echo "Load average before: $(cut -d' ' -f1-3 /proc/loadavg). Best of 3 wall times."
echo
echo "| command | MB | s | MB/s | × rg time | peak RSS MB |"
echo "| --- | ---: | ---: | ---: | ---: | ---: |"
rg_rate=1
measure 3 /dev/null rg -c '[0-9]' "$news"
rg_rate=$(awk -v b="$bytes" -v s="$best" 'BEGIN { s = (s < 0.0001 ? 0.0001 : s); print b / 1e6 / s }')
row "\`rg -c '[0-9]'\` (floor)" "$bytes"
for mode in check claims; do
  for threads in 1 2; do
    measure 3 /dev/null "$fig" "$mode" --input jsonl --format jsonl --threads "$threads" "$news"
    row "\`figcheck $mode --input jsonl --format jsonl --threads $threads\`" "$bytes"
  done
done
echo
awk -v r="$rg_rate" 'BEGIN { printf "MB/s = MB / s; rg ran at %.0f MB/s.\n", r }'
echo

echo "## Directory input: each article its own file"
echo
# The article texts of the corpus, one .txt file each, as a content
# repository holds them: the walker, file reads and per-file start-up count.
python3 - "$news" "$tmp/articles" <<'PY'
import json, os, sys
os.makedirs(sys.argv[2])
for i, line in enumerate(open(sys.argv[1], encoding="utf-8")):
    with open(f"{sys.argv[2]}/{i:05}.txt", "w", encoding="utf-8") as f:
        f.write(json.loads(line)["text"])
PY
dir_bytes=$(find "$tmp/articles" -type f -printf '%s\n' | awk '{ n += $1 } END { print n }')
files=$(find "$tmp/articles" -type f | wc -l)
cat "$tmp"/articles/* > /dev/null  # warm the page cache
echo "$files files, $(mb "$dir_bytes") MB of text. Best of 3 wall times."
echo
echo "| command | MB | s | MB/s | × rg time | peak RSS MB |"
echo "| --- | ---: | ---: | ---: | ---: | ---: |"
news_rg_rate=$rg_rate
rg_rate=1
measure 3 /dev/null rg -j1 -c '[0-9]' "$tmp/articles"
rg_rate=$(awk -v b="$dir_bytes" -v s="$best" 'BEGIN { s = (s < 0.0001 ? 0.0001 : s); print b / 1e6 / s }')
row "\`rg -j1 -c '[0-9]' DIR\` (floor, one thread)" "$dir_bytes"
for mode in check claims; do
  for threads in 1 2; do
    measure 3 /dev/null "$fig" "$mode" --format jsonl --threads "$threads" "$tmp/articles"
    row "\`figcheck $mode --format jsonl --threads $threads DIR\`" "$dir_bytes"
  done
done
echo
awk -v r="$rg_rate" 'BEGIN { printf "rg ran at %.0f MB/s over the directory on one thread.\n", r }'
rg_rate=$news_rg_rate
echo

echo "## A 1 GB JSONL stream on stdin"
echo
reps=$(( (1000000000 + bytes - 1) / bytes ))
for _ in $(seq "$reps"); do cat "$news"; done > /dev/null  # warm the page cache
status=0
for _ in $(seq "$reps"); do cat "$news"; done \
  | /usr/bin/time -f "%e %M" -o "$tmp/time" "$fig" check --input jsonl --format jsonl --threads 2 - > /dev/null \
  || status=$?
[ "$status" -le 1 ] || { echo "bench.sh: the 1 GB stream failed with status $status" >&2; exit 2; }
read -r secs rss < <(tail -n 1 "$tmp/time")
awk -v b="$((bytes * reps))" -v s="$secs" -v kb="$rss" -v n="$reps" 'BEGIN {
  printf "The corpus %d times (%.0f MB) through `figcheck check --input jsonl --format jsonl --threads 2 -`: %.1f s, %.0f MB/s, peak RSS %.1f MB.\n", n, b / 1e6, s, b / 1e6 / s, kb / 1024 }'
echo

echo "## Single documents of 1, 10 and 100 MB (plain text)"
echo
# Article texts in one fixed shuffled order, repeated as needed, cut at a
# char boundary: paragraphs kept (blank lines between articles), or
# everything on one line. Shuffled, so that every size holds the same mix of
# the corpus's sources: in corpus order the 1 MB document would be BBC text
# only and the 100 MB one mostly Reuters and C50, and the sources differ in
# cost per MB (callgrind: 194 M instructions for 1 MB of BBC text, 229 M
# for a shuffled 1 MB, start-up left out).
python3 - "$news" "$tmp" <<'PY'
import json, random, sys
news, out = sys.argv[1], sys.argv[2]
texts = [json.loads(l)["text"] for l in open(news, encoding="utf-8")]
random.Random(0).shuffle(texts)
def make(name, size, sep, flat):
    parts, n = [], 0
    while n < size:
        for t in texts:
            if flat:
                t = " ".join(t.split())
            b = (t + sep).encode()
            parts.append(b); n += len(b)
            if n >= size:
                break
    data = b"".join(parts)[:size].decode("utf-8", "ignore").encode()
    open(f"{out}/{name}.txt", "wb").write(data)
for mb in (1, 10, 100):
    make(f"doc{mb}", mb * 1_000_000, "\n\n", False)
make("line100", 100_000_000, " ", True)
PY
echo "The 100 MB documents repeat the 27 MB corpus, so every sentence after the"
echo "first copy is a true \`repeated-sentence\` finding (about half a million);"
echo "that rule is left out here so the rows measure the per-MB cost of reading,"
echo "not of reporting half a million findings."
echo
echo "| document | MB | s | MB/s | peak RSS MB |"
echo "| --- | ---: | ---: | ---: | ---: |"
for doc in doc1 doc10 doc100 line100; do
  f=$tmp/$doc.txt
  b=$(stat -c %s "$f")
  runs=3; [ "$b" -gt 50000000 ] && runs=1
  measure "$runs" /dev/null timeout 600 "$fig" check --ignore repeated-sentence --format jsonl "$f"
  case $doc in line100) what="100 MB, no newline" ;; *) what="${doc#doc} MB, paragraphs" ;; esac
  awk -v n="$what" -v b="$b" -v s="$best" -v kb="$peak" 'BEGIN {
    s = (s < 0.01 ? 0.01 : s); printf "| %s | %.1f | %.2f | %.0f | %.1f |\n", n, b / 1e6, s, b / 1e6 / s, kb / 1024 }'
done
echo

peer_bytes=${PEER_BYTES:-1000000}
echo "## Peer: quantulum3 on a $(mb "$peer_bytes") MB slice of article texts"
echo
if python3 -c 'import quantulum3, stemming' 2> /dev/null; then
  python3 - "$news" "$tmp/slice.jsonl" "$peer_bytes" <<'PY'
import json, sys
n = 0
with open(sys.argv[2], "w", encoding="utf-8") as out:
    for line in open(sys.argv[1], encoding="utf-8"):
        r = json.loads(line)
        out.write(json.dumps({"id": r["id"], "text": r["text"]}) + "\n")
        n += len(r["text"].encode())
        if n >= int(sys.argv[3]):
            break
PY
  slice_bytes=$(python3 -c 'import json,sys; print(sum(len(json.loads(l)["text"].encode()) for l in open(sys.argv[1])))' "$tmp/slice.jsonl")
  cat > "$tmp/q.py" <<'PY'
import json, sys
from quantulum3 import parser
for line in sys.stdin:
    parser.parse(json.loads(line)["text"])
PY
  echo "| command | text MB | s | MB/s | × rg time | peak RSS MB |"
  echo "| --- | ---: | ---: | ---: | ---: | ---: |"
  peer_row() {
    awk -v name="$1" -v b="$slice_bytes" -v s="$best" -v kb="$peak" -v floor="$rg_rate" 'BEGIN {
      s = (s < 0.0001 ? 0.0001 : s); rate = b / 1e6 / s
      printf "| %s | %.2f | %.2f | %.2f | %.0f× | %.1f |\n", name, b / 1e6, s, rate, floor / rate, kb / 1024 }'
  }
  measure 1 "$tmp/slice.jsonl" timeout 1200 python3 "$tmp/q.py"
  peer_row "quantulum3 \`parser.parse\` per article (process total, model load included)"
  measure 3 "$tmp/slice.jsonl" "$fig" claims --input jsonl --format jsonl --threads 1 -
  peer_row "\`figcheck claims --input jsonl --format jsonl --threads 1 -\`"
  echo
  echo "× rg time: how many times longer than \`rg\` would take on the same bytes (from rg's rate above)."
else
  echo "quantulum3 is not installed (\`pip install quantulum3 stemming scikit-learn==1.8.0\`): skipped."
fi
echo
echo "Load average after: $(cut -d' ' -f1-3 /proc/loadavg)."

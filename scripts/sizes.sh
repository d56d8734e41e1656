#!/usr/bin/env bash
# Prints what a page pays for the embed bundle: the raw and gzip (-9) size of each shipped file
# of dist/ and the total. Run after `trunk build --release`.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT/dist"
total_raw=0
total_gz=0
printf '%-22s %10s %10s\n' "embed bundle" "raw" "gzip"
for f in static/embed.js gazette.js gazette_bg.wasm static/gazette.css; do
  raw=$(stat -c %s "$f")
  gz=$(gzip -9 -c "$f" | wc -c)
  total_raw=$((total_raw + raw))
  total_gz=$((total_gz + gz))
  printf '%-22s %10d %10d\n' "$f" "$raw" "$gz"
done
printf '%-22s %10d %10d\n' "total" "$total_raw" "$total_gz"

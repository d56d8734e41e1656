#!/usr/bin/env bash
# Prints what a page pays for the embed bundle: the raw, gzip (-9) and Brotli (quality 11) size
# of each shipped file of dist/ and the total, and writes them to bench/results/sizes.json.
# Run after `trunk build --release`. (gzip is the gzip tool's; Brotli comes from Node's zlib: Node is already needed for
# the end-to-end tests, and most static hosts and CDNs serve Brotli to browsers.)
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT/dist"
mkdir -p "$ROOT/bench/results"
node - "$ROOT/bench/results/sizes.json" <<'EOF'
const { readFileSync, writeFileSync } = require("node:fs");
const { execFileSync } = require("node:child_process");
const zlib = require("node:zlib");
const files = ["static/embed.js", "gazette.js", "gazette_bg.wasm", "static/gazette.css"];
const rows = files.map((file) => {
  const bytes = readFileSync(file);
  const brotli = zlib.brotliCompressSync(bytes, {
    params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11, [zlib.constants.BROTLI_PARAM_SIZE_HINT]: bytes.length },
  }).length;
  return { file, raw: bytes.length, gzip: execFileSync("gzip", ["-9", "-c", file], { maxBuffer: 1 << 26 }).length, brotli };
});
const total = { file: "total" };
for (const k of ["raw", "gzip", "brotli"]) total[k] = rows.reduce((sum, r) => sum + r[k], 0);
const line = (a, b, c, d) => console.log(`${a.padEnd(22)} ${String(b).padStart(10)} ${String(c).padStart(10)} ${String(d).padStart(10)}`);
line("embed bundle", "raw", "gzip", "brotli");
for (const r of [...rows, total]) line(r.file, r.raw, r.gzip, r.brotli);
writeFileSync(process.argv[2], JSON.stringify({ files: rows, total }, null, 2) + "\n");
EOF

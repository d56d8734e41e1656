#!/usr/bin/env bash
# Sets up whatever is missing, then runs every check and test Gazette has:
#   1. formatting and lints (cargo fmt, cargo clippy -D warnings, native and wasm);
#   2. native tests of the pure core, the command-line tool and the data generator;
#   3. browser tests of the components (wasm-bindgen-test in headless Chromium);
#   4. a release build of the page with Trunk;
#   5. end-to-end scenarios and axe-core audits on the built page (node --test, playwright-core).
# Ends with one line "gazette: N passed, N failed, N skipped" and a non-zero exit on any failure.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
# shellcheck source=scripts/setup.sh
source "$ROOT/scripts/setup.sh"
cd "$ROOT"

LOG="$(mktemp -d)"
trap 'rm -rf "$LOG"' EXIT
step() { printf '\n\033[1;34m==> %s\033[0m\n' "$1"; }

step "formatting"
cargo fmt --all --check

step "lints (native and wasm32)"
cargo clippy --workspace --all-targets --locked -- -D warnings
cargo clippy -p gazette --target wasm32-unknown-unknown --all-targets --locked -- -D warnings

step "core and command-line tests, native"
cargo test -p gazette-core -p gazette-cli -p gazette-datagen --locked 2>&1 | tee "$LOG/core.txt"

step "component tests, in headless Chromium"
cargo test -p gazette --target wasm32-unknown-unknown --locked 2>&1 | tee "$LOG/browser.txt"

step "release build of the page"
"$ROOT/scripts/build.sh"
"$ROOT/scripts/sizes.sh"

step "end-to-end scenarios on the built page, in headless Chromium"
node --test --test-reporter=spec tests/e2e/*.test.mjs 2>&1 | tee "$LOG/e2e.txt"

# One closing line over all three tiers (pipefail has already stopped the script on a failure).
read -r passed failed skipped < <(
  cat "$LOG/core.txt" "$LOG/browser.txt" | awk '/^test result:/ {
      for (i = 1; i <= NF; i++) { if ($(i+1) ~ /^passed/) p += $i; if ($(i+1) ~ /^failed/) f += $i; if ($(i+1) ~ /^ignored/) s += $i }
    } END { print p+0, f+0, s+0 }'
)
read -r e2e_pass e2e_fail e2e_skip < <(
  awk '/^ℹ pass /{p=$3} /^ℹ fail /{f=$3} /^ℹ skipped /{s=$3} END {print p+0, f+0, s+0}' "$LOG/e2e.txt"
)
echo
echo "gazette: $((passed + e2e_pass)) passed, $((failed + e2e_fail)) failed, $((skipped + e2e_skip)) skipped"

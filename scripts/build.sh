#!/usr/bin/env bash
# The release build: the demo page and the embeddable bundle into dist/ (`trunk build --release`;
# arguments are passed on). Run by scripts/test.sh after scripts/setup.sh.
#
# With the nightly toolchain's library sources, their crates and wasm32 target (scripts/setup.sh
# adds them when the machine has a nightly toolchain), Rust's standard library is rebuilt with
# the widget, for size (with its `optimize_for_size` variants), and a panic stops the program at
# once: no panic messages, no file and line of each panic, no Debug text (`panic=immediate-abort`,
# `location-detail=none`, `fmt-debug=none`). gazette_bg.wasm is about 92 KB (35 KB gzip) smaller.
# The page still shows its "stopped working" message when the program stops (src/browser.rs,
# `watch_for_crash`). Without them, or with GAZETTE_STABLE=1, the same build runs on stable Rust.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
export PATH="$HOME/.cargo/bin:$ROOT/node_modules/.bin:$PATH"

nightly_ready() {
  rustup toolchain list 2>/dev/null | grep -q '^nightly' \
    && rustup component list --toolchain nightly --installed 2>/dev/null | grep -qx rust-src \
    && rustup target list --toolchain nightly --installed 2>/dev/null | grep -qx wasm32-unknown-unknown \
    && rustup run nightly cargo fetch --offline --locked --quiet --manifest-path \
      "$(rustup run nightly rustc --print sysroot)/lib/rustlib/src/rust/library/Cargo.toml" 2>/dev/null
}

if [ -z "${GAZETTE_STABLE:-}" ] && nightly_ready; then
  echo "[build] nightly Rust, standard library rebuilt for size: $(rustup run nightly rustc --version)" >&2
  export RUSTUP_TOOLCHAIN=nightly
  export CARGO_UNSTABLE_BUILD_STD=std,panic_abort
  # (In place of cargo's default std features, panic-unwind and backtrace: neither is used here.)
  export CARGO_UNSTABLE_BUILD_STD_FEATURES=optimize_for_size
  export CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUSTFLAGS="-Zunstable-options -Cpanic=immediate-abort -Zlocation-detail=none -Zfmt-debug=none"
else
  echo "[build] stable Rust: $(rustc --version)" >&2
fi
exec trunk build --release --locked "$@"

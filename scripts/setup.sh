#!/usr/bin/env bash
# Installs whatever Gazette's build and tests need and is missing; skips what is already there.
# Idempotent: on a machine that has everything it finishes in a second or two.
#
# Sourced by scripts/serve.sh and scripts/test.sh (it also runs on its own). It only uses the
# package registries: crates.io (Trunk, wasm-bindgen CLI), Debian (Chromium, and Node.js when
# missing), npm (wasm-opt, esbuild, playwright-core, axe-core, and the peer search libraries
# the benchmarks compare with), and rustup's own components (the wasm32 target, rustfmt,
# clippy; for a nightly toolchain, its library sources and wasm32 target). Nothing downloads its
# own binaries.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
TRUNK_VERSION="0.21.14"
# The wasm-bindgen CLI must match the wasm-bindgen crate in Cargo.lock to the patch version.
WASM_BINDGEN_VERSION="$(awk '/^name = "wasm-bindgen"$/{getline; gsub(/version = |"/, ""); print; exit}' "$ROOT/Cargo.lock")"

export PATH="$HOME/.cargo/bin:$ROOT/node_modules/.bin:$PATH"

say() { printf '\033[1;34m[setup]\033[0m %s\n' "$*" >&2; }

# Rust itself comes with the machine (Debian's rustc is too old for this workspace).
if ! command -v cargo >/dev/null; then
  say "Rust is missing: install it with rustup (https://rustup.rs), then run this again"
  exit 1
fi

for component in rustfmt clippy; do
  if ! rustup component list --installed | grep -q "^$component"; then
    say "adding the $component component"
    rustup component add "$component"
  fi
done

if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  say "adding the wasm32-unknown-unknown target"
  rustup target add wasm32-unknown-unknown
fi

# The release build (scripts/build.sh) rebuilds Rust's standard library for size with the nightly
# toolchain when the machine has one: it needs that toolchain's library sources and wasm32
# target. Without them (no nightly, or rustup cannot fetch them) it builds on stable Rust.
if rustup toolchain list | grep -q '^nightly'; then
  if ! rustup component list --toolchain nightly --installed | grep -qx rust-src; then
    say "adding rust-src to the nightly toolchain (for the smaller release build)"
    rustup component add rust-src --toolchain nightly \
      || say "could not add it: the release build will use stable Rust"
  fi
  if ! rustup target list --toolchain nightly --installed | grep -qx wasm32-unknown-unknown; then
    say "adding the wasm32-unknown-unknown target to the nightly toolchain"
    rustup target add wasm32-unknown-unknown --toolchain nightly \
      || say "could not add it: the release build will use stable Rust"
  fi
fi

# The crates the builds need, downloaded now: Trunk builds offline (Trunk.toml), and so does the
# nightly build's standard library, whose own crates come from its lock file. Fast once cached.
cargo fetch --locked --manifest-path "$ROOT/Cargo.toml" --quiet
if rustup component list --toolchain nightly --installed 2>/dev/null | grep -qx rust-src; then
  std_lib="$(rustup run nightly rustc --print sysroot)/lib/rustlib/src/rust/library/Cargo.toml"
  rustup run nightly cargo fetch --locked --manifest-path "$std_lib" --quiet \
    || say "could not fetch the standard library's crates: the release build will use stable Rust"
fi

if [ "$(trunk --version 2>/dev/null || true)" != "trunk $TRUNK_VERSION" ]; then
  say "installing trunk $TRUNK_VERSION (about 6 minutes on 2 cores)"
  cargo install trunk --version "$TRUNK_VERSION" --locked
fi

if [ "$(wasm-bindgen --version 2>/dev/null || true)" != "wasm-bindgen $WASM_BINDGEN_VERSION" ] \
  || ! command -v wasm-bindgen-test-runner >/dev/null; then
  say "installing wasm-bindgen-cli $WASM_BINDGEN_VERSION (about 2 minutes)"
  # Not --locked: the CLI's own lock file pins a crate version the registry no longer serves.
  cargo install wasm-bindgen-cli --version "$WASM_BINDGEN_VERSION" --force
fi

packages=()
command -v chromium >/dev/null && command -v chromedriver >/dev/null \
  || packages+=(chromium chromium-driver fonts-dejavu-core)
command -v node >/dev/null || packages+=(nodejs)
command -v npm >/dev/null || packages+=(npm)
if [ ${#packages[@]} -gt 0 ]; then
  say "installing from Debian: ${packages[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq "${packages[@]}" >/dev/null
fi

if [ ! -f "$ROOT/node_modules/.package-lock.json" ] \
  || [ "$ROOT/package-lock.json" -nt "$ROOT/node_modules/.package-lock.json" ]; then
  say "installing the npm dev tools (wasm-opt, esbuild, playwright-core, axe-core)"
  (cd "$ROOT" && npm ci --no-audit --no-fund --loglevel=error)
fi

export CHROMEDRIVER="${CHROMEDRIVER:-/usr/bin/chromedriver}"
export CHROMIUM="${CHROMIUM:-/usr/bin/chromium}"
say "tools ready: $(trunk --version), $(wasm-bindgen --version), wasm-opt $(wasm-opt --version | awk '{print $3}'), $(chromium --version 2>/dev/null | head -1)"

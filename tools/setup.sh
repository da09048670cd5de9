#!/usr/bin/env bash
# Installs what `make serve` / `make test` need, skipping what is already there (fast when warm).
# Only package registries are used: crates.io, Debian, npm. Nothing downloads a browser or a binary.
set -euo pipefail
cd "$(dirname "$0")/.."
say() { printf '\033[1msetup:\033[0m %s\n' "$*"; }

# 1. wasm32 target
if ! rustup target list --installed 2>/dev/null | grep -qx wasm32-unknown-unknown; then
  say "adding the wasm32-unknown-unknown target"; rustup target add wasm32-unknown-unknown
fi

# 2. wasm-bindgen-cli pinned to the wasm-bindgen version in Cargo.lock (without --locked: its own
#    lockfile pins a crate version the registry lacks; see TOOLCHAIN.md)
want_wb=$(awk '/^name = "wasm-bindgen"$/{getline; gsub(/version = |"/,""); print; exit}' Cargo.lock)
have_wb=$(wasm-bindgen --version 2>/dev/null | awk '{print $2}' || true)
if [ "$have_wb" != "$want_wb" ]; then
  say "installing wasm-bindgen-cli $want_wb (have: ${have_wb:-none})"
  cargo install wasm-bindgen-cli --version "$want_wb" --force
fi

# 3. wasm-pack (always called with --mode no-install, so it never downloads)
if [ "$(wasm-pack --version 2>/dev/null | awk '{print $2}')" != "0.15.1" ]; then
  say "installing wasm-pack 0.15.1"; cargo install wasm-pack --version 0.15.1 --locked --force
fi

# 4. Debian chromium + chromium-driver, in one command so their versions match
if ! command -v chromium >/dev/null || ! command -v chromedriver >/dev/null; then
  say "installing Debian chromium and chromium-driver"
  SUDO=""; [ "$(id -u)" = 0 ] || SUDO=sudo
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends chromium chromium-driver fonts-dejavu-core >/dev/null
fi

# 5. npm packages from the committed lockfile (binaryen's wasm-opt, playwright-core)
if [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  say "npm ci"; npm ci --no-audit --no-fund --loglevel=error
fi

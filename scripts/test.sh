#!/usr/bin/env bash
# The whole test suite, with its real parts: installs Apertium, Chromium with chromedriver and
# Translate Toolkit when missing (scripts/setup.sh --test), then runs every
# unit, property and end-to-end test (the end-to-end tests drive the real verso binary and the
# real Apertium engine).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh --test
export PATH="$HOME/.cargo/bin:$PATH"
cargo test --all-features --no-fail-fast "$@"

#!/usr/bin/env bash
# The main job on the shipped examples: translates examples/articles to Spanish with the
# offline Apertium engine (installed first if missing) and says where the output is.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
export PATH="$HOME/.cargo/bin:$PATH"
cargo build --release --quiet
./target/release/verso translate examples/articles --to es --out out --report out/report.json "$@"
echo "Translated articles: $(pwd)/out/es/   Review pages: $(pwd)/out/review/index.html   Report: $(pwd)/out/report.json"

#!/usr/bin/env bash
# verso with GNU parallel: four shards on one machine (or across machines with --sshlogin,
# the articles and the memory on a shared file system), then one merged report.
set -euo pipefail
parallel --line-buffer verso translate articles --to es --shard {}/4 --out out \
  --memory memory.sqlite ::: 1 2 3 4
verso report merge out/report.shard-*-of-4.json --out out/report.json

#!/usr/bin/env bash
# verso on Slurm: one array task per shard. `--shard auto` reads SLURM_ARRAY_TASK_ID,
# SLURM_ARRAY_TASK_MIN and SLURM_ARRAY_TASK_COUNT, so the array may start at 0 or 1.
#
#   sbatch slurm-array.sh
#   then, after the array: verso report merge out/report.shard-*-of-16.json
#SBATCH --job-name=verso
#SBATCH --array=1-16%8          # 16 shards, at most 8 at once (the engine's rate limit)
#SBATCH --cpus-per-task=1
#SBATCH --mem=1G
#SBATCH --time=04:00:00
#SBATCH --requeue               # a preempted task is run again; nothing it stored is paid twice
set -euo pipefail
cd "${SLURM_SUBMIT_DIR:-.}"
# The shared memory: a PostgreSQL URL in the environment (sbatch passes yours on), never on
# the command line, where `ps` would show its password.
: "${VERSO_MEMORY_URL:?set VERSO_MEMORY_URL to the shared memory, postgres://user:password@host/db}"
exec verso translate articles --to es,de --shard auto --out out

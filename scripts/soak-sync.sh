#!/usr/bin/env bash
# Soak the randomized sync convergence test: run it with many fresh seeds (default 20) and stop at
# the first failure, which names its seed (replay with SYNC_SEED=<n>). Opt-in: not part of npm test.
#   npm run soak:sync                  # 20 seeds, 200 operations per laptop
#   SOAK_RUNS=100 SYNC_OPS=600 npm run soak:sync
# Runs against PGlite, and PostgreSQL too when DATABASE_URL_TEST is set.
set -euo pipefail
cd "$(dirname "$0")/.."
runs="${SOAK_RUNS:-20}"
for i in $(seq 1 "$runs"); do
  seed=$(( (RANDOM << 15 | RANDOM) ))
  echo "soak: run $i of $runs, seed $seed"
  if ! SYNC_SEED="$seed" npx vitest run test/integration/sync/convergence.test.ts; then
    echo "soak: FAILED at run $i, seed $seed (replay: SYNC_SEED=$seed npx vitest run test/integration/sync/convergence.test.ts)"
    exit 1
  fi
done
echo "soak: $runs runs passed"

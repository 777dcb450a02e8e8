#!/usr/bin/env bash
# Measures the first start of the portal as README runs it (Development, SQLite, the demo): the time
# from `dotnet run --no-build` to the first answer of /health, which the portal gives only after it
# has migrated a new database and seeded the demo. Each run gets a new, empty data folder, as on a
# fresh clone.
#
#   scripts/measure-first-start.sh [RUNS]     # default 3 runs of each kind
#
# Two kinds, side by side in one run, so that the ratio holds whatever the machine's load:
#   full demo     the demo of every stage (Seed:DemoCycle, the default)
#   baseline      the one-contest demo (Seed:DemoCycle=false)
# It builds once first (Release is not used: README's command builds Debug).
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
project="$root/src/HakuWinay.Contests.Web"
runs="${1:-3}"
work="$(mktemp -d)"
pid=""

stop_portal() {
  if [[ -n "$pid" ]] && kill -0 "$pid" 2>/dev/null; then
    kill -- "-$pid" 2>/dev/null || true
    wait "$pid" 2>/dev/null || true
  fi
  pid=""
}

cleanup() {
  stop_portal
  rm -rf "$work"
}
trap cleanup EXIT

free_port() {
  python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()'
}

# Prints the seconds from start to the first /health answer.
one_start() {
  local demo_cycle="$1" port data started
  port=$(free_port)
  data="$work/data-$RANDOM$RANDOM"
  mkdir -p "$data"
  started=$(date +%s.%N)
  DataFolder="$data" Seed__DemoCycle="$demo_cycle" \
    setsid dotnet run --no-build --project "$project" --urls "http://127.0.0.1:$port" >"$work/portal.log" 2>&1 &
  pid=$!
  until curl -fsS -o /dev/null "http://127.0.0.1:$port/health" 2>/dev/null; do
    if ! kill -0 "$pid" 2>/dev/null; then
      echo "The portal stopped before answering; its output:" >&2
      tail -40 "$work/portal.log" >&2
      return 1
    fi
    sleep 0.1
  done
  python3 -c "import sys; print(f'{float(sys.argv[2]) - float(sys.argv[1]):.1f}')" "$started" "$(date +%s.%N)"
  stop_portal
}

echo "Building the web project (Debug, as dotnet run does)..." >&2
dotnet build "$project" -nodeReuse:false >"$work/build.log" 2>&1 || { tail -40 "$work/build.log" >&2; exit 1; }

full=()
base=()
for _ in $(seq 1 "$runs"); do
  full+=("$(one_start true)")
  base+=("$(one_start false)")
done

python3 - "${full[*]}" "${base[*]}" <<'PY'
import statistics, sys
full = [float(x) for x in sys.argv[1].split()]
base = [float(x) for x in sys.argv[2].split()]
mf, mb = statistics.median(full), statistics.median(base)
print(f"full demo (Seed:DemoCycle=true):  {' '.join(f'{x:.1f}' for x in full)} s, median {mf:.1f} s")
print(f"baseline (Seed:DemoCycle=false):  {' '.join(f'{x:.1f}' for x in base)} s, median {mb:.1f} s")
print(f"ratio full / baseline: {mf / mb:.2f}")
PY

#!/usr/bin/env bash
# Measures, with wrk, how fast the published portal answers a public contest page and its results
# page (served from the output cache, docs/decisions/025-output-cache.md) against Kestrel serving the
# very same bytes as static files, all in one run on this machine, and prints requests/s and ratios.
#
#   scripts/bench-public.sh                      # 10 s per address, 2 threads, 32 connections
#   scripts/bench-public.sh --duration 1s        # the tiny run a test does so this script cannot rot
#   scripts/bench-public.sh --duration 30s --connections 64 --threads 2
#   scripts/bench-public.sh --no-build           # publish what the last Release build made (as ./test.sh built it)
#
# Each address is first loaded for the same duration, not counted (a warm-up: see below).
#
# It publishes the portal (Release) into a throwaway folder and runs it as Production does, on a
# free loopback port with the demo of every stage (a contest with published results) on SQLite,
# requests arriving as from README's nginx (X-Forwarded-Proto: https). The static yardstick is
# scripts/bench-static.cs, a minimal Kestrel (a .NET file-based app). wrk is Debian's `wrk`; like
# ./test.sh it is installed when missing and this runs as root. Each process it starts is stopped.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
duration=10s connections=32 threads=2 no_build=()
while (($#)); do
  case "$1" in
    --no-build) no_build=(--no-build); shift ;;
    --duration) duration="$2"; shift 2 ;;
    --connections) connections="$2"; shift 2 ;;
    --threads) threads="$2"; shift 2 ;;
    *) echo "usage: $0 [--duration 10s] [--connections 32] [--threads 2] [--no-build]" >&2; exit 2 ;;
  esac
done
[[ "$duration" =~ ^[0-9]+[smh]?$ ]] || { echo "--duration: a wrk duration such as 10s, not '$duration'" >&2; exit 2; }
[[ "$connections" =~ ^[0-9]+$ && "$threads" =~ ^[0-9]+$ ]] || { echo "--connections and --threads: whole numbers" >&2; exit 2; }

# shellcheck source=test-services.sh
source "$root/scripts/test-services.sh"
ensure_test_prerequisites wrk || { echo "wrk is missing and could not be installed (apt-get install wrk)" >&2; exit 1; }

work="$(mktemp -d)"
pids=()
cleanup() {
  local p
  for p in "${pids[@]}"; do
    kill -- "-$p" 2>/dev/null || true
    wait "$p" 2>/dev/null || true
  done
  rm -rf "$work"
}
trap cleanup EXIT

free_port() {
  python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()'
}

# Waits until $1 answers 200 (with the proxy's header), or the process $2 has died.
wait_for() {
  for _ in $(seq 1 600); do
    if curl -fsS -o /dev/null -H 'X-Forwarded-Proto: https' "$1" 2>/dev/null; then
      return 0
    fi
    kill -0 "$2" 2>/dev/null || { echo "A server stopped before answering $1; its output:" >&2; tail -40 "$3" >&2; return 1; }
    sleep 0.5
  done
  echo "$1 did not answer in 300 s." >&2
  return 1
}

echo "Publishing the portal (Release)..."
dotnet publish "$root/src/HakuWinay.Contests.Web" -c Release -o "$work/publish" "${no_build[@]}" -nodeReuse:false > "$work/publish.log" 2>&1 \
  || { tail -20 "$work/publish.log" >&2; exit 1; }
echo "Building the static yardstick..."
dotnet build "$root/scripts/bench-static.cs" -c Release > "$work/static-build.log" 2>&1 \
  || { tail -20 "$work/static-build.log" >&2; exit 1; }

portal_port=$(free_port)
portal="http://127.0.0.1:$portal_port"
mkdir -p "$work/data"
(cd "$work/publish" && ASPNETCORE_ENVIRONMENT=Production ASPNETCORE_URLS="$portal" \
  Portal__PublicUrl="https://127.0.0.1/" DataFolder="$work/data" ConnectionStrings__Sqlite="Data Source=$work/data/portal.db" \
  Seed__Demo=true Seed__DemoCycle=true Logging__LogLevel__Default=Warning \
  exec setsid dotnet HakuWinay.Contests.Web.dll > "$work/portal.log" 2>&1) &
pids+=($!)
wait_for "$portal/health" "${pids[-1]}" "$work/portal.log"

# The demo's contest with published results, as the home page links it.
curl -fsS -H 'X-Forwarded-Proto: https' "$portal/" -o "$work/home.html"
code=$(grep -oE 'href="contests/[^"/]+/results"' "$work/home.html" | head -1 | sed -E 's#href="contests/([^"/]+)/results"#\1#')
[[ -n "$code" ]] || { echo "The home page links no published results." >&2; exit 1; }
mkdir -p "$work/static"
curl -fsS -H 'X-Forwarded-Proto: https' "$portal/contests/$code" -o "$work/static/contest.html"
curl -fsS -H 'X-Forwarded-Proto: https' "$portal/contests/$code/results" -o "$work/static/results.html"

static_port=$(free_port)
static="http://127.0.0.1:$static_port"
(exec setsid dotnet run --no-build -c Release --file "$root/scripts/bench-static.cs" -- --urls "$static" --root "$work/static" \
  > "$work/static.log" 2>&1) &
pids+=($!)
wait_for "$static/contest.html" "${pids[-1]}" "$work/static.log"

# Requests per second of one address under wrk (its "Requests/sec:" line), and no error answers.
rate() {
  local out
  out=$(wrk -t "$threads" -c "$connections" -d "$duration" -H 'X-Forwarded-Proto: https' "$1")
  if grep -q 'Non-2xx or 3xx responses' <<< "$out"; then
    echo "$1 answered errors under load:" >&2
    echo "$out" >&2
    return 1
  fi
  awk '/^Requests\/sec:/ { print $2 }' <<< "$out"
}

# Both servers JIT-compile their hot paths (tiered compilation) during the first seconds under load:
# each address gets a pass of the same length first, not counted, so neither side is measured cold.
echo "wrk: $threads threads, $connections connections, $duration per address (after a warm-up pass of the same length); contest $code"
for address in "$portal/contests/$code" "$portal/contests/$code/results" "$static/contest.html" "$static/results.html"; do
  rate "$address" > /dev/null
done
contest_rps=$(rate "$portal/contests/$code")
results_rps=$(rate "$portal/contests/$code/results")
static_contest_rps=$(rate "$static/contest.html")
static_results_rps=$(rate "$static/results.html")

row() { printf '%-34s %8s bytes %12s req/s %s\n' "$1" "$2" "$3" "$4"; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (b > 0) printf "%.0f %% of static", 100 * a / b; else print "-" }'; }
size() { wc -c < "$1" | tr -d ' '; }
row "contest page (portal, cached)" "$(size "$work/static/contest.html")" "$contest_rps" "$(ratio "$contest_rps" "$static_contest_rps")"
row "contest page (static file)" "$(size "$work/static/contest.html")" "$static_contest_rps" ""
row "results page (portal, cached)" "$(size "$work/static/results.html")" "$results_rps" "$(ratio "$results_rps" "$static_results_rps")"
row "results page (static file)" "$(size "$work/static/results.html")" "$static_results_rps" ""

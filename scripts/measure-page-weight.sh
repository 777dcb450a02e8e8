#!/usr/bin/env bash
# Measures what the first load of the home page costs over the wire: the HTML plus every script
# and style sheet it references, fetched as a browser would (curl --compressed, which sends
# Accept-Encoding: gzip, br when curl has brotli, and counts the bytes received, i.e. compressed).
#
#   scripts/measure-page-weight.sh development   # as README runs it: dotnet run (Development)
#   scripts/measure-page-weight.sh production    # dotnet publish -c Release, then dotnet <dll> (Production)
#   scripts/measure-page-weight.sh               # both
#
# Each run starts the portal on a free loopback port with its own throwaway data folder, waits for
# /health, measures, and stops the process it started.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
project="$root/src/HakuWinay.Contests.Web"
work="$(mktemp -d)"
pid=""

# The portal runs in its own process group (setsid), so stopping it stops `dotnet run`'s child too.
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

wait_for() {
  local url="$1"
  for _ in $(seq 1 600); do
    if curl -fsS -o /dev/null "$url/health" 2>/dev/null; then
      return 0
    fi
    if ! kill -0 "$pid" 2>/dev/null; then
      echo "The portal stopped before answering; its output:" >&2
      tail -40 "$work/portal.log" >&2
      return 1
    fi
    sleep 0.5
  done
  echo "The portal did not answer $url/health in 300 s." >&2
  return 1
}

# Bytes over the wire for one address, and its Content-Encoding.
fetch() {
  local size encoding
  size=$(curl -sS --compressed -o /dev/null -w '%{size_download}' -D "$work/headers" "$1")
  encoding=$(grep -i '^content-encoding:' "$work/headers" | tr -d '\r' | awk '{print $2}' || true)
  echo "$size ${encoding:--}"
}

measure() {
  local base="$1" label="$2" total=0
  curl -sS --compressed "$base/" -o "$work/home.html"
  local assets
  # Scripts and style sheets the page references (<script src>, <link rel="stylesheet" href>, and the
  # import map's module preloads), resolved against <base href="/">.
  assets=$(python3 - "$work/home.html" <<'PY'
import re, sys
html = open(sys.argv[1], encoding="utf-8").read()
seen = []
for tag in re.findall(r"<(?:script|link)\b[^>]*>", html, re.I):
    if tag.lower().startswith("<link") and not re.search(r"rel=\"(stylesheet|modulepreload)\"", tag, re.I):
        continue
    m = re.search(r"(?:src|href)=\"([^\"]+)\"", tag)
    if m and not m.group(1).startswith(("http:", "https:", "//", "data:")):
        url = "/" + m.group(1).lstrip("/")
        if url not in seen:
            seen.append(url)
print("\n".join(seen))
PY
)
  printf '%-8s %8s  %-10s %s\n' "$label" "bytes" "encoding" "address"
  read -r size encoding < <(fetch "$base/")
  printf '%-8s %8d  %-10s %s\n' "" "$size" "$encoding" "/"
  total=$((total + size))
  while IFS= read -r asset; do
    [[ -z "$asset" ]] && continue
    read -r size encoding < <(fetch "$base$asset")
    printf '%-8s %8d  %-10s %s\n' "" "$size" "$encoding" "$asset"
    total=$((total + size))
  done <<< "$assets"
  printf '%-8s %8d  total (%d KB)\n\n' "$label" "$total" $(((total + 512) / 1024))
}

run_development() {
  local port; port=$(free_port)
  local url="http://127.0.0.1:$port"
  # As README runs it (built first, so a slow build does not count against the start-up wait), on another
  # port and another data folder so it never meets a running copy.
  dotnet build "$project" -nodeReuse:false > "$work/build.log" 2>&1 || { tail -20 "$work/build.log" >&2; return 1; }
  ASPNETCORE_ENVIRONMENT=Development DataFolder="$work/dev-data" \
    setsid dotnet run --project "$project" --no-build --no-launch-profile --urls "$url" > "$work/portal.log" 2>&1 &
  pid=$!
  wait_for "$url"
  measure "$url" "dev"
  stop_portal
}

run_production() {
  local port; port=$(free_port)
  local url="http://127.0.0.1:$port"
  dotnet publish "$project" -c Release -o "$work/publish" -nodeReuse:false > "$work/publish.log" 2>&1 \
    || { tail -20 "$work/publish.log" >&2; return 1; }
  mkdir -p "$work/prod-data"
  (cd "$work/publish" && ASPNETCORE_ENVIRONMENT=Production ASPNETCORE_URLS="$url" DataFolder="$work/prod-data" \
    ConnectionStrings__Sqlite="Data Source=$work/prod-data/portal.db" \
    Bootstrap__AdminEmail=admin@example.pe Bootstrap__AdminPassword="Measure-Only-2026" \
    exec setsid dotnet HakuWinay.Contests.Web.dll > "$work/portal.log" 2>&1) &
  pid=$!
  wait_for "$url"
  measure "$url" "prod"
  stop_portal
}

case "${1:-both}" in
  development) run_development ;;
  production) run_production ;;
  both) run_development; run_production ;;
  *) echo "usage: $0 [development|production]" >&2; exit 2 ;;
esac

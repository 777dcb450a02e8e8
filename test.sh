#!/usr/bin/env bash
#
# Runs every test of HakuWinay.Contests (what CI runs through .ci/run).
#
#   ./test.sh                      everything
#   ./test.sh --filter <expr>      pass `--filter <expr>` to every `dotnet test`
#                                  (e.g. --filter "FullyQualifiedName~Scoring")
#   ./test.sh --only <Project>     run one test project only, e.g.
#                                  --only HakuWinay.Contests.Web.Tests
#   (both may be combined; `--filter=<expr>` / `--only=<Project>` work too)
#
# Steps: install what is missing (Debian chromium, postgresql, nginx, wrk, prometheus's
# promtool, kannel and kannel-extras, npm maildev into .tools/), start a throwaway PostgreSQL
# cluster, maildev and Kannel (bearerbox + smsbox, fakesmsc as SMS centre) on 127.0.0.1
# (scripts/test-services.sh), `dotnet tool restore`, one Release build of the
# solution, `dotnet test --no-build` per test project (all of them, even after
# a failure), then check that the SQL Server migrations script can be
# generated. Services are stopped and the cluster deleted on exit, whatever
# happens. Skipped tests count as failures (no silent skips). The last line
# printed is "N passed, M failed"; the exit code is non-zero on any failure.
#
# Logs of the services and the generated SQL end up in .test-run/ (git-ignored).

set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd -P)"
cd "$ROOT"

TEST_PROJECTS=(
    HakuWinay.Contests.Tests
    HakuWinay.Contests.Web.Tests
    HakuWinay.Contests.EndToEnd
)
MIGRATIONS_PROJECT=src/HakuWinay.Contests.Migrations.SqlServer
RUN_DIR=$ROOT/.test-run

usage() { sed -n '3,/^set -euo/{/^#/s/^# \{0,1\}//p}' "$0"; }
die() { printf 'test.sh: %s\n' "$*" >&2; exit 1; }
step() { printf '\n==> %s\n' "$*"; }

FILTER=""
ONLY=""
while (($#)); do
    case $1 in
        --filter) (($# >= 2)) || die "--filter needs an expression"; FILTER=$2; shift 2 ;;
        --filter=*) FILTER=${1#--filter=}; shift ;;
        --only) (($# >= 2)) || die "--only needs a project name"; ONLY=$2; shift 2 ;;
        --only=*) ONLY=${1#--only=}; shift ;;
        -h | --help) usage; exit 0 ;;
        *) usage >&2; die "unknown argument: $1" ;;
    esac
done
ONLY=${ONLY#tests/}
ONLY=${ONLY%/}
ONLY=${ONLY%.csproj}

export DOTNET_CLI_TELEMETRY_OPTOUT=1
export DOTNET_NOLOGO=1
export DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
# One build per run: MSBuild worker nodes kept alive would only linger.
export MSBUILDDISABLENODEREUSE=1

# shellcheck source=scripts/test-services.sh
source "$ROOT/scripts/test-services.sh"

# ---------------------------------------------------------------------------
# Cleanup and final summary, whatever happens
# ---------------------------------------------------------------------------

TOTAL_PASSED=0
TOTAL_FAILED=0
TOTAL_SKIPPED=0
TESTS_RAN=""
BUILT=""

# shellcheck disable=SC2317 # invoked through trap
on_exit() {
    local rc=$?
    set +e
    trap - EXIT INT TERM
    stop_test_services || true
    # Roslyn/Razor compiler servers started by the build would outlive us.
    if [[ -n $BUILT ]]; then
        dotnet build-server shutdown >/dev/null 2>&1 || true
    fi
    if [[ -n $TESTS_RAN ]]; then
        echo
        if ((TOTAL_SKIPPED > 0)); then
            echo "FAILED: $TOTAL_SKIPPED test(s) were skipped; skipped tests count as failed here (no silent skips)."
        fi
        echo "$TOTAL_PASSED passed, $((TOTAL_FAILED + TOTAL_SKIPPED)) failed"
    elif ((rc != 0)); then
        echo
        echo "test.sh: failed before any test ran (exit code $rc)"
    fi
    exit "$rc"
}
trap on_exit EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

mkdir -p "$RUN_DIR"
export HAKU_TEST_SERVICES_LOGDIR=$RUN_DIR/logs

# ---------------------------------------------------------------------------
# Which test projects
# ---------------------------------------------------------------------------

projects=()
if [[ -n $ONLY ]]; then
    [[ -f tests/$ONLY/$ONLY.csproj ]] ||
        die "--only $ONLY: no project tests/$ONLY/$ONLY.csproj (known: ${TEST_PROJECTS[*]})"
    projects=("$ONLY")
else
    for p in "${TEST_PROJECTS[@]}"; do
        [[ -f tests/$p/$p.csproj ]] && projects+=("$p")
    done
    ((${#projects[@]})) || die "no test project found (looked for tests/<name>/<name>.csproj for: ${TEST_PROJECTS[*]})"
fi

SOLUTION=HakuWinay.Contests.sln
if [[ ! -f $SOLUTION && -f HakuWinay.Contests.slnx ]]; then
    SOLUTION=HakuWinay.Contests.slnx
fi
[[ -f $SOLUTION ]] || die "solution HakuWinay.Contests.sln not found in $ROOT"

# ---------------------------------------------------------------------------
# Prerequisites and services
# ---------------------------------------------------------------------------

step "Prerequisites"
ensure_test_prerequisites chromium postgres maildev nginx wrk promtool kannel || die "could not install the test prerequisites"
command -v dotnet >/dev/null 2>&1 || die "dotnet is not on PATH"

step "Starting PostgreSQL, maildev and Kannel"
start_test_services || die "could not start the test services"
printf '  %s\n' \
    "HAKU_TEST_POSTGRES=$HAKU_TEST_POSTGRES" \
    "HAKU_TEST_SMTP_HOST=$HAKU_TEST_SMTP_HOST" \
    "HAKU_TEST_SMTP_PORT=$HAKU_TEST_SMTP_PORT" \
    "HAKU_TEST_MAILDEV_URL=$HAKU_TEST_MAILDEV_URL" \
    "HAKU_TEST_MAILDEV_BIN=$HAKU_TEST_MAILDEV_BIN" \
    "HAKU_TEST_CHROMIUM=$HAKU_TEST_CHROMIUM" \
    "HAKU_TEST_KANNEL_HOST=$HAKU_TEST_KANNEL_HOST" \
    "HAKU_TEST_KANNEL_PORT=$HAKU_TEST_KANNEL_PORT" \
    "HAKU_TEST_KANNEL_BEARERBOX_PORT=$HAKU_TEST_KANNEL_BEARERBOX_PORT" \
    "HAKU_TEST_FAKESMSC_LOG=$HAKU_TEST_FAKESMSC_LOG"

# ---------------------------------------------------------------------------
# Build
# ---------------------------------------------------------------------------

step "dotnet tool restore"
dotnet tool restore

step "dotnet build $SOLUTION -c Release"
BUILT=1
dotnet build "$SOLUTION" -c Release -nodeReuse:false

# ---------------------------------------------------------------------------
# Tests: every project, even after a failure
# ---------------------------------------------------------------------------

# Sums the test counts of one `dotnet test` log and prints "P F S", or "none".
# With --logger "console;verbosity=normal" VSTest closes each run with
#     Test Run Successful.            (or: Test Run Failed.)
#     Total tests: 42
#          Passed: 41
#          Failed: 1                  (lines only for non-zero counts)
#         Skipped: 0
#      Total time: 3.1 Seconds
# while at minimal verbosity it prints one line per run instead:
#     Passed!  - Failed:     0, Passed:    42, Skipped:     0, Total:    42, Duration: ...
# Both are understood (blocks win, so nothing is counted twice). Tests of a
# run that are neither passed, failed nor skipped count as failed.
parse_summary() {
    sed -E 's/\x1b\[[0-9;]*[A-Za-z]//g; s/\r$//' "$1" |
        awk '
            function flush() {
                if (inblock) {
                    rest = bt - bp - bf - bs
                    if (rest > 0) bf += rest
                    P += bp; F += bf; S += bs; blocks++
                }
                inblock = 0
            }
            /^ *Total tests: *[0-9]+ *$/ {
                flush(); inblock = 1; bp = bf = bs = 0
                bt = $0; sub(/.*: */, "", bt); bt += 0
                next
            }
            inblock && /^ *(Passed|Failed|Skipped): *[0-9]+ *$/ {
                v = $0; sub(/.*: */, "", v); v += 0
                if ($0 ~ /Passed:/) bp = v; else if ($0 ~ /Failed:/) bf = v; else bs = v
                next
            }
            inblock && /Total time:/ { flush(); next }
            /(Passed|Failed)!  *- *Failed: *[0-9]+, *Passed: *[0-9]+, *Skipped: *[0-9]+, *Total: *[0-9]+/ {
                line = $0
                sub(/.*(Passed|Failed)! *- */, "", line)
                n = split(line, parts, ",")
                lp = lf = ls = lt = 0
                for (i = 1; i <= n; i++) {
                    kv = parts[i]; gsub(/ /, "", kv); split(kv, a, ":")
                    if (a[1] == "Failed") lf = a[2] + 0
                    else if (a[1] == "Passed") lp = a[2] + 0
                    else if (a[1] == "Skipped") ls = a[2] + 0
                    else if (a[1] == "Total") lt = a[2] + 0
                }
                if (lt > lp + lf + ls) lf += lt - lp - lf - ls
                LP += lp; LF += lf; LS += ls; lines++
            }
            END {
                flush()
                if (blocks) print P + 0, F + 0, S + 0
                else if (lines) print LP + 0, LF + 0, LS + 0
                else print "none"
            }'
}

step "Tests"
summary_lines=()
any_failed=""
TESTS_RAN=1
mkdir -p "$RUN_DIR/test-logs"
for p in "${projects[@]}"; do
    log=$RUN_DIR/test-logs/$p.log
    # A test that hangs is killed (with a dump of where) instead of eating the CI budget.
    args=(test "tests/$p/$p.csproj" -c Release --no-build --logger "console;verbosity=normal" --blame-hang-timeout 10m)
    [[ -n $FILTER ]] && args+=(--filter "$FILTER")
    step "dotnet$(printf ' %q' "${args[@]}")"
    set +e
    dotnet "${args[@]}" 2>&1 | tee "$log"
    test_rc=${PIPESTATUS[0]}
    set -e

    read -r counts_p counts_f counts_s <<<"$(parse_summary "$log")"
    if [[ $counts_p == none ]]; then
        if ((test_rc == 0)) && [[ -n $FILTER ]]; then
            summary_lines+=("  PASS  $p: no test matched the filter")
            continue
        fi
        summary_lines+=("  FAIL  $p: dotnet test exited $test_rc and reported no test summary")
        any_failed=1
        continue
    fi
    TOTAL_PASSED=$((TOTAL_PASSED + counts_p))
    TOTAL_FAILED=$((TOTAL_FAILED + counts_f))
    TOTAL_SKIPPED=$((TOTAL_SKIPPED + counts_s))
    status=PASS
    note=""
    if ((test_rc != 0 || counts_f > 0 || counts_s > 0)); then
        status=FAIL
        any_failed=1
        ((counts_s > 0)) && note+=" (skipped tests are not allowed)"
        ((test_rc != 0 && counts_f == 0)) && note+=" (dotnet test exited $test_rc)"
    fi
    summary_lines+=("  $status  $p: $counts_p passed, $counts_f failed, $counts_s skipped$note")
done

echo
echo "Test projects:"
printf '%s\n' "${summary_lines[@]}"
if ((TOTAL_PASSED + TOTAL_FAILED + TOTAL_SKIPPED == 0)) && [[ -z $any_failed ]]; then
    echo "  FAIL  no test ran at all"
    any_failed=1
fi
if [[ -n $any_failed ]]; then
    # The names and first message lines of the failed tests, so that a CI log
    # cut to its last lines still says what failed.
    echo
    echo "Failed tests:"
    for p in "${projects[@]}"; do
        log=$RUN_DIR/test-logs/$p.log
        [[ -f $log ]] || continue
        sed -E 's/\x1b\[[0-9;]*[A-Za-z]//g; s/\r$//' "$log" |
            awk '
                /^ +Failed [^ ]/ { print "  " $0; grab = 6; next }
                grab > 0 && /^ +Stack Trace:/ { grab = 0; next }
                grab > 0 && !/^ +Error Message:/ && NF { print "      " substr($0, 1, 300); grab--; next }
            '
    done
fi
[[ -z $any_failed ]] || die "tests failed (logs in $RUN_DIR/test-logs)"

# ---------------------------------------------------------------------------
# SQL Server migrations can be scripted
# ---------------------------------------------------------------------------

step "SQL Server migrations script"
[[ -d $MIGRATIONS_PROJECT ]] ||
    die "$MIGRATIONS_PROJECT does not exist; the SQL Server migrations check cannot run"
sql=$RUN_DIR/sqlserver-migrations.sql
rm -f "$sql"
dotnet ef migrations script --idempotent --project "$MIGRATIONS_PROJECT" \
    --no-build --configuration Release -o "$sql"
[[ -s $sql ]] || die "dotnet ef wrote no SQL to $sql"
echo "  OK: $(wc -l <"$sql") lines in ${sql#"$ROOT"/}"

exit 0

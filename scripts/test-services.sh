# shellcheck shell=bash
#
# Throwaway test services for HakuWinay.Contests: a PostgreSQL cluster, a
# maildev SMTP catcher and a Kannel SMS gateway (bearerbox + smsbox, with
# fakesmsc as the SMS centre), all on 127.0.0.1 only, on free ports.
#
# In your own (bash) shell:
#
#     source scripts/test-services.sh
#     ensure_test_prerequisites     # optional: installs what is missing (root)
#     start_test_services           # starts both, exports HAKU_TEST_*
#     dotnet test tests/HakuWinay.Contests.Tests
#     stop_test_services            # stops both, deletes the cluster
#
# Or without touching your shell:
#
#     scripts/test-services.sh run -- dotnet test tests/HakuWinay.Contests.Tests
#
# start_test_services exports:
#     HAKU_TEST_POSTGRES      Npgsql connection string (role haku/haku, SUPERUSER)
#     HAKU_TEST_SMTP_HOST     127.0.0.1
#     HAKU_TEST_SMTP_PORT     maildev's SMTP port
#     HAKU_TEST_MAILDEV_URL   http://127.0.0.1:<web port>  (REST API: /api/email)
#     HAKU_TEST_MAILDEV_BIN   absolute path of the maildev executable
#     HAKU_TEST_CHROMIUM      /usr/bin/chromium
#     HAKU_TEST_KANNEL_HOST   127.0.0.1
#     HAKU_TEST_KANNEL_PORT   smsbox's sendsms port (user/password below)
#     HAKU_TEST_KANNEL_USER / HAKU_TEST_KANNEL_PASSWORD   the sendsms-user
#     HAKU_TEST_KANNEL_BEARERBOX_PORT  bearerbox's smsbox port (a test may start its own smsbox)
#     HAKU_TEST_SMSBOX_BIN    /usr/sbin/smsbox
#     HAKU_TEST_FAKESMSC_LOG  the file where fakesmsc writes every SMS it receives
#                             ("Got message N: <from to text ...>")
#
# Optional settings (environment):
#     HAKU_TEST_SERVICES_LOGDIR  copy postgres.log / maildev.log there on stop
#     HAKU_PG_BINDIR             PostgreSQL bin dir to use (initdb, pg_ctl, ...)
#
# Everything here only returns non-zero on failure (never exits), so it is
# safe to source into an interactive shell and to use under `set -euo pipefail`.

HAKU_MAILDEV_VERSION=3.0.0
HAKU_PG_FIRST_PORT=55432
HAKU_SMTP_FIRST_PORT=1025
HAKU_WEB_FIRST_PORT=1080
HAKU_KANNEL_FIRST_PORT=13100
HAKU_FAKESMSC=/usr/lib/kannel/test/fakesmsc
HAKU_SERVICE_WAIT_SECONDS=30

# Repository root = the parent of the folder this file is in.
_HAKU_REPO_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd -P)"

_haku_log() { printf 'test-services: %s\n' "$*" >&2; }

# ---------------------------------------------------------------------------
# Prerequisites
# ---------------------------------------------------------------------------

# Prints the bin dir of the newest installed PostgreSQL server, or fails.
_haku_pg_bindir() {
    if [[ -n ${HAKU_PG_BINDIR:-} ]]; then
        if [[ -x $HAKU_PG_BINDIR/initdb && -x $HAKU_PG_BINDIR/pg_ctl ]]; then
            printf '%s\n' "$HAKU_PG_BINDIR"
            return 0
        fi
        _haku_log "HAKU_PG_BINDIR=$HAKU_PG_BINDIR has no initdb/pg_ctl"
        return 1
    fi
    local d best=""
    while IFS= read -r d; do
        [[ -x $d/initdb && -x $d/pg_ctl ]] && best=$d
    done < <(compgen -G '/usr/lib/postgresql/*/bin' | sort -V)
    if [[ -z $best ]]; then
        local initdb
        initdb=$(command -v initdb 2>/dev/null) || return 1
        best=$(dirname "$initdb")
        [[ -x $best/pg_ctl ]] || return 1
    fi
    printf '%s\n' "$best"
}

_haku_maildev_bin() { printf '%s\n' "$_HAKU_REPO_ROOT/.tools/node_modules/.bin/maildev"; }

# Installs, each only if missing: Debian chromium, Debian postgresql, and
# maildev (npm, into .tools/). With arguments, only those of
# chromium|postgres|maildev|nginx|wrk|promtool|kannel. apt-get update runs once, only if needed.
ensure_test_prerequisites() {
    local want=("$@")
    ((${#want[@]})) || want=(chromium postgres maildev nginx wrk promtool kannel)
    local apt_pkgs=() need_maildev="" w
    for w in "${want[@]}"; do
        case $w in
            chromium) [[ -x /usr/bin/chromium ]] || apt_pkgs+=(chromium) ;;
            nginx) [[ -x /usr/sbin/nginx ]] || apt_pkgs+=(nginx) ;;
            wrk) command -v wrk >/dev/null 2>&1 || apt_pkgs+=(wrk) ;; # scripts/bench-public.sh
            promtool) command -v promtool >/dev/null 2>&1 || apt_pkgs+=(prometheus) ;; # checks docs/operations.md's alert rules
            postgres) _haku_pg_bindir >/dev/null 2>&1 || apt_pkgs+=(postgresql) ;;
            # bearerbox and smsbox come in kannel, fakesmsc in kannel-extras; the kannel service is not started.
            kannel) [[ -x /usr/sbin/bearerbox && -x /usr/sbin/smsbox && -x $HAKU_FAKESMSC ]] || apt_pkgs+=(kannel kannel-extras) ;;
            maildev)
                [[ -e $(_haku_maildev_bin) ]] || need_maildev=1
                command -v curl >/dev/null 2>&1 || apt_pkgs+=(curl) # readiness checks
                ;;
            *) _haku_log "ensure_test_prerequisites: unknown item '$w'"; return 1 ;;
        esac
    done

    if ((${#apt_pkgs[@]})); then
        if ((EUID != 0)); then
            _haku_log "missing: ${apt_pkgs[*]} - installing needs root; run as root or: sudo apt-get install ${apt_pkgs[*]}"
            return 1
        fi
        if ! command -v apt-get >/dev/null 2>&1; then
            _haku_log "missing: ${apt_pkgs[*]} and there is no apt-get to install them with"
            return 1
        fi
        if [[ " ${apt_pkgs[*]} " == *" postgresql "* && ! -e /etc/postgresql-common/createcluster.d/00-haku-no-main-cluster.conf && ! -d /etc/postgresql ]]; then
            # Only a throwaway cluster is wanted: stop the package from creating
            # (and maybe starting) the default 'main' cluster on port 5432.
            mkdir -p /etc/postgresql-common/createcluster.d &&
                printf 'create_main_cluster = false\n' >/etc/postgresql-common/createcluster.d/00-haku-no-main-cluster.conf
        fi
        _haku_log "installing Debian packages: ${apt_pkgs[*]}"
        if [[ -z ${_HAKU_APT_UPDATED:-} ]]; then
            DEBIAN_FRONTEND=noninteractive apt-get update -q || { _haku_log "apt-get update failed"; return 1; }
            _HAKU_APT_UPDATED=1
        fi
        # Packages with a service (nginx, prometheus) must not start it: the tests run their own instances.
        local no_start=""
        if [[ ! -e /usr/sbin/policy-rc.d ]]; then
            printf '#!/bin/sh\nexit 101\n' >/usr/sbin/policy-rc.d && chmod +x /usr/sbin/policy-rc.d && no_start=1
        fi
        DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends "${apt_pkgs[@]}" </dev/null
        local installed=$?
        [[ -n $no_start ]] && rm -f /usr/sbin/policy-rc.d
        ((installed == 0)) || { _haku_log "apt-get install ${apt_pkgs[*]} failed"; return 1; }
        if [[ " ${apt_pkgs[*]} " == *" postgresql "* ]] && ! _haku_pg_bindir >/dev/null 2>&1; then
            _haku_log "postgresql was installed but no initdb/pg_ctl was found"
            return 1
        fi
        if [[ " ${apt_pkgs[*]} " == *" nginx "* && ! -x /usr/sbin/nginx ]]; then
            _haku_log "nginx was installed but /usr/sbin/nginx is missing"
            return 1
        fi
        if [[ " ${apt_pkgs[*]} " == *" kannel "* && ! -x $HAKU_FAKESMSC ]]; then
            _haku_log "kannel was installed but $HAKU_FAKESMSC is missing"
            return 1
        fi
        if [[ " ${apt_pkgs[*]} " == *" chromium "* && ! -x /usr/bin/chromium ]]; then
            _haku_log "chromium was installed but /usr/bin/chromium is missing"
            return 1
        fi
    fi

    if [[ -n $need_maildev ]]; then
        if ! command -v npm >/dev/null 2>&1 || ! command -v node >/dev/null 2>&1; then
            _haku_log "maildev@$HAKU_MAILDEV_VERSION needs Node.js >= 20 with npm, and node/npm are not on PATH"
            return 1
        fi
        local node_major
        node_major=$(node -p 'process.versions.node.split(".")[0]' 2>/dev/null) || node_major=0
        if ((node_major < 20)); then
            _haku_log "maildev@$HAKU_MAILDEV_VERSION needs Node.js >= 20; found $(node --version 2>/dev/null)"
            return 1
        fi
        _haku_log "installing maildev@$HAKU_MAILDEV_VERSION into $_HAKU_REPO_ROOT/.tools"
        mkdir -p "$_HAKU_REPO_ROOT/.tools" || return 1
        npm install --prefix "$_HAKU_REPO_ROOT/.tools" --no-audit --no-fund --loglevel=error \
            "maildev@$HAKU_MAILDEV_VERSION" </dev/null || { _haku_log "npm install maildev failed"; return 1; }
        [[ -x $(_haku_maildev_bin) ]] || { _haku_log "npm install finished but $(_haku_maildev_bin) is missing"; return 1; }
    fi
    return 0
}

# ---------------------------------------------------------------------------
# Helpers
# ---------------------------------------------------------------------------

# True if something listens on (or accepts on) 127.0.0.1:PORT / *:PORT.
_haku_port_in_use() {
    local port=$1
    if command -v ss >/dev/null 2>&1; then
        [[ -n $(ss -Htln "sport = :$port" 2>/dev/null) ]] && return 0
    fi
    (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null && return 0
    return 1
}

# _haku_free_port FIRST [TAKEN...]: first free port >= FIRST not in TAKEN.
_haku_free_port() {
    local port=$1
    shift
    local taken=" $* " last=$((port + 500))
    while ((port <= last)); do
        if [[ $taken != *" $port "* ]] && ! _haku_port_in_use "$port"; then
            printf '%s\n' "$port"
            return 0
        fi
        port=$((port + 1))
    done
    _haku_log "no free TCP port in $1..$last"
    return 1
}

# Run a command as the cluster owner: 'postgres' when we are root (the server
# refuses to run as root), else ourselves. Runs from the cluster's folder so
# that an unreadable current directory does not matter.
_haku_as_pg() {
    if ((EUID == 0)); then
        (cd "$_HAKU_SERVICES_DIR" && runuser -u postgres -- "$@")
    else
        (cd "$_HAKU_SERVICES_DIR" && "$@")
    fi
}

_haku_ensure_postgres_user() {
    ((EUID == 0)) || return 0
    id -u postgres >/dev/null 2>&1 && return 0
    _haku_log "creating system user postgres"
    useradd --system --user-group --no-create-home --home-dir /nonexistent \
        --shell /usr/sbin/nologin postgres
}

_haku_dump_log() {
    local name=$1 file=$2
    [[ -f $file ]] || return 0
    printf '%s\n' "----- $name ($file) -----" >&2
    tail -n 80 "$file" >&2
    printf '%s\n' "----- end of $name -----" >&2
}

# ---------------------------------------------------------------------------
# PostgreSQL
# ---------------------------------------------------------------------------

_haku_start_postgres() {
    local bindir port data sock locale_opt
    bindir=$(_haku_pg_bindir) || { _haku_log "PostgreSQL server not found (run ensure_test_prerequisites)"; return 1; }
    _haku_ensure_postgres_user || return 1

    data=$_HAKU_SERVICES_DIR/pgdata
    sock=$_HAKU_SERVICES_DIR/pgsock
    mkdir -p "$sock" || return 1
    : >"$_HAKU_SERVICES_DIR/postgres.log"
    if ((EUID == 0)); then
        chown postgres: "$_HAKU_SERVICES_DIR" "$sock" "$_HAKU_SERVICES_DIR/postgres.log" || return 1
    fi

    # C.UTF-8 keeps byte-order sorting but gives lower()/upper()/ILIKE real
    # Unicode rules (names like "Peña"); fall back to plain C if it is absent.
    if locale -a 2>/dev/null | grep -qiE '^c\.utf-?8$'; then
        locale_opt=--locale=C.UTF-8
    else
        locale_opt=--no-locale
    fi
    if ! _haku_as_pg "$bindir/initdb" -D "$data" -U postgres -E UTF8 "$locale_opt" \
        --auth-local=trust --auth-host=scram-sha-256 >"$_HAKU_SERVICES_DIR/initdb.log" 2>&1; then
        _haku_log "initdb failed"
        _haku_dump_log initdb "$_HAKU_SERVICES_DIR/initdb.log"
        return 1
    fi

    # Only loopback TCP (scram password auth) and the private socket (trust).
    cat >"$data/pg_hba.conf" <<'EOF'
# throwaway test cluster: unix socket in a private folder, TCP on 127.0.0.1 only
local all all                 trust
host  all all 127.0.0.1/32    scram-sha-256
EOF

    # Pick a port and start; retry on a new port if another process grabbed it.
    local taken=""
    for _ in 1 2 3; do
        # shellcheck disable=SC2086 # word splitting wanted
        port=$(_haku_free_port "$HAKU_PG_FIRST_PORT" $taken) || return 1
        cat >"$data/postgresql.auto.conf" <<EOF
# written by scripts/test-services.sh
listen_addresses = '127.0.0.1'
port = $port
unix_socket_directories = '$sock'
fsync = off
synchronous_commit = off
full_page_writes = off
max_connections = 200
EOF
        ((EUID == 0)) && chown postgres: "$data/pg_hba.conf" "$data/postgresql.auto.conf"

        : >"$_HAKU_SERVICES_DIR/postgres.log" # this attempt's messages only
        _HAKU_PG_BINDIR=$bindir
        _HAKU_PG_DATA=$data
        _HAKU_PG_PORT=$port
        if ! _haku_as_pg "$bindir/pg_ctl" -D "$data" -l "$_HAKU_SERVICES_DIR/postgres.log" -W start >/dev/null; then
            _haku_log "pg_ctl start failed"
            _haku_dump_log postgres "$_HAKU_SERVICES_DIR/postgres.log"
            return 1
        fi

        # Wait (bounded) for the server to accept connections.
        local started=$SECONDS deadline=$((SECONDS + HAKU_SERVICE_WAIT_SECONDS)) ready=""
        while ((SECONDS < deadline)); do
            if "$bindir/pg_isready" -q -h 127.0.0.1 -p "$port" -t 2 >/dev/null 2>&1; then
                ready=1
                break
            fi
            # Server gave up (port taken, bad config, ...)? The postmaster
            # writes postmaster.pid at once and removes it when it exits.
            if ((SECONDS - started >= 2)) && [[ ! -f $data/postmaster.pid ]]; then
                break
            fi
            sleep 0.2
        done
        if [[ -n $ready ]]; then
            break
        fi
        if grep -q 'could not bind\|Address already in use' "$_HAKU_SERVICES_DIR/postgres.log" 2>/dev/null; then
            _haku_log "port $port was taken meanwhile; trying another"
            _haku_stop_postgres >/dev/null 2>&1
            taken+=" $port"
            continue
        fi
        if [[ -f $data/postmaster.pid ]]; then
            _haku_log "PostgreSQL did not become ready within ${HAKU_SERVICE_WAIT_SECONDS}s"
        else
            _haku_log "PostgreSQL exited during startup"
        fi
        _haku_dump_log postgres "$_HAKU_SERVICES_DIR/postgres.log"
        return 1
    done
    [[ -n ${ready:-} ]] || { _haku_log "PostgreSQL could not get a port"; return 1; }

    if ! _haku_as_pg "$bindir/psql" -X -q -v ON_ERROR_STOP=1 -h "$sock" -p "$port" -U postgres -d postgres \
        -c "CREATE ROLE haku WITH LOGIN SUPERUSER PASSWORD 'haku'" >/dev/null; then
        _haku_log "could not create role haku"
        return 1
    fi
    # The exact path the tests take: TCP, password.
    if ! PGPASSWORD=haku PGCONNECT_TIMEOUT=5 "$bindir/psql" -X -q -At -h 127.0.0.1 -p "$port" -U haku -d postgres \
        -c 'select 1' >/dev/null; then
        _haku_log "role haku cannot log in over TCP"
        _haku_dump_log postgres "$_HAKU_SERVICES_DIR/postgres.log"
        return 1
    fi
    _haku_log "PostgreSQL $("$bindir/pg_ctl" --version | awk '{print $3}') ready on 127.0.0.1:$port (data $data)"
}

_haku_stop_postgres() {
    [[ -n ${_HAKU_PG_DATA:-} ]] || return 0
    local data=$_HAKU_PG_DATA rc=0 pid=""
    if [[ -f $data/postmaster.pid ]]; then
        pid=$(head -n 1 "$data/postmaster.pid" 2>/dev/null) || pid=""
        if ! _haku_as_pg "$_HAKU_PG_BINDIR/pg_ctl" -D "$data" -m immediate -w -t 20 stop >/dev/null 2>&1; then
            if [[ $pid =~ ^[0-9]+$ ]] && kill -0 "$pid" 2>/dev/null; then
                _haku_log "pg_ctl stop failed; killing postmaster $pid"
                kill -KILL "$pid" 2>/dev/null || rc=1
            fi
        fi
    fi
    _HAKU_PG_DATA=""
    return $rc
}

# ---------------------------------------------------------------------------
# maildev
# ---------------------------------------------------------------------------

_haku_start_maildev() {
    local bin smtp web pg=${_HAKU_PG_PORT:-}
    bin=$(_haku_maildev_bin)
    [[ -x $bin ]] || { _haku_log "$bin not found (run ensure_test_prerequisites)"; return 1; }
    # shellcheck disable=SC2086 # $pg may be empty: then no port to exclude
    smtp=$(_haku_free_port "$HAKU_SMTP_FIRST_PORT" $pg) || return 1
    # shellcheck disable=SC2086
    web=$(_haku_free_port "$HAKU_WEB_FIRST_PORT" $pg "$smtp") || return 1

    local log=$_HAKU_SERVICES_DIR/maildev.log
    # Run from the temp folder so no .maildevrc.json of a parent folder applies.
    # (The outer 2>/dev/null only hides the "[1] PID" notice of an
    # interactive shell; maildev's own output goes to the log.)
    {
        (cd "$_HAKU_SERVICES_DIR" && exec "$bin" --ip 127.0.0.1 --web-ip 127.0.0.1 \
            --smtp "$smtp" --web "$web") >"$log" 2>&1 </dev/null &
    } 2>/dev/null
    _HAKU_MAILDEV_PID=$!
    # In an interactive shell keep it out of the job table (no "[1]+ Done").
    [[ $- == *i* ]] && disown "$_HAKU_MAILDEV_PID" 2>/dev/null
    _HAKU_SMTP_PORT=$smtp
    _HAKU_WEB_PORT=$web

    local deadline=$((SECONDS + HAKU_SERVICE_WAIT_SECONDS)) body
    while ((SECONDS < deadline)); do
        if ! kill -0 "$_HAKU_MAILDEV_PID" 2>/dev/null; then
            _haku_log "maildev exited during startup"
            _haku_dump_log maildev "$log"
            _HAKU_MAILDEV_PID=""
            return 1
        fi
        body=$(curl -sf --max-time 2 "http://127.0.0.1:$web/api/email" 2>/dev/null) || body=""
        if [[ $body == \[* ]] && (exec 3<>"/dev/tcp/127.0.0.1/$smtp") 2>/dev/null; then
            _haku_log "maildev ready: SMTP 127.0.0.1:$smtp, web http://127.0.0.1:$web (pid $_HAKU_MAILDEV_PID)"
            return 0
        fi
        sleep 0.2
    done
    _haku_log "maildev did not answer on http://127.0.0.1:$web/api/email within ${HAKU_SERVICE_WAIT_SECONDS}s"
    _haku_dump_log maildev "$log"
    return 1
}

_haku_stop_maildev() {
    [[ -n ${_HAKU_MAILDEV_PID:-} ]] || return 0
    local pid=$_HAKU_MAILDEV_PID i
    if kill -0 "$pid" 2>/dev/null; then
        kill -TERM "$pid" 2>/dev/null || true
        for ((i = 0; i < 50; i++)); do
            kill -0 "$pid" 2>/dev/null || break
            sleep 0.1
        done
        if kill -0 "$pid" 2>/dev/null; then
            _haku_log "maildev $pid ignored SIGTERM; killing"
            kill -KILL "$pid" 2>/dev/null || true
        fi
    fi
    wait "$pid" 2>/dev/null || true
    _HAKU_MAILDEV_PID=""
    return 0
}


# ---------------------------------------------------------------------------
# Kannel: bearerbox, fakesmsc as its SMS centre, smsbox with sendsms
# ---------------------------------------------------------------------------

_haku_start_kannel() {
    local dir=$_HAKU_SERVICES_DIR/kannel taken="${_HAKU_PG_PORT:-} ${_HAKU_SMTP_PORT:-} ${_HAKU_WEB_PORT:-}" admin box smsc sendsms
    mkdir -p "$dir" || return 1
    # shellcheck disable=SC2086
    admin=$(_haku_free_port "$HAKU_KANNEL_FIRST_PORT" $taken) || return 1
    # shellcheck disable=SC2086
    box=$(_haku_free_port "$HAKU_KANNEL_FIRST_PORT" $taken "$admin") || return 1
    # shellcheck disable=SC2086
    smsc=$(_haku_free_port "$HAKU_KANNEL_FIRST_PORT" $taken "$admin" "$box") || return 1
    # shellcheck disable=SC2086
    sendsms=$(_haku_free_port "$HAKU_KANNEL_FIRST_PORT" $taken "$admin" "$box" "$smsc") || return 1
    _HAKU_KANNEL_PASSWORD=$(head -c 12 /dev/urandom | od -An -tx1 | tr -d ' \n')
    cat >"$dir/kannel.conf" <<KANNEL_CONF
# written by scripts/test-services.sh: loopback only, fakesmsc as the SMS centre
group = core
admin-port = $admin
admin-interface = 127.0.0.1
admin-password = $_HAKU_KANNEL_PASSWORD
smsbox-port = $box
smsbox-interface = 127.0.0.1
box-allow-ip = 127.0.0.1
log-file = "$dir/bearerbox.log"
log-level = 1
dlr-storage = internal

group = smsc
smsc = fake
smsc-id = fake
host = 127.0.0.1
port = $smsc
connect-allow-ip = 127.0.0.1

group = smsbox
bearerbox-host = 127.0.0.1
bearerbox-port = $box
sendsms-port = $sendsms
sendsms-interface = 127.0.0.1
log-file = "$dir/smsbox.log"
log-level = 1

group = sendsms-user
username = haku
password = $_HAKU_KANNEL_PASSWORD
max-messages = 4
default-sender = HakuWinay
concatenation = true
KANNEL_CONF
    : >"$dir/fakesmsc.log"
    _HAKU_KANNEL_DIR=$dir
    {
        /usr/sbin/bearerbox "$dir/kannel.conf" >"$dir/bearerbox.out" 2>&1 </dev/null &
    } 2>/dev/null
    _HAKU_BEARERBOX_PID=$!
    [[ $- == *i* ]] && disown "$_HAKU_BEARERBOX_PID" 2>/dev/null
    local deadline=$((SECONDS + HAKU_SERVICE_WAIT_SECONDS))
    until (exec 3<>"/dev/tcp/127.0.0.1/$smsc") 2>/dev/null; do
        if ! kill -0 "$_HAKU_BEARERBOX_PID" 2>/dev/null || ((SECONDS >= deadline)); then
            _haku_log "bearerbox did not open its SMS centre port $smsc"
            _haku_dump_log bearerbox "$dir/bearerbox.out"
            return 1
        fi
        sleep 0.2
    done
    # -m 0: send nothing, only receive; every SMS received is a "Got message" line of its output.
    {
        "$HAKU_FAKESMSC" -H 127.0.0.1 -r "$smsc" -i 0.1 -m 0 "0 0 text unused" >"$dir/fakesmsc.log" 2>&1 </dev/null &
    } 2>/dev/null
    _HAKU_FAKESMSC_PID=$!
    [[ $- == *i* ]] && disown "$_HAKU_FAKESMSC_PID" 2>/dev/null
    {
        /usr/sbin/smsbox "$dir/kannel.conf" >"$dir/smsbox.out" 2>&1 </dev/null &
    } 2>/dev/null
    _HAKU_SMSBOX_PID=$!
    [[ $- == *i* ]] && disown "$_HAKU_SMSBOX_PID" 2>/dev/null
    _HAKU_KANNEL_PORT=$sendsms
    _HAKU_KANNEL_BOX_PORT=$box
    # Ready when sendsms refuses a wrong password (403): smsbox is up and connected to bearerbox.
    local code
    while ((SECONDS < deadline)); do
        code=$(curl -s -o /dev/null -w '%{http_code}' --max-time 2 \
            "http://127.0.0.1:$sendsms/cgi-bin/sendsms?username=haku&password=wrong&to=1&text=ready" 2>/dev/null) || code=000
        if [[ $code == 403 ]]; then
            _haku_log "Kannel ready: sendsms http://127.0.0.1:$sendsms (bearerbox $_HAKU_BEARERBOX_PID, smsbox $_HAKU_SMSBOX_PID, fakesmsc $_HAKU_FAKESMSC_PID)"
            return 0
        fi
        sleep 0.2
    done
    _haku_log "Kannel's sendsms did not answer on 127.0.0.1:$sendsms within ${HAKU_SERVICE_WAIT_SECONDS}s"
    _haku_dump_log smsbox "$dir/smsbox.out"
    _haku_dump_log fakesmsc "$dir/fakesmsc.log"
    return 1
}

# Stops one process we started: SIGTERM, then SIGKILL after 5 s.
_haku_stop_pid() {
    local pid=$1 name=$2 i
    [[ -n $pid ]] || return 0
    if kill -0 "$pid" 2>/dev/null; then
        kill -TERM "$pid" 2>/dev/null || true
        for ((i = 0; i < 50; i++)); do
            kill -0 "$pid" 2>/dev/null || break
            sleep 0.1
        done
        if kill -0 "$pid" 2>/dev/null; then
            _haku_log "$name $pid ignored SIGTERM; killing"
            kill -KILL "$pid" 2>/dev/null || true
        fi
    fi
    wait "$pid" 2>/dev/null || true
}

_haku_stop_kannel() {
    _haku_stop_pid "${_HAKU_SMSBOX_PID:-}" smsbox
    _haku_stop_pid "${_HAKU_FAKESMSC_PID:-}" fakesmsc
    _haku_stop_pid "${_HAKU_BEARERBOX_PID:-}" bearerbox
    if [[ -n ${HAKU_TEST_SERVICES_LOGDIR:-} && -n ${_HAKU_KANNEL_DIR:-} && -d $_HAKU_KANNEL_DIR ]]; then
        mkdir -p "$HAKU_TEST_SERVICES_LOGDIR" && cp -f "$_HAKU_KANNEL_DIR"/*.log "$HAKU_TEST_SERVICES_LOGDIR"/ 2>/dev/null
    fi
    _HAKU_SMSBOX_PID="" _HAKU_FAKESMSC_PID="" _HAKU_BEARERBOX_PID="" _HAKU_KANNEL_DIR=""
    return 0
}

# ---------------------------------------------------------------------------
# Public
# ---------------------------------------------------------------------------

start_test_services() {
    if [[ -n ${_HAKU_SERVICES_DIR:-} ]]; then
        _haku_log "services already started (dir $_HAKU_SERVICES_DIR); stopping them first"
        stop_test_services || return 1
    fi
    command -v curl >/dev/null 2>&1 || { _haku_log "curl is required"; return 1; }
    ensure_test_prerequisites postgres maildev kannel || return 1

    _HAKU_SERVICES_DIR=$(mktemp -d "${TMPDIR:-/tmp}/haku-test-services.XXXXXX") ||
        { _haku_log "mktemp failed"; return 1; }
    chmod 700 "$_HAKU_SERVICES_DIR"

    if ! _haku_start_postgres || ! _haku_start_maildev || ! _haku_start_kannel; then
        stop_test_services
        return 1
    fi

    export HAKU_TEST_POSTGRES="Host=127.0.0.1;Port=$_HAKU_PG_PORT;Username=haku;Password=haku;Database=postgres"
    export HAKU_TEST_SMTP_HOST=127.0.0.1
    export HAKU_TEST_SMTP_PORT=$_HAKU_SMTP_PORT
    export HAKU_TEST_MAILDEV_URL=http://127.0.0.1:$_HAKU_WEB_PORT
    HAKU_TEST_MAILDEV_BIN=$(_haku_maildev_bin)
    export HAKU_TEST_MAILDEV_BIN
    export HAKU_TEST_CHROMIUM=/usr/bin/chromium
    export HAKU_TEST_KANNEL_HOST=127.0.0.1
    export HAKU_TEST_KANNEL_PORT=$_HAKU_KANNEL_PORT
    export HAKU_TEST_KANNEL_USER=haku
    export HAKU_TEST_KANNEL_PASSWORD=$_HAKU_KANNEL_PASSWORD
    export HAKU_TEST_KANNEL_BEARERBOX_PORT=$_HAKU_KANNEL_BOX_PORT
    export HAKU_TEST_SMSBOX_BIN=/usr/sbin/smsbox
    export HAKU_TEST_FAKESMSC_LOG=$_HAKU_KANNEL_DIR/fakesmsc.log
    return 0
}

stop_test_services() {
    local rc=0
    _haku_stop_kannel || rc=1
    _haku_stop_maildev || rc=1
    _haku_stop_postgres || rc=1
    local dir=${_HAKU_SERVICES_DIR:-}
    if [[ -n $dir && -d $dir ]]; then
        if [[ -n ${HAKU_TEST_SERVICES_LOGDIR:-} ]]; then
            mkdir -p "$HAKU_TEST_SERVICES_LOGDIR" &&
                cp -f "$dir"/*.log "$HAKU_TEST_SERVICES_LOGDIR"/ 2>/dev/null
        fi
        case $dir in
            */haku-test-services.*) rm -rf -- "$dir" || rc=1 ;;
            *) _haku_log "not removing unexpected folder $dir"; rc=1 ;;
        esac
    fi
    _HAKU_SERVICES_DIR=""
    unset HAKU_TEST_POSTGRES HAKU_TEST_SMTP_HOST HAKU_TEST_SMTP_PORT \
        HAKU_TEST_MAILDEV_URL HAKU_TEST_MAILDEV_BIN HAKU_TEST_CHROMIUM \
        HAKU_TEST_KANNEL_HOST HAKU_TEST_KANNEL_PORT HAKU_TEST_KANNEL_USER HAKU_TEST_KANNEL_PASSWORD \
        HAKU_TEST_KANNEL_BEARERBOX_PORT HAKU_TEST_SMSBOX_BIN HAKU_TEST_FAKESMSC_LOG
    return $rc
}

# Executed rather than sourced: `scripts/test-services.sh run -- CMD...`.
if [[ ${BASH_SOURCE[0]} == "$0" ]]; then
    set -uo pipefail
    if [[ ${1:-} == run ]]; then
        shift
        [[ ${1:-} == -- ]] && shift
        (($#)) || { echo "usage: $0 run -- COMMAND [ARGS...]" >&2; exit 2; }
        trap 'stop_test_services' EXIT
        trap 'exit 130' INT
        trap 'exit 143' TERM
        start_test_services || exit 1
        "$@"
        exit $?
    fi
    sed -n '2,/^$/s/^# \{0,1\}//p' "$0" | sed '/^shellcheck/d' >&2
    exit 2
fi

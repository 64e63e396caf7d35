#!/usr/bin/env bash
# Local FerretDB (MongoDB wire protocol on SQLite), no Docker.
#
#   ferretdb.sh install   build $ROOT/.tools/ferretdb/ferretdb (skipped when up to date)
#   ferretdb.sh up        install if needed, start in background, wait for the port
#   ferretdb.sh down      stop the process named in the pid file
#   ferretdb.sh status    "running" (exit 0) or "stopped" (exit 3)
#
# Env: DAGWRIGHT_ROOT (repo root; default ../../.. from this script),
#      FERRETDB_PORT (default 27117), FERRETDB_LOG_LEVEL (default info),
#      FERRETDB_INTERNAL_ADDR (debugging only: a TCP address on which FerretDB
#      itself also answers, bypassing the write-serialising proxy; see serialize.go).
# Data: $ROOT/.data/ferretdb/{sqlite/,ferretdb.log,ferretdb.pid}
#
# The port is served by a small proxy inside the binary that makes writes
# atomic with respect to each other (FerretDB 1.24 on SQLite does not apply a
# filtered update atomically); by default FerretDB itself listens only on a
# private Unix socket.
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd -P)"
ROOT="$(cd "${DAGWRIGHT_ROOT:-$HERE/../../..}" && pwd -P)"
PORT="${FERRETDB_PORT:-27117}"
[[ "$PORT" =~ ^[0-9]+$ ]] || { echo "ferretdb: FERRETDB_PORT must be a number, got '$PORT'" >&2; exit 2; }
HOST=127.0.0.1

TOOLS="$ROOT/.tools/ferretdb"
BIN="$TOOLS/ferretdb"
STAMP="$TOOLS/ferretdb.stamp"
DATA="$ROOT/.data/ferretdb"
PIDFILE="$DATA/ferretdb.pid"
LOG="$DATA/ferretdb.log"

START_TIMEOUT=60 # seconds for the port to answer after start
STOP_TIMEOUT=20  # seconds between SIGTERM and SIGKILL

log() { echo "ferretdb: $*" >&2; }

# Checksum of everything the binary is built from (go.mod, go.sum and every
# .go file: main.go, serialize.go, ...); a change triggers a rebuild.
source_sum() {
  (cd "$HERE" && shopt -s nullglob && for f in go.mod go.sum *.go; do echo "== $f"; cat "$f"; done) |
    sha256sum | cut -d' ' -f1
}

find_go() {
  if command -v go >/dev/null 2>&1; then
    command -v go
  elif [[ -x /usr/local/go/bin/go ]]; then
    echo /usr/local/go/bin/go
  else
    log "Go toolchain not found (need go >= 1.24 on PATH or in /usr/local/go)"
    return 1
  fi
}

cmd_install() {
  local sum
  sum="$(source_sum)"
  if [[ -x "$BIN" && -f "$STAMP" && "$(cat "$STAMP")" == "$sum" ]]; then
    log "binary up to date: $BIN"
    return 0
  fi
  local go
  go="$(find_go)"
  mkdir -p "$TOOLS"
  log "building $BIN (first build downloads modules and compiles pure-Go SQLite: ~1.5-2 min on 2 cores)"
  # CGO_ENABLED=0: FerretDB's SQLite driver (modernc.org/sqlite) is pure Go.
  # -buildvcs=false: VCS stamping is useless here and fails in odd git states.
  # Build to a temp name and rename, so a running server's binary is never half-written.
  (cd "$HERE" && CGO_ENABLED=0 "$go" build -trimpath -buildvcs=false -o "$BIN.tmp" .)
  mv -f "$BIN.tmp" "$BIN"
  echo "$sum" >"$STAMP"
  log "built $BIN"
}

# Process exists and is not a zombie (an orphan may linger as a zombie when
# the init process does not reap, and kill -0 still succeeds on zombies).
alive() {
  kill -0 "$1" 2>/dev/null || return 1
  [[ -r "/proc/$1/stat" ]] || return 0
  local state
  state="$(sed 's/^.*) //' "/proc/$1/stat" 2>/dev/null | cut -d' ' -f1)"
  [[ "$state" != Z && -n "$state" ]]
}

# Port $1 accepts TCP connections (bash's /dev/tcp, no nc needed).
port_open() {
  timeout 2 bash -c "exec 3<>/dev/tcp/$HOST/$1" 2>/dev/null
}

# Port the running server was started with (its -listen-addr argument), so a
# different FERRETDB_PORT in this shell cannot mislead up/status.
pid_port() {
  local arg prev=""
  if [[ -r "/proc/$1/cmdline" ]]; then
    while IFS= read -r -d '' arg; do
      if [[ "$prev" == -listen-addr ]]; then
        echo "${arg##*:}"
        return 0
      fi
      prev="$arg"
    done <"/proc/$1/cmdline"
  fi
  echo "$PORT"
}

# Prints the pid from the pid file if that process is alive and is our binary
# (guards against a stale pid file whose pid was reused by something else).
our_pid() {
  [[ -f "$PIDFILE" ]] || return 1
  local pid argv0
  pid="$(cat "$PIDFILE" 2>/dev/null || true)"
  [[ "$pid" =~ ^[0-9]+$ ]] || return 1
  alive "$pid" || return 1
  if [[ -r "/proc/$pid/cmdline" ]]; then
    argv0="$(tr '\0' '\n' <"/proc/$pid/cmdline" | head -n1)"
    [[ "$argv0" == "$BIN" ]] || return 1
  fi
  echo "$pid"
}

wait_ready() {
  local pid="$1" deadline=$((SECONDS + START_TIMEOUT))
  while ((SECONDS < deadline)); do
    if ! alive "$pid"; then
      log "process $pid exited during start-up"
      return 1
    fi
    port_open "$PORT" && return 0
    sleep 0.2
  done
  log "port $HOST:$PORT did not answer within ${START_TIMEOUT}s"
  return 1
}

fail_with_log() {
  log "start failed; last 50 lines of $LOG:"
  tail -n 50 "$LOG" >&2 || true
  exit 1
}

cmd_up() {
  cmd_install
  mkdir -p "$DATA/sqlite"

  # Serialise concurrent "up"/"down" calls so nothing is started twice.
  exec 9>"$DATA/ferretdb.lock"
  flock 9

  local pid running_port
  if pid="$(our_pid)"; then
    running_port="$(pid_port "$pid")"
    if [[ "$running_port" != "$PORT" ]]; then
      log "already running (pid $pid) on $HOST:$running_port, not $PORT; run '$0 down' first"
      exit 1
    fi
    if port_open "$PORT"; then
      echo "ferretdb already running (pid $pid) on $HOST:$PORT"
      return 0
    fi
    # Alive but not answering yet: another start is in progress; wait for it.
    wait_ready "$pid" || fail_with_log
    echo "ferretdb ready on $HOST:$PORT"
    return 0
  fi
  rm -f "$PIDFILE"

  if port_open "$PORT"; then
    log "port $HOST:$PORT is already used by another process (not ours); set FERRETDB_PORT"
    exit 1
  fi

  [[ -f "$LOG" ]] && mv -f "$LOG" "$LOG.1" # keep one previous log
  # nohup: survive the calling shell; 9>&-: the server must not inherit the lock.
  nohup "$BIN" \
    -listen-addr "$HOST:$PORT" \
    -sqlite-dir "$DATA/sqlite" \
    -log-level "${FERRETDB_LOG_LEVEL:-info}" \
    </dev/null >>"$LOG" 2>&1 9>&- &
  pid=$!
  echo "$pid" >"$PIDFILE"

  if ! wait_ready "$pid"; then
    kill -TERM "$pid" 2>/dev/null || true
    rm -f "$PIDFILE"
    fail_with_log
  fi
  echo "ferretdb ready on $HOST:$PORT"
}

cmd_down() {
  mkdir -p "$DATA"
  exec 9>"$DATA/ferretdb.lock"
  flock 9

  local pid
  if ! pid="$(our_pid)"; then
    rm -f "$PIDFILE"
    echo "ferretdb not running"
    return 0
  fi
  kill -TERM "$pid" 2>/dev/null || true
  local deadline=$((SECONDS + STOP_TIMEOUT))
  while alive "$pid" && ((SECONDS < deadline)); do
    sleep 0.2
  done
  if alive "$pid"; then
    log "pid $pid still alive after ${STOP_TIMEOUT}s; sending SIGKILL"
    kill -KILL "$pid" 2>/dev/null || true
    while alive "$pid"; do sleep 0.1; done
  fi
  rm -f "$PIDFILE"
  echo "ferretdb stopped (pid $pid)"
}

cmd_status() {
  local pid port
  if pid="$(our_pid)"; then
    port="$(pid_port "$pid")"
    if port_open "$port"; then
      echo "ferretdb running (pid $pid) on $HOST:$port"
      return 0
    fi
  fi
  echo "ferretdb stopped"
  return 3
}

case "${1:-}" in
  install) cmd_install ;;
  up) cmd_up ;;
  down) cmd_down ;;
  status) cmd_status ;;
  *)
    echo "usage: $0 install|up|down|status" >&2
    exit 2
    ;;
esac

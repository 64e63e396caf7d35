#!/usr/bin/env bash
# Redis from Debian's packages, run as a project-local process on 127.0.0.1:${REDIS_PORT:-16379}.
# Usage: redis.sh install | up | down | status
set -euo pipefail

ROOT="${DAGWRIGHT_ROOT:-$(cd "$(dirname "${BASH_SOURCE[0]}")/../../.." && pwd)}"
PORT="${REDIS_PORT:-16379}"
DATA="$ROOT/.data/redis"
PIDFILE="$DATA/redis.pid"
LOG="$DATA/redis.log"

running() {
  [[ -f "$PIDFILE" ]] && kill -0 "$(cat "$PIDFILE")" 2>/dev/null
}

answers() {
  redis-cli -h 127.0.0.1 -p "$PORT" ping 2>/dev/null | grep -q PONG
}

install() {
  if command -v redis-server >/dev/null && command -v redis-cli >/dev/null; then return; fi
  echo "redis: installing Debian's redis-server package" >&2
  local sudo=""
  [[ "$(id -u)" -ne 0 ]] && sudo="sudo"
  $sudo apt-get update -qq >&2
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends redis-server >&2
}

up() {
  install
  if running && answers; then
    echo "redis already running on 127.0.0.1:$PORT (pid $(cat "$PIDFILE"))"
    return
  fi
  mkdir -p "$DATA"
  # Persistence is append-only so a restart keeps what tests and the fleet wrote; nothing here is the only copy.
  nohup redis-server --bind 127.0.0.1 --port "$PORT" --dir "$DATA" --appendonly yes --save "" \
    --daemonize no --protected-mode yes --logfile "$LOG" >/dev/null 2>&1 &
  echo $! >"$PIDFILE"
  for _ in $(seq 1 100); do
    if answers; then
      echo "redis ready on 127.0.0.1:$PORT"
      return
    fi
    if ! running; then break; fi
    sleep 0.1
  done
  echo "redis failed to start; last log lines:" >&2
  tail -n 50 "$LOG" >&2 || true
  exit 1
}

down() {
  if ! running; then
    rm -f "$PIDFILE"
    echo "redis not running"
    return
  fi
  local pid
  pid="$(cat "$PIDFILE")"
  kill -TERM "$pid"
  for _ in $(seq 1 100); do
    kill -0 "$pid" 2>/dev/null || break
    sleep 0.1
  done
  kill -0 "$pid" 2>/dev/null && kill -KILL "$pid"
  rm -f "$PIDFILE"
  echo "redis stopped"
}

status() {
  if running && answers; then
    echo "redis running on 127.0.0.1:$PORT (pid $(cat "$PIDFILE"))"
  else
    echo "redis stopped"
    exit 3
  fi
}

case "${1:-}" in
  install | up | down | status) "$1" ;;
  *)
    echo "usage: $0 install|up|down|status" >&2
    exit 2
    ;;
esac

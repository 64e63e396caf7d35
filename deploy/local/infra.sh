#!/usr/bin/env bash
# Local infrastructure for development and tests: a MongoDB-protocol server, Kafka and Redis.
#   - a variable already set (MONGO_URL, KAFKA_BROKERS, REDIS_URL) means "use that one": nothing is started;
#   - otherwise, with a Docker engine, deploy/compose.yaml runs mongo, kafka and redis containers;
#   - otherwise native processes: FerretDB (SQLite) built with Go, Kafka 4.1 (KRaft) from Maven Central
#     jars, Redis from Debian's packages. Data lives under .data/, tools under .tools/.
# Usage: infra.sh install | up | down | status
# `up` writes the URLs to .data/infra.env; with INFRA_STARTED_FILE set it appends the names of the
# components it started, so a caller can stop exactly those.
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="${DAGWRIGHT_ROOT:-$(cd "$HERE/../.." && pwd)}"
export DAGWRIGHT_ROOT="$ROOT"
export FERRETDB_PORT="${FERRETDB_PORT:-27117}" KAFKA_PORT="${KAFKA_PORT:-19092}" REDIS_PORT="${REDIS_PORT:-16379}"
ENV_FILE="$ROOT/.data/infra.env"

docker_engine() {
  command -v docker >/dev/null && docker info --format '{{.ServerVersion}}' >/dev/null 2>&1
}

# component name -> the variable that, when set, points at an external server instead.
declare -A EXTERNAL=([ferretdb]=MONGO_URL [kafka]=KAFKA_BROKERS [redis]=REDIS_URL)
# component name -> its service in deploy/compose.yaml.
declare -A COMPOSE=([ferretdb]=mongo [kafka]=kafka [redis]=redis)
COMPONENTS=(ferretdb kafka redis)

external() { [[ -n "${!EXTERNAL[$1]:-}" ]]; }

component() {
  local name="$1" action="$2"
  if external "$name"; then
    [[ "$action" == status ]] && echo "$name: external (${EXTERNAL[$name]}=${!EXTERNAL[$name]})"
    return 0
  fi
  if docker_engine; then
    case "$action" in
      install) docker compose -f "$ROOT/deploy/compose.yaml" pull "${COMPOSE[$name]}" ;;
      up) docker compose -f "$ROOT/deploy/compose.yaml" up -d --wait "${COMPOSE[$name]}" ;;
      down) docker compose -f "$ROOT/deploy/compose.yaml" stop "${COMPOSE[$name]}" ;;
      status) docker compose -f "$ROOT/deploy/compose.yaml" ps "${COMPOSE[$name]}" ;;
    esac
    return
  fi
  "$HERE/$name/$name.sh" "$action"
}

write_env() {
  mkdir -p "$ROOT/.data"
  {
    echo "MONGO_URL=${MONGO_URL:-mongodb://127.0.0.1:$FERRETDB_PORT/?directConnection=true}"
    echo "KAFKA_BROKERS=${KAFKA_BROKERS:-127.0.0.1:$KAFKA_PORT}"
    echo "REDIS_URL=${REDIS_URL:-redis://127.0.0.1:$REDIS_PORT}"
  } >"$ENV_FILE"
}

up() {
  local name pids=() failed=0
  for name in "${COMPONENTS[@]}"; do
    if ! external "$name" && ! component "$name" status >/dev/null 2>&1; then
      [[ -n "${INFRA_STARTED_FILE:-}" ]] && echo "$name" >>"$INFRA_STARTED_FILE"
    fi
  done
  # Start all three at once: Kafka takes the longest, the others are ready meanwhile.
  for name in "${COMPONENTS[@]}"; do
    component "$name" up &
    pids+=($!)
  done
  for pid in "${pids[@]}"; do wait "$pid" || failed=1; done
  [[ "$failed" -eq 0 ]] || { echo "infra: some components failed to start" >&2; exit 1; }
  write_env
  echo "infra: ready; URLs in .data/infra.env"
}

down() {
  local name
  for name in "${@:-${COMPONENTS[@]}}"; do component "$name" down; done
}

install() {
  local name pids=() failed=0
  for name in "${COMPONENTS[@]}"; do
    component "$name" install &
    pids+=($!)
  done
  for pid in "${pids[@]}"; do wait "$pid" || failed=1; done
  [[ "$failed" -eq 0 ]] || { echo "infra: install failed" >&2; exit 1; }
}

status() {
  local name rc=0
  for name in "${COMPONENTS[@]}"; do component "$name" status || rc=3; done
  return "$rc"
}

action="${1:-}"
shift || true
case "$action" in
  install | up | status) "$action" ;;
  down) down "$@" ;;
  *)
    echo "usage: $0 install|up|down [component...]|status" >&2
    exit 2
    ;;
esac

#!/usr/bin/env bash
# Local Apache Kafka (KRaft, one combined broker+controller on 127.0.0.1) without Docker.
#
# The broker runs from the Maven Central jars listed in pom.xml next to this file
# (apache.org downloads are not reachable from our machines, Maven Central is).
#
#   kafka.sh install   fetch the jars into $ROOT/.tools/kafka/libs (idempotent)
#   kafka.sh up        install if needed, format storage once, start, wait until ready
#   kafka.sh down      stop the broker started by `up` (only the pid in the pid file)
#   kafka.sh status    print running/stopped; exit 0 when running, 3 when stopped
#
# Environment:
#   DAGWRIGHT_ROOT         repo root (default: three levels above this script)
#   KAFKA_PORT             client listener port (default 19092)
#   KAFKA_CONTROLLER_PORT  KRaft controller port (default 19093)
#   KAFKA_READY_TIMEOUT    seconds `up` waits for the broker (default 120)
#   KAFKA_DATA_ROOT        data, logs and pid file (default $ROOT/.data/kafka)
#
# Needs: bash, java 17+, mvn (install only), coreutils.
set -euo pipefail

SCRIPT_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="${DAGWRIGHT_ROOT:-$(cd "$SCRIPT_DIR/../../.." && pwd)}"

KAFKA_PORT="${KAFKA_PORT:-19092}"
KAFKA_CONTROLLER_PORT="${KAFKA_CONTROLLER_PORT:-19093}"
READY_TIMEOUT="${KAFKA_READY_TIMEOUT:-120}"

LIBS_DIR="$ROOT/.tools/kafka/libs"
STAMP_FILE="$LIBS_DIR/.pom.sha256"
# KAFKA_DATA_ROOT lets a test run a second, private broker (with its own ports) beside the shared one.
DATA_ROOT="${KAFKA_DATA_ROOT:-$ROOT/.data/kafka}"
DATA_DIR="$DATA_ROOT/data"
LOGS_DIR="$DATA_ROOT/logs"
PID_FILE="$DATA_ROOT/kafka.pid"
LOCK_FILE="$DATA_ROOT/kafka.lock"
CONF_FILE="$DATA_ROOT/server.properties"
OUT_FILE="$LOGS_DIR/kafka.out"

POM="$SCRIPT_DIR/pom.xml"
LOG4J_CONF="$SCRIPT_DIR/log4j2.xml"
CONF_TEMPLATE="$SCRIPT_DIR/server.properties"

# A fixed cluster id: the storage is formatted once per data dir anyway, and a
# constant id makes the meta.properties of every dev machine look the same.
# (Generated once with `kafka.tools.StorageTool random-uuid`.)
CLUSTER_ID="3Rpg9O8bQhWNPckIS_24-A"

log() { echo "kafka: $*" >&2; }
die() { log "$*"; exit 1; }

# Serialise install/up/down (two `up`s started at once by parallel test jobs
# must not start two brokers on one data dir). The lock is held on fd 9 until
# this script exits; the broker is started with fd 9 closed so it does not
# inherit (and keep holding) the lock.
take_lock() {
  command -v flock >/dev/null || return 0 # util-linux; without it, no guard
  mkdir -p "$DATA_ROOT"
  exec 9>"$LOCK_FILE"
  flock -w 300 9 || die "timed out waiting for $LOCK_FILE"
}

# ---------------------------------------------------------------------------
# install
# ---------------------------------------------------------------------------

pom_checksum() { sha256sum "$POM" | cut -d' ' -f1; }

installed() {
  [[ -f "$STAMP_FILE" && "$(cat "$STAMP_FILE")" == "$(pom_checksum)" ]]
}

cmd_install() {
  if installed; then
    log "jars already installed in $LIBS_DIR"
    return 0
  fi
  command -v mvn >/dev/null || die "mvn not found (apt-get install maven)"
  command -v java >/dev/null || die "java not found (apt-get install openjdk-17-jre-headless)"

  log "fetching Kafka jars from Maven Central into $LIBS_DIR ..."
  # Copy into a fresh temp dir and swap it in at the end, so an interrupted
  # install never leaves a half-filled libs dir that looks complete, and jars of
  # an older pom version do not linger on the classpath.
  local tmp="$LIBS_DIR.tmp.$$"
  rm -rf "$tmp"
  mkdir -p "$tmp"
  # Output goes to a file and is shown only on failure: Maven 3.8's -q still
  # prints stray ANSI reset codes on success.
  local mvn_log="$tmp.mvn.log"
  if ! mvn -q -B -f "$POM" dependency:copy-dependencies \
        -DincludeScope=runtime -DoutputDirectory="$tmp" >"$mvn_log" 2>&1; then
    cat "$mvn_log" >&2
    rm -rf "$tmp" "$mvn_log"
    die "mvn dependency:copy-dependencies failed"
  fi
  rm -f "$mvn_log"
  pom_checksum >"$tmp/.pom.sha256"
  rm -rf "$LIBS_DIR"
  mv "$tmp" "$LIBS_DIR"
  log "installed $(find "$LIBS_DIR" -name '*.jar' | wc -l) jars"
}

# ---------------------------------------------------------------------------
# process helpers
# ---------------------------------------------------------------------------

# Pid from the pid file, or nothing.
read_pid() {
  [[ -f "$PID_FILE" ]] || return 0
  tr -dc '0-9' <"$PID_FILE"
}

# True when $1 is a live process that is our broker (guards against a stale
# pid file whose number has been reused by an unrelated process).
is_our_broker() {
  local pid="$1"
  [[ -n "$pid" ]] || return 1
  kill -0 "$pid" 2>/dev/null || return 1
  tr '\0' ' ' <"/proc/$pid/cmdline" 2>/dev/null | grep -q 'kafka\.Kafka'
}

# True when something accepts TCP connections on 127.0.0.1:$1.
port_open() {
  timeout 2 bash -c "exec 3<>/dev/tcp/127.0.0.1/$1" 2>/dev/null
}

print_log_tail() {
  log "---- last 50 lines of $LOGS_DIR/server.log ----"
  tail -n 50 "$LOGS_DIR/server.log" >&2 2>/dev/null || true
  log "---- last 50 lines of $OUT_FILE ----"
  tail -n 50 "$OUT_FILE" >&2 2>/dev/null || true
}

# Wait until the broker is ready: the process lives, the client port accepts
# connections AND "Kafka Server started" was logged. The port alone is not
# enough: the socket is bound early, while the broker is still catching up
# with the metadata log and fenced. KafkaRaftServer logs that line only after
# the broker is unfenced and serving. log4j2.xml routes it to kafka.out,
# which is truncated on each start, so it is never a leftover from a previous run.
wait_ready() {
  local pid="$1" deadline=$((SECONDS + READY_TIMEOUT))
  while ((SECONDS < deadline)); do
    if ! kill -0 "$pid" 2>/dev/null; then
      log "broker process $pid exited during startup"
      return 1
    fi
    if grep -q 'Kafka Server started' "$OUT_FILE" 2>/dev/null && port_open "$KAFKA_PORT"; then
      return 0
    fi
    sleep 0.5
  done
  log "broker not ready after ${READY_TIMEOUT}s"
  return 1
}

# ---------------------------------------------------------------------------
# up
# ---------------------------------------------------------------------------

render_config() {
  # Re-rendered on every start so changed ports apply to existing data.
  sed -e "s|\${KAFKA_PORT}|$KAFKA_PORT|g" \
      -e "s|\${KAFKA_CONTROLLER_PORT}|$KAFKA_CONTROLLER_PORT|g" \
      -e "s|\${KAFKA_DATA_DIR}|$DATA_ROOT|g" \
      "$CONF_TEMPLATE" >"$CONF_FILE"
}

# Common JVM options for the formatter and the broker.
jvm_common() {
  printf '%s\n' \
    "-Dlog4j2.configurationFile=$LOG4J_CONF" \
    "-Dkafka.logs.dir=$LOGS_DIR" \
    "-Djava.awt.headless=true"
}

format_storage_once() {
  # KRaft needs a formatted log dir (meta.properties + bootstrap checkpoint).
  # Formatting again would fail or wipe the cluster identity, so only do it
  # for a fresh data dir.
  if [[ -f "$DATA_DIR/meta.properties" ]]; then
    return 0
  fi
  log "formatting storage in $DATA_DIR (cluster id $CLUSTER_ID)"
  local -a opts
  mapfile -t opts < <(jvm_common)
  # Static controller.quorum.voters => no --standalone (that flag is for the
  # dynamic quorum configured via controller.quorum.bootstrap.servers).
  java -Xmx256m "${opts[@]}" -cp "$LIBS_DIR/*" kafka.tools.StorageTool \
    format --cluster-id "$CLUSTER_ID" --config "$CONF_FILE" --ignore-formatted >&2 \
    || die "storage format failed"
}

cmd_up() {
  local pid
  pid="$(read_pid)"
  if is_our_broker "$pid"; then
    if port_open "$KAFKA_PORT"; then
      echo "kafka already running (pid $pid) on 127.0.0.1:$KAFKA_PORT"
      return 0
    fi
    # Alive but not answering yet: most likely another `up` is still starting
    # it. Wait for it instead of starting a second broker on the same data.
    log "broker (pid $pid) is starting; waiting"
    if wait_ready "$pid"; then
      echo "kafka ready on 127.0.0.1:$KAFKA_PORT"
      return 0
    fi
    print_log_tail
    exit 1
  fi
  rm -f "$PID_FILE"

  installed || cmd_install

  for p in "$KAFKA_PORT" "$KAFKA_CONTROLLER_PORT"; do
    if port_open "$p"; then
      die "port $p is already in use by another process (set KAFKA_PORT / KAFKA_CONTROLLER_PORT)"
    fi
  done

  mkdir -p "$DATA_DIR" "$LOGS_DIR"
  render_config
  format_storage_once

  local -a opts
  mapfile -t opts < <(jvm_common)
  # Heap well under 1 GiB; G1 with Kafka's own default flags (kafka-run-class.sh).
  # ExitOnOutOfMemoryError: a dead broker is easier to notice than a wedged one.
  : >"$OUT_FILE"
  nohup java \
    -Xms256m -Xmx768m \
    -XX:+UseG1GC -XX:MaxGCPauseMillis=20 -XX:InitiatingHeapOccupancyPercent=35 \
    -XX:+ExplicitGCInvokesConcurrent -XX:MaxInlineLevel=15 \
    -XX:+ExitOnOutOfMemoryError \
    "${opts[@]}" \
    -cp "$LIBS_DIR/*" kafka.Kafka "$CONF_FILE" \
    >>"$OUT_FILE" 2>&1 </dev/null 9>&- &
  pid=$!
  echo "$pid" >"$PID_FILE"
  log "started broker (pid $pid), waiting up to ${READY_TIMEOUT}s; logs in $LOGS_DIR"

  if wait_ready "$pid"; then
    echo "kafka ready on 127.0.0.1:$KAFKA_PORT"
    return 0
  fi
  print_log_tail
  # Do not leave a half-started broker behind holding the ports and data dir.
  stop_pid "$pid"
  rm -f "$PID_FILE"
  exit 1
}

# ---------------------------------------------------------------------------
# down / status
# ---------------------------------------------------------------------------

# SIGTERM (Kafka shuts down cleanly, which avoids log recovery on the next
# start), then SIGKILL after 30 s.
stop_pid() {
  local pid="$1" i
  kill -TERM "$pid" 2>/dev/null || return 0
  for ((i = 0; i < 60; i++)); do
    kill -0 "$pid" 2>/dev/null || return 0
    sleep 0.5
  done
  log "broker (pid $pid) still running after 30s; sending SIGKILL"
  kill -KILL "$pid" 2>/dev/null || true
  for ((i = 0; i < 20; i++)); do
    kill -0 "$pid" 2>/dev/null || return 0
    sleep 0.25
  done
  die "could not stop pid $pid"
}

cmd_down() {
  local pid
  pid="$(read_pid)"
  if ! is_our_broker "$pid"; then
    rm -f "$PID_FILE"
    echo "kafka not running"
    return 0
  fi
  log "stopping broker (pid $pid)"
  stop_pid "$pid"
  rm -f "$PID_FILE"
  echo "kafka stopped"
}

cmd_status() {
  local pid
  pid="$(read_pid)"
  if is_our_broker "$pid"; then
    if port_open "$KAFKA_PORT"; then
      echo "kafka running (pid $pid) on 127.0.0.1:$KAFKA_PORT"
    else
      echo "kafka running (pid $pid), port $KAFKA_PORT not answering yet"
    fi
    return 0
  fi
  echo "kafka stopped"
  return 3
}

usage() {
  echo "usage: $(basename "$0") install|up|down|status" >&2
  exit 2
}

case "${1:-}" in
  install) take_lock; cmd_install ;;
  up) take_lock; cmd_up ;;
  down) take_lock; cmd_down ;;
  status) cmd_status ;;
  *) usage ;;
esac

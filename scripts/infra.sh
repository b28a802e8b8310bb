#!/usr/bin/env bash
# Local infrastructure without Docker: Apache Kafka (KRaft, single node, fetched
# from Maven Central), plus the machine's PostgreSQL and Redis.
#
#   bash scripts/infra.sh up       start/verify everything (idempotent; run it twice, nothing happens)
#   bash scripts/infra.sh down     stop Kafka (PostgreSQL/Redis belong to the machine and stay up)
#   bash scripts/infra.sh status   one line per component
#   bash scripts/infra.sh reset    stop Kafka and delete its data (fresh cluster on next `up`)
#   bash scripts/infra.sh topics ARGS...   run Kafka's TopicCommand against the local broker,
#                                          e.g. `topics --list`, `topics --describe --topic x`
#
# All runtime data lives in <repo>/.infra/ (git-ignored):
#   .infra/kafka/lib/         Kafka jars (cached; re-fetched only when KAFKA_VERSION changes)
#   .infra/kafka/data/        KRaft metadata + topic logs
#   .infra/kafka/logs/        server.log, kafka.out (stdout/stderr), ...
#   .infra/kafka/kafka.pid    broker pid
#
# Environment overrides (defaults in brackets):
#   KAFKA_VERSION [3.9.1]  KAFKA_HEAP [-Xms256m -Xmx512m]  KAFKA_JVM_OPTS [G1 flags]
#   KAFKA_PORT [9092]  KAFKA_CONTROLLER_PORT [9093]  KAFKA_START_TIMEOUT [90]  KAFKA_STOP_TIMEOUT [30]
#   PGHOST [127.0.0.1]  PGPORT [5432]  PGUSER [postgres]  REDIS_HOST [127.0.0.1]  REDIS_PORT [6379]
#   INFRA_DIR [<repo>/.infra]  INFRA_DATABASES [see below]
set -euo pipefail

# One database per service; every name also gets a "<name>_test" twin.
INFRA_DATABASES="${INFRA_DATABASES:-akimat_appeals akimat_routing akimat_notifications akimat_stats}"

SCRIPT_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$SCRIPT_DIR/.." && pwd)"
INFRA_DIR="${INFRA_DIR:-$ROOT/.infra}"

KAFKA_VERSION="${KAFKA_VERSION:-3.9.1}"
KAFKA_HEAP="${KAFKA_HEAP:--Xms256m -Xmx512m}"
KAFKA_JVM_OPTS="${KAFKA_JVM_OPTS:--server -XX:+UseG1GC -XX:MaxGCPauseMillis=20 -XX:InitiatingHeapOccupancyPercent=35 -XX:+ExplicitGCInvokesConcurrent -XX:MaxInlineLevel=15 -Djava.awt.headless=true}"
KAFKA_PORT="${KAFKA_PORT:-9092}"
KAFKA_CONTROLLER_PORT="${KAFKA_CONTROLLER_PORT:-9093}"
KAFKA_START_TIMEOUT="${KAFKA_START_TIMEOUT:-90}"
KAFKA_STOP_TIMEOUT="${KAFKA_STOP_TIMEOUT:-30}"

export PGHOST="${PGHOST:-127.0.0.1}"
export PGPORT="${PGPORT:-5432}"
export PGUSER="${PGUSER:-postgres}"
REDIS_HOST="${REDIS_HOST:-127.0.0.1}"
REDIS_PORT="${REDIS_PORT:-6379}"

KAFKA_SRC="$SCRIPT_DIR/kafka"
KAFKA_HOME="$INFRA_DIR/kafka"
KAFKA_LIB="$KAFKA_HOME/lib"
KAFKA_DATA="$KAFKA_HOME/data"
KAFKA_LOGS="$KAFKA_HOME/logs"
KAFKA_CONF="$KAFKA_HOME/server.properties"
KAFKA_ADMIN_CONF="$KAFKA_HOME/admin.properties"
KAFKA_PIDFILE="$KAFKA_HOME/kafka.pid"
KAFKA_CLUSTER_ID_FILE="$KAFKA_HOME/cluster.id"
KAFKA_BOOTSTRAP="127.0.0.1:$KAFKA_PORT"

log() { printf '[infra] %s\n' "$*"; }
die() { printf '[infra] ERROR: %s\n' "$*" >&2; exit 1; }
is_local_host() { [[ "$1" == "127.0.0.1" || "$1" == "localhost" || "$1" == "::1" ]]; }

# Succeeds when something accepts TCP connections on host:port.
port_open() { timeout 2 bash -c "exec 3<>/dev/tcp/$1/$2" 2>/dev/null; }

# Serialise up/down/reset (e.g. parallel test targets calling `up`).
take_lock() {
  mkdir -p "$INFRA_DIR"
  exec 9>"$INFRA_DIR/infra.lock"
  flock -w 300 9 || die "another infra.sh holds $INFRA_DIR/infra.lock"
}

# ----------------------------------------------------------------------------- Kafka

need_java() {
  command -v java >/dev/null || die "java not found (Kafka needs Java 11+; 17 recommended)"
}

ensure_kafka_lib() {
  if [[ -f "$KAFKA_LIB/.version" && "$(cat "$KAFKA_LIB/.version")" == "$KAFKA_VERSION" \
        && -f "$KAFKA_LIB/kafka_2.13-$KAFKA_VERSION.jar" ]]; then
    return 0
  fi
  command -v mvn >/dev/null || die "mvn not found: needed once to fetch Kafka $KAFKA_VERSION from Maven Central"
  log "kafka: fetching org.apache.kafka:kafka_2.13:$KAFKA_VERSION + runtime deps from Maven Central ..."
  local tmp="$KAFKA_LIB.tmp.$$"
  rm -rf "$tmp"
  # Maven 3.8 prints stray ANSI resets even with -B -q: strip them, keep real errors
  if ! mvn -B -q -Dstyle.color=never -f "$KAFKA_SRC/pom.xml" \
        -Dkafka.version="$KAFKA_VERSION" \
        dependency:copy-dependencies -DincludeScope=runtime -DoutputDirectory="$tmp" 2>&1 \
      | sed -e $'s/\x1b\\[[0-9;]*m//g' -e '/^[[:space:]]*$/d' >&2; then
    rm -rf "$tmp"
    die "mvn could not resolve Kafka $KAFKA_VERSION (see errors above)"
  fi
  [[ -f "$tmp/kafka_2.13-$KAFKA_VERSION.jar" ]] || { rm -rf "$tmp"; die "kafka_2.13-$KAFKA_VERSION.jar missing after mvn"; }
  echo "$KAFKA_VERSION" >"$tmp/.version"
  rm -rf "$KAFKA_LIB"
  mv "$tmp" "$KAFKA_LIB"
  log "kafka: $(find "$KAFKA_LIB" -name '*.jar' | wc -l) jars in ${KAFKA_LIB#"$ROOT"/}"
}

# Run a Kafka class (tool) on the cached classpath; quiet logging, small fast JVM.
kafka_tool_opts() {
  KAFKA_TOOL_OPTS=(-Xmx256m -XX:TieredStopAtLevel=1 -XX:+UseSerialGC
    "-Dlog4j.configuration=file:$KAFKA_SRC/tools-log4j.properties" -cp "$KAFKA_LIB/*")
}
kafka_java() { kafka_tool_opts; java "${KAFKA_TOOL_OPTS[@]}" "$@"; }

sed_escape() { printf '%s' "$1" | sed -e 's/[|&\\]/\\&/g'; }

write_kafka_config() {
  mkdir -p "$KAFKA_DATA" "$KAFKA_LOGS"
  sed -e "s|@KAFKA_DATA_DIR@|$(sed_escape "$KAFKA_DATA")|g" \
      -e "s|@KAFKA_PORT@|$KAFKA_PORT|g" \
      -e "s|@KAFKA_CONTROLLER_PORT@|$KAFKA_CONTROLLER_PORT|g" \
      "$KAFKA_SRC/server.properties" >"$KAFKA_CONF.tmp"
  mv "$KAFKA_CONF.tmp" "$KAFKA_CONF"
  # short timeouts so a readiness probe fails fast instead of retrying for 60 s
  printf 'request.timeout.ms=5000\ndefault.api.timeout.ms=10000\n' >"$KAFKA_ADMIN_CONF"
}

format_kafka_storage() {
  [[ -f "$KAFKA_DATA/meta.properties" ]] && return 0
  if [[ ! -s "$KAFKA_CLUSTER_ID_FILE" ]]; then
    kafka_java kafka.tools.StorageTool random-uuid | tr -d '[:space:]' >"$KAFKA_CLUSTER_ID_FILE"
  fi
  local out
  if ! out="$(kafka_java kafka.tools.StorageTool format -t "$(cat "$KAFKA_CLUSTER_ID_FILE")" -c "$KAFKA_CONF" 2>&1)"; then
    printf '%s\n' "$out" >&2
    die "kafka: storage format failed"
  fi
  log "kafka: formatted KRaft storage (cluster id $(cat "$KAFKA_CLUSTER_ID_FILE"))"
}

# Prints the broker pid if our broker runs.
kafka_pid() {
  local pid
  if [[ -f "$KAFKA_PIDFILE" ]]; then
    pid="$(cat "$KAFKA_PIDFILE" 2>/dev/null || true)"
    if [[ "$pid" =~ ^[0-9]+$ ]] && [[ -r "/proc/$pid/cmdline" ]] \
        && tr '\0' ' ' <"/proc/$pid/cmdline" | grep -q "kafka.Kafka $KAFKA_CONF"; then
      echo "$pid"
      return 0
    fi
  fi
  return 1
}

# Broker really serves clients: lists topics through the Admin API.
kafka_ready() {
  port_open 127.0.0.1 "$KAFKA_PORT" || return 1
  kafka_tool_opts
  timeout 30 java "${KAFKA_TOOL_OPTS[@]}" org.apache.kafka.tools.TopicCommand \
    --bootstrap-server "$KAFKA_BOOTSTRAP" --command-config "$KAFKA_ADMIN_CONF" --list >/dev/null 2>&1
}

# After each broker start: make the first client of a test run fast and deterministic.
#  - one idempotent produce: the broker fetches its first producer-id block from the
#    controller (otherwise the first InitProducerId answers COORDINATOR_LOAD_IN_PROGRESS);
#  - one group lookup: creates/loads __consumer_offsets (otherwise the first consumer
#    sees "group coordinator is not available" for a moment).
# Best effort: failures here do not fail `up`.
kafka_warmup() {
  kafka_tool_opts
  echo "warmup $(date +%s)" | timeout 60 java "${KAFKA_TOOL_OPTS[@]}" kafka.tools.ConsoleProducer \
    --bootstrap-server "$KAFKA_BOOTSTRAP" --topic infra-warmup \
    --producer-property enable.idempotence=true --producer-property acks=all >/dev/null 2>&1 || true
  timeout 60 java "${KAFKA_TOOL_OPTS[@]}" org.apache.kafka.tools.consumer.group.ConsumerGroupCommand \
    --bootstrap-server "$KAFKA_BOOTSTRAP" --command-config "$KAFKA_ADMIN_CONF" \
    --describe --group infra-warmup >/dev/null 2>&1 || true
}

kafka_fail_logs() {
  {
    echo "---- tail ${KAFKA_LOGS#"$ROOT"/}/kafka.out ----"; tail -n 30 "$KAFKA_LOGS/kafka.out" 2>/dev/null || true
    echo "---- tail ${KAFKA_LOGS#"$ROOT"/}/server.log ----"; tail -n 30 "$KAFKA_LOGS/server.log" 2>/dev/null || true
  } >&2
}

kafka_up() {
  need_java
  mkdir -p "$KAFKA_HOME"
  local pid started
  if pid="$(kafka_pid)"; then
    if kafka_ready; then
      log "kafka: already running (pid $pid, $KAFKA_BOOTSTRAP, v$(cat "$KAFKA_LIB/.version" 2>/dev/null || echo '?'))"
      return 0
    fi
    log "kafka: pid $pid is running but not ready yet, waiting ..."
  else
    rm -f "$KAFKA_PIDFILE"
    if port_open 127.0.0.1 "$KAFKA_PORT" || port_open 127.0.0.1 "$KAFKA_CONTROLLER_PORT"; then
      die "kafka: port $KAFKA_PORT or $KAFKA_CONTROLLER_PORT is taken by a process this script did not start ($(ss -ltnp 2>/dev/null | grep -E ":($KAFKA_PORT|$KAFKA_CONTROLLER_PORT)\b" | sed 's/  */ /g' | head -2 | tr '\n' ';'))"
    fi
    ensure_kafka_lib
    write_kafka_config
    format_kafka_storage
    # setsid: survive the caller's process group; 9>&- : do not inherit the lock fd
    # shellcheck disable=SC2086
    nohup setsid java $KAFKA_HEAP $KAFKA_JVM_OPTS \
      -Dlog4j.configuration="file:$KAFKA_SRC/log4j.properties" \
      -Dkafka.logs.dir="$KAFKA_LOGS" \
      -cp "$KAFKA_LIB/*" kafka.Kafka "$KAFKA_CONF" \
      >"$KAFKA_LOGS/kafka.out" 2>&1 </dev/null 9>&- &
    pid=$!
    echo "$pid" >"$KAFKA_PIDFILE"
  fi
  started=$SECONDS
  while true; do
    if ! kill -0 "$pid" 2>/dev/null; then
      rm -f "$KAFKA_PIDFILE"
      kafka_fail_logs
      die "kafka: broker exited during start-up"
    fi
    if kafka_ready; then
      kafka_warmup
      log "kafka: up (pid $pid, $KAFKA_BOOTSTRAP, v$KAFKA_VERSION, ready after $((SECONDS - started))s)"
      return 0
    fi
    if (( SECONDS - started >= KAFKA_START_TIMEOUT )); then
      kafka_fail_logs
      die "kafka: not ready after ${KAFKA_START_TIMEOUT}s (pid $pid still running; see ${KAFKA_LOGS#"$ROOT"/})"
    fi
    sleep 1
  done
}

kafka_down() {
  local pid i
  if ! pid="$(kafka_pid)"; then
    rm -f "$KAFKA_PIDFILE"
    log "kafka: not running"
    return 0
  fi
  kill -TERM "$pid" 2>/dev/null || true
  for ((i = 0; i < KAFKA_STOP_TIMEOUT; i++)); do
    kill -0 "$pid" 2>/dev/null || break
    sleep 1
  done
  if kill -0 "$pid" 2>/dev/null; then
    kill -KILL "$pid" 2>/dev/null || true
    sleep 1
    log "kafka: pid $pid did not stop within ${KAFKA_STOP_TIMEOUT}s, killed (SIGKILL)"
  else
    log "kafka: stopped (pid $pid, ${i}s)"
  fi
  rm -f "$KAFKA_PIDFILE"
}

kafka_status() {
  local pid
  if pid="$(kafka_pid)"; then
    if port_open 127.0.0.1 "$KAFKA_PORT"; then
      log "kafka: running (pid $pid, $KAFKA_BOOTSTRAP answering, v$(cat "$KAFKA_LIB/.version" 2>/dev/null || echo '?'))"
    else
      log "kafka: pid $pid alive but $KAFKA_BOOTSTRAP not answering (starting or stuck; see ${KAFKA_LOGS#"$ROOT"/}/server.log)"
    fi
  elif port_open 127.0.0.1 "$KAFKA_PORT"; then
    log "kafka: not started by this script, but $KAFKA_BOOTSTRAP answers (foreign process)"
  else
    log "kafka: not running"
  fi
}

# ----------------------------------------------------------------------------- PostgreSQL

pg_up() {
  if ! pg_isready -h "$PGHOST" -p "$PGPORT" -q; then
    is_local_host "$PGHOST" || die "postgres: $PGHOST:$PGPORT not answering (remote host: not starting it)"
    log "postgres: not answering, starting the local cluster ..."
    # shellcheck disable=SC2046
    pg_ctlcluster --skip-systemctl-redirect $(ls /etc/postgresql) main start
    local i
    for ((i = 0; i < 30; i++)); do
      pg_isready -h "$PGHOST" -p "$PGPORT" -q && break
      sleep 1
    done
    pg_isready -h "$PGHOST" -p "$PGPORT" -q || die "postgres: still not answering on $PGHOST:$PGPORT"
  fi
  local db name created=()
  for name in $INFRA_DATABASES; do
    for db in "$name" "${name}_test"; do
      if [[ "$(psql -h "$PGHOST" -p "$PGPORT" -U "$PGUSER" -d postgres -XtAqc \
                "SELECT 1 FROM pg_database WHERE datname = '$db'")" != "1" ]]; then
        # tolerate a concurrent creator: re-check on failure
        psql -h "$PGHOST" -p "$PGPORT" -U "$PGUSER" -d postgres -Xq -v ON_ERROR_STOP=1 \
             -c "CREATE DATABASE \"$db\"" >/dev/null 2>&1 \
          || [[ "$(psql -h "$PGHOST" -p "$PGPORT" -U "$PGUSER" -d postgres -XtAqc \
                   "SELECT 1 FROM pg_database WHERE datname = '$db'")" == "1" ]] \
          || die "postgres: could not create database $db"
        created+=("$db")
      fi
    done
  done
  local count=$(( $(wc -w <<<"$INFRA_DATABASES") * 2 ))
  if ((${#created[@]})); then
    log "postgres: up ($PGHOST:$PGPORT, user $PGUSER; $count databases ok, created: ${created[*]})"
  else
    log "postgres: up ($PGHOST:$PGPORT, user $PGUSER; $count databases ok)"
  fi
}

pg_status() {
  if pg_isready -h "$PGHOST" -p "$PGPORT" -q; then
    local name db missing=()
    for name in $INFRA_DATABASES; do
      for db in "$name" "${name}_test"; do
        [[ "$(psql -h "$PGHOST" -p "$PGPORT" -U "$PGUSER" -d postgres -XtAqc \
              "SELECT 1 FROM pg_database WHERE datname = '$db'" 2>/dev/null)" == "1" ]] || missing+=("$db")
      done
    done
    if ((${#missing[@]})); then
      log "postgres: running ($PGHOST:$PGPORT), missing databases: ${missing[*]} (run: infra.sh up)"
    else
      log "postgres: running ($PGHOST:$PGPORT, all $(( $(wc -w <<<"$INFRA_DATABASES") * 2 )) databases present)"
    fi
  else
    log "postgres: not answering on $PGHOST:$PGPORT"
  fi
}

# ----------------------------------------------------------------------------- Redis

redis_ping() { [[ "$(redis-cli -h "$REDIS_HOST" -p "$REDIS_PORT" ping 2>/dev/null)" == "PONG" ]]; }

redis_up() {
  if ! redis_ping; then
    is_local_host "$REDIS_HOST" || die "redis: $REDIS_HOST:$REDIS_PORT not answering (remote host: not starting it)"
    log "redis: not answering, starting redis-server ..."
    mkdir -p /var/lib/redis /var/log/redis
    redis-server --daemonize yes --bind 127.0.0.1 -::1 --port 6379 --save "" --appendonly no --dir /var/lib/redis --logfile /var/log/redis/ci.log
    local i
    for ((i = 0; i < 20; i++)); do redis_ping && break; sleep 0.5; done
    redis_ping || die "redis: still not answering on $REDIS_HOST:$REDIS_PORT (see /var/log/redis/ci.log)"
  fi
  # BullMQ refuses to work safely with evicting policies
  [[ "$(redis-cli -h "$REDIS_HOST" -p "$REDIS_PORT" CONFIG SET maxmemory-policy noeviction)" == "OK" ]] \
    || die "redis: CONFIG SET maxmemory-policy noeviction failed"
  log "redis: up ($REDIS_HOST:$REDIS_PORT, maxmemory-policy=noeviction)"
}

redis_status() {
  if redis_ping; then
    local policy
    policy="$(redis-cli -h "$REDIS_HOST" -p "$REDIS_PORT" CONFIG GET maxmemory-policy 2>/dev/null | sed -n 2p)"
    log "redis: running ($REDIS_HOST:$REDIS_PORT, maxmemory-policy=${policy:-?})"
  else
    log "redis: not answering on $REDIS_HOST:$REDIS_PORT"
  fi
}

# ----------------------------------------------------------------------------- main

usage() {
  sed -n '2,22p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'
}

cmd="${1:-}"
[[ $# -gt 0 ]] && shift
case "$cmd" in
  up)
    take_lock
    pg_up
    redis_up
    kafka_up
    ;;
  down)
    take_lock
    kafka_down
    ;;
  status)
    kafka_status
    pg_status
    redis_status
    ;;
  reset)
    take_lock
    kafka_down
    rm -rf "$KAFKA_DATA" "$KAFKA_CLUSTER_ID_FILE"
    log "kafka: data deleted (${KAFKA_DATA#"$ROOT"/}); next 'up' formats a fresh cluster"
    ;;
  topics)
    need_java
    [[ -d "$KAFKA_LIB" ]] || die "kafka: no jars yet, run: bash scripts/infra.sh up"
    kafka_java org.apache.kafka.tools.TopicCommand --bootstrap-server "$KAFKA_BOOTSTRAP" "$@"
    ;;
  -h | --help | help)
    usage
    ;;
  *)
    usage >&2
    exit 2
    ;;
esac

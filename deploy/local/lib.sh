# Shared by up, down and smoke: where things live and how processes are started and stopped.
# shellcheck shell=bash

LOCAL_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT_DIR="$(cd "$LOCAL_DIR/../.." && pwd)"
RUN_DIR="$LOCAL_DIR/run"
LOG_DIR="$RUN_DIR/logs"
PID_DIR="$RUN_DIR/pids"
KEY_DIR="$LOCAL_DIR/keys"

KAFKA_PORT=9092
KAFKA_CONTROLLER_PORT=9093
KAFKA_BOOTSTRAP="127.0.0.1:$KAFKA_PORT"
# the PostgreSQL up uses when it answers (BORDERFLOW_LOCAL_PG_PORT overrides, e.g. to try the embedded one)
LOCAL_PG_PORT="${BORDERFLOW_LOCAL_PG_PORT:-5432}"
# an embedded PostgreSQL never takes 5432, so a system PostgreSQL started later still finds its port free
EMBEDDED_PG_PORT=5433
ISSUER="https://borderflow.local"
# name:port (the module directory has the same name), in start order
SERVICES=("shipment-ingest:8081" "delay-analyzer:8082" "alert-service:8083")
# up --replicas 2 starts a second instance of each service, named <module>-2, on its port + 10
MAX_REPLICAS=2
REPLICA_PORT_STEP=10

# instances N: instance:module:port:replica of every service instance up to N replicas, in start order
instances() {
  local replicas="$1" replica entry
  for ((replica = 1; replica <= replicas; replica++)); do
    for entry in "${SERVICES[@]}"; do
      local module="${entry%%:*}" port="${entry##*:}"
      if ((replica == 1)); then
        echo "$module:$module:$port:1"
      else
        echo "$module-$replica:$module:$((port + (replica - 1) * REPLICA_PORT_STEP)):$replica"
      fi
    done
  done
}
mapfile -t ALL_INSTANCES < <(instances "$MAX_REPLICAS")
# the recorded CBP Border Wait Times snapshots, served by tools/CbpFeed.java unless up gets --cbp-url
CBP_FEED_PORT=8084
# every process of the local stack, by the name its pid file has
STACK_PROCESSES=(simulator "${ALL_INSTANCES[@]%%:*}" cbp-feed kafka)

if [[ -t 1 ]]; then BOLD=$'\033[1m' RED=$'\033[31m' PLAIN=$'\033[0m'; else BOLD="" RED="" PLAIN=""; fi
say() { printf '%s==> %s%s\n' "$BOLD" "$*" "$PLAIN"; }
die() { printf '%serror: %s%s\n' "$RED" "$*" "$PLAIN" >&2; exit 1; }

# true when something accepts TCP connections on 127.0.0.1:$1
port_answers() {
  (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null
}

pid_of() {
  [[ -f "$PID_DIR/$1.pid" ]] && cat "$PID_DIR/$1.pid"
}

alive() {
  local pid
  pid="$(pid_of "$1")" && [[ -n "$pid" ]] && kill -0 "$pid" 2>/dev/null
}

# prints the first process of the local stack that runs; false when none does
running_part() {
  local name
  for name in "${STACK_PROCESSES[@]}"; do
    alive "$name" && { echo "$name"; return 0; }
  done
  return 1
}

# start NAME LOGFILE COMMAND...: in its own session (Ctrl-C in the terminal reaches only up, which then stops
# everything in order), pid recorded in run/pids/NAME.pid
start_process() {
  local name="$1" log="$2"
  shift 2
  mkdir -p "$PID_DIR" "$LOG_DIR"
  setsid "$@" >>"$log" 2>&1 </dev/null &
  echo $! >"$PID_DIR/$name.pid"
}

# stop NAME [SECONDS]: SIGTERM, wait for a clean exit, SIGKILL after the grace period
stop_process() {
  local name="$1" grace="${2:-30}" pid
  pid="$(pid_of "$name")" || return 0
  if [[ -n "$pid" ]] && kill -0 "$pid" 2>/dev/null; then
    printf '    stopping %s (pid %s)' "$name" "$pid"
    kill -TERM "$pid" 2>/dev/null || true
    for ((i = 0; i < grace * 4; i++)); do
      kill -0 "$pid" 2>/dev/null || break
      sleep 0.25
    done
    if kill -0 "$pid" 2>/dev/null; then
      printf ' — still running after %ss, killing' "$grace"
      kill -KILL "$pid" 2>/dev/null || true
    fi
    echo
  fi
  rm -f "$PID_DIR/$name.pid"
}

# start_instance INSTANCE:MODULE:PORT:REPLICA: one service instance against the stack's Kafka, PostgreSQL and CBP
# feed (the port and URL up wrote to run/pg-port and run/cbp-url); its log is run/logs/INSTANCE.log, emptied first
start_instance() {
  local instance module port replica
  IFS=: read -r instance module port replica <<<"$1"
  : >"$LOG_DIR/$instance.log"
  # each analyzer instance has its own state directory and static member id (delay-analyzer-0, -1: the names a
  # StatefulSet's pods have)
  start_process "$instance" "$LOG_DIR/$instance.log" env \
    QUARKUS_HTTP_PORT="$port" \
    KAFKA_BOOTSTRAP_SERVERS="$KAFKA_BOOTSTRAP" \
    QUARKUS_KAFKA_STREAMS_BOOTSTRAP_SERVERS="$KAFKA_BOOTSTRAP" \
    BORDERFLOW_ANALYZER_STATE_DIR="$RUN_DIR/analyzer-state${instance#"$module"}" \
    BORDERFLOW_ANALYZER_INSTANCE_ID="$module-$((replica - 1))" \
    QUARKUS_DATASOURCE_USERNAME=postgres \
    QUARKUS_DATASOURCE_PASSWORD= \
    QUARKUS_DATASOURCE_REACTIVE_URL="postgresql://127.0.0.1:$(cat "$RUN_DIR/pg-port")/borderflow" \
    QUARKUS_DATASOURCE_JDBC_URL="jdbc:postgresql://127.0.0.1:$(cat "$RUN_DIR/pg-port")/borderflow" \
    MP_JWT_VERIFY_PUBLICKEY_LOCATION="$KEY_DIR/public-key.pem" \
    MP_JWT_VERIFY_ISSUER="$ISSUER" \
    BORDERFLOW_CBP_FEED_URL="$(cat "$RUN_DIR/cbp-url")" \
    "$SERVICE_JAVA" $SERVICE_JAVA_OPTS $(aot_options "$module") ${BORDERFLOW_JAVA_OPTS:-} \
    -jar "$ROOT_DIR/$module/target/quarkus-app/quarkus-run.jar"
}

# AOT caches (JDK 25+, JEP 483/514/515): the classes a service loads and links at start-up, and the JIT's profiles,
# written by one training run per build of the module — started with -XX:AOTCacheOutput, stopped once ready,
# the JVM writing the cache as it exits — then mapped by every start: ingest alone is ready in ~2.5 s instead of
# ~4 s on the 2-core machine (deploy/local/README.md). A start-up-only training keeps the cache's assembly at exit
# short (~20 s; a whole run's profile took over 30 s). BORDERFLOW_AOT=off starts without.
AOT_DIR="$RUN_DIR/aot"
aot_enabled() { ((SERVICE_JAVA_VERSION >= 25)) && [[ "${BORDERFLOW_AOT:-on}" != off ]]; }

# aot_cache MODULE: the cache file for the module's current build (named by its jars' names, sizes and times)
aot_cache() {
  local stamp
  stamp=$(find "$ROOT_DIR/$1/target/quarkus-app" -name '*.jar' -printf '%P %s %T@\n' | sort | cksum | cut -d' ' -f1)
  echo "$AOT_DIR/$1-$stamp.aot"
}

# the AOT option for MODULE: write the cache during a training run (AOT_TRAINING set), else map it when it exists
aot_options() {
  aot_enabled || return 0
  local cache
  cache="$(aot_cache "$1")"
  if [[ -n "${AOT_TRAINING:-}" ]]; then
    echo "-XX:AOTCacheOutput=$cache.part"
  elif [[ -f "$cache" ]]; then
    echo "-XX:AOTCache=$cache"
  fi
}

# aot_train INSTANCE...: a training run of each instance's module that has no cache for its current build, all at
# once against the running broker and database (a start and a stop, like a restart); a run that fails to write
# its cache leaves the module without one, which only costs start-up time
aot_train() {
  aot_enabled || return 0
  local entry instance module todo=()
  for entry in "$@"; do
    IFS=: read -r instance module _ <<<"$entry"
    [[ -f "$(aot_cache "$module")" ]] || todo+=("$entry")
  done
  ((${#todo[@]})) || return 0
  say "AOT caches: a start-up training run of ${todo[*]%%:*} (once per build)"
  mkdir -p "$AOT_DIR"
  for entry in "${todo[@]}"; do
    module="$(cut -d: -f2 <<<"$entry")"
    rm -f "$AOT_DIR/$module"-*.aot "$AOT_DIR/$module"-*.aot.part
    AOT_TRAINING=1 start_instance "$entry"
  done
  for entry in "${todo[@]}"; do
    await_ready "$entry"
  done
  for entry in "${todo[@]}"; do
    IFS=: read -r instance module _ <<<"$entry"
    stop_process "$instance" 120 >/dev/null
    mv "$LOG_DIR/$instance.log" "$LOG_DIR/$instance.aot-training.log"
    if [[ -s "$(aot_cache "$module").part" ]]; then
      mv "$(aot_cache "$module").part" "$(aot_cache "$module")"
      echo "    $module: $(du -m "$(aot_cache "$module")" | cut -f1) MB"
    else
      echo "    $module: no cache written (run/logs/$instance.aot-training.log); it starts without"
    fi
  done
}

# The services run on the JDK the images ship (deploy/images/pom.xml's images.jdk, Temurin 25) when it is installed
# here, else on the default java; BORDERFLOW_JAVA overrides. Sized like a small container: the serial collector and a
# heap that starts small and grows to 512 MB only under load (the default would start at 1/64 of the machine's memory).
SERVICE_JAVA="${BORDERFLOW_JAVA:-$(sed -n 's:.*<images.jdk>\(.*\)</images.jdk>.*:\1:p' "$ROOT_DIR/deploy/images/pom.xml")/bin/java}"
[[ -x "$SERVICE_JAVA" ]] || SERVICE_JAVA=java
SERVICE_JAVA_OPTS="-XX:+UseSerialGC -Xms32m -Xmx512m -XX:+ExitOnOutOfMemoryError"
java_feature() { "$SERVICE_JAVA" -XshowSettings:properties -version 2>&1 | sed -n 's/ *java.specification.version = //p'; }
SERVICE_JAVA_VERSION="$(java_feature)"
if ((SERVICE_JAVA_VERSION >= 25)); then
  SERVICE_JAVA_OPTS+=" -XX:+UseCompactObjectHeaders --enable-native-access=ALL-UNNAMED"
fi

ready() {
  [[ "$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$1/q/health/ready" || true)" == 200 ]]
}

# await_ready INSTANCE:MODULE:PORT:REPLICA: waits up to 5 minutes for the instance's readiness, printing progress;
# dies when it exits or stays not ready
await_ready() {
  local instance port i
  IFS=: read -r instance _ port _ <<<"$1"
  printf '    %-18s http://localhost:%s ' "$instance" "$port"
  for ((i = 0; i < 600; i++)); do
    ready "$port" && break
    if ! alive "$instance"; then
      echo "exited"
      tail -n 30 "$LOG_DIR/$instance.log" >&2
      die "$instance stopped during start-up (run/logs/$instance.log)"
    fi
    ((i % 10 == 9)) && printf '.'
    sleep 0.5
  done
  if ! ready "$port"; then
    echo "not ready"
    curl -s "http://127.0.0.1:$port/q/health/ready" >&2 || true
    die "$instance is not ready after 5 minutes (run/logs/$instance.log)"
  fi
  echo "ready"
}

# the embedded PostgreSQL runs as an unprivileged user when we are root: postgres refuses to run as root
pg_as() {
  if [[ "$(id -u)" == 0 ]]; then
    runuser -u nobody -- "$@"
  else
    "$@"
  fi
}

stop_all() {
  stop_process simulator 15
  for entry in "${ALL_INSTANCES[@]}"; do
    stop_process "${entry%%:*}" 30
  done
  stop_process cbp-feed 10
  stop_process kafka 60
  if [[ -f "$PID_DIR/postgres.embedded" ]]; then
    if [[ -f "$RUN_DIR/pgdata/postmaster.pid" ]]; then
      echo "    stopping embedded PostgreSQL"
      pg_as "$RUN_DIR/pgsql/bin/pg_ctl" -D "$RUN_DIR/pgdata" -m fast -w -t 60 stop >>"$LOG_DIR/postgres.log" 2>&1 || true
    fi
    rm -f "$PID_DIR/postgres.embedded"
  fi
}

# the ingest URLs of the running stack, comma-separated (up records how many replicas it started)
ingest_urls() {
  local replicas instance module port urls=()
  replicas="$(cat "$RUN_DIR/replicas" 2>/dev/null || echo 1)"
  while IFS=: read -r instance module port _; do
    [[ "$module" == shipment-ingest ]] && urls+=("http://127.0.0.1:$port")
  done < <(instances "$replicas")
  (IFS=,; echo "${urls[*]}")
}

# start_simulator [simulator options]: the traffic simulator against the local ingest (every instance), with the
# dev key
start_simulator() {
  : >"$LOG_DIR/simulator.log"
  rm -f "$RUN_DIR/simulator-summary.json"
  start_process simulator "$LOG_DIR/simulator.log" java -Xmx256m -jar "$ROOT_DIR/traffic-simulator/target/traffic-simulator.jar" \
    --ingest-url "$(ingest_urls)" --signing-key "$KEY_DIR/private-key.pem" --issuer "$ISSUER" \
    --summary "$RUN_DIR/simulator-summary.json" "$@"
}

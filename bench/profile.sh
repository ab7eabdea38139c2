#!/usr/bin/env bash
# Profiles the emulator under one workload, the way bench/run.sh loads it: the server pinned to CPU 0 with a
# fixture pool, wrk on CPU 1 replaying SigV4-signed requests, async-profiler (fetched from Maven Central)
# attached after the warm-up. Prints requests/s, CPU time and context switches a request, and writes
# collapsed stacks (one line a stack, for flame graphs or grep) to bench/results/profile-WORKLOAD.collapsed.
#   bench/profile.sh [get|delete|mix|listusers] [USERS]     (build first: bench/run.sh, or the two mvn lines)
#   bench/profile.sh [srp|password] [THREADS]    sign-ins: the emulator jar, the SignIns client (8 threads) on CPU
#                                                1; prints CPU a sign-in and its share in SRP math, token signing
# Settings: WARMUP (s, 60), DURATION (s, 20), PORT (19102).
set -euo pipefail
cd "$(dirname "$0")/.."
WORKLOAD=${1:-mix}
USERS=${2:-1000}
WARMUP=${WARMUP:-60}
DURATION=${DURATION:-20}
PORT=${PORT:-19102}
AP_VERSION=4.1
AP_DIR=bench/target/async-profiler
OUT=bench/results/profile-$WORKLOAD.collapsed

if [ ! -f "$AP_DIR/linux-x64/libasyncProfiler.so" ]; then
  mvn -B -ntp -q dependency:copy -Dartifact=tools.profiler:async-profiler:$AP_VERSION -DoutputDirectory="$AP_DIR"
  (cd "$AP_DIR" && unzip -o -q async-profiler-$AP_VERSION.jar 'linux-x64/*')
fi
LIB=$(realpath "$AP_DIR/linux-x64/libasyncProfiler.so")

if [ "$WORKLOAD" = srp ] || [ "$WORKLOAD" = password ]; then
  THREADS=${2:-8}
  LOG=$(mktemp)
  taskset -c 0 java -Xmx2g -XX:+UseTransparentHugePages -jar target/cognito-emulator.jar --port "$PORT" > "$LOG" 2>&1 &
  SERVER=$!
  trap 'kill $SERVER 2>/dev/null' EXIT
  until curl -sf "http://127.0.0.1:$PORT/health" > /dev/null; do kill -0 $SERVER; sleep 0.2; done
  CLIENT_LOG=$(mktemp)
  taskset -c 1 java -cp bench/target/bench.jar dev.cognitoemulator.bench.SignIns "http://127.0.0.1:$PORT" \
    "$WORKLOAD" "$THREADS" "$WARMUP" "$DURATION" > "$CLIENT_LOG" &
  CLIENT=$!
  until grep -q TIMED "$CLIENT_LOG"; do kill -0 $CLIENT; sleep 0.1; done
  c0=$(awk '{print $14 + $15}' /proc/$SERVER/stat)
  jcmd $SERVER JVMTI.agent_load "$LIB" "\"start,event=ctimer,interval=200us\"" > /dev/null
  wait $CLIENT
  c1=$(awk '{print $14 + $15}' /proc/$SERVER/stat)
  jcmd $SERVER JVMTI.agent_load "$LIB" "\"stop,file=$(realpath -m "$OUT"),collapsed\"" > /dev/null
  grep DONE "$CLIENT_LOG"
  n=$(grep -o "signIns=[0-9]*" "$CLIENT_LOG" | cut -d= -f2)
  echo "CPU a sign-in: $(( (c1 - c0) * 10000 / n )) us"
  # Shares of the CPU samples: the SRP math (domain.Srp), the tokens' RS256 signatures (TokenService.sign).
  awk -v n="$n" '{ k = $NF; total += k; if ($0 ~ /cognitoemulator\/domain\/Srp\./) srp += k;
      if ($0 ~ /TokenService\.sign/) sign += k }
    END { printf "SRP math: %.1f%% of the CPU samples; token signing: %.1f%%; the rest: %.1f%%\n",
      100 * srp / total, 100 * sign / total, 100 * (total - srp - sign) / total }' "$OUT"
  echo "stacks: $OUT"
  exit 0
fi

LOG=$(mktemp)
taskset -c 0 java -Xmx2g -XX:+UseTransparentHugePages -cp bench/target/bench.jar \
  dev.cognitoemulator.bench.BenchServer "$PORT" "$USERS" > "$LOG" 2>&1 &
SERVER=$!
trap 'kill $SERVER 2>/dev/null' EXIT
until grep -q READY "$LOG"; do kill -0 $SERVER; sleep 0.2; done
POOL=$(grep -o "pool=[^ ]*" "$LOG" | cut -d= -f2)
REQUESTS=$(mktemp)
java -cp bench/target/bench.jar dev.cognitoemulator.bench.SignRequests "127.0.0.1:$PORT" "$POOL" "$USERS" \
  "$WORKLOAD" "$REQUESTS" > /dev/null
load() {
  taskset -c 1 wrk -t1 -c32 -d"$1"s --latency -s bench/lua/replay.lua "http://127.0.0.1:$PORT" -- "$REQUESTS"
}
cpu_ticks() { awk '{print $14 + $15}' /proc/$SERVER/stat; }
switches() { cat /proc/$SERVER/task/*/status 2>/dev/null | awk '/ctxt_switches/ {s += $2} END {print s}'; }

load "$WARMUP" > /dev/null
# jcmd reads name=value pairs itself: the agent's options go in quotes.
jcmd $SERVER JVMTI.agent_load "$LIB" "\"start,event=ctimer,interval=200us\"" > /dev/null
c0=$(cpu_ticks); x0=$(switches)
out=$(load "$DURATION")
c1=$(cpu_ticks); x1=$(switches)
jcmd $SERVER JVMTI.agent_load "$LIB" "\"stop,file=$(realpath -m "$OUT"),collapsed\"" > /dev/null
n=$(echo "$out" | grep -o "[0-9]* requests in" | cut -d' ' -f1)
echo "$out" | grep -E "Requests/sec|99%|Non-2xx" || true
echo "CPU a request: $(( (c1 - c0) * 10000000 / n )) ns; context switches a request: $(( (x1 - x0) * 100 / n ))%"
echo "stacks: $OUT"

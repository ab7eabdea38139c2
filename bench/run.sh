#!/usr/bin/env bash
# The benchmark, in one command: builds the emulator and the harness, then runs bench/bench.py (the emulator
# against bare Undertow, same load, same run, SignUp + ConfirmSignUp among the rows; then the pool lifecycle
# against the emulator and cognito-local).
# Needs wrk (Debian: apt-get install -y wrk) and taskset; npm for cognito-local (measured when it installs).
# Settings: see bench/bench.py (WORKLOADS, DURATION, WARMUP, RUNS, CONNECTIONS, SIZES, LIFECYCLES, ...).
#   WORKLOADS=lifecycle bench/run.sh     # the pool lifecycle only, about two minutes
#   WORKLOADS=signup bench/run.sh        # the SignUp + ConfirmSignUp row only, about three minutes
#   WORKLOADS=signin bench/run.sh        # sign-ins a second, SRP and password, about two minutes
#   WORKLOADS=durable bench/run.sh       # the --data-dir rows and start-up on persisted users, about ten minutes
set -euo pipefail
cd "$(dirname "$0")/.."
if [[ ",${WORKLOADS:-throughput}," == *,throughput,* || ",${WORKLOADS:-}," == *,signup,* \
    || ",${WORKLOADS:-}," == *,durable,* ]] \
    && ! command -v wrk >/dev/null; then
  echo "bench: wrk is missing; installing it (apt-get install -y wrk)" >&2
  apt-get install -y wrk >/dev/null || { apt-get update >/dev/null && apt-get install -y wrk >/dev/null; }
fi
mvn -B -ntp -q install -DskipTests
mvn -B -ntp -q -f bench/pom.xml clean package
exec python3 bench/bench.py

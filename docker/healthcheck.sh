#!/bin/sh
# The image's HEALTHCHECK: GET /health where the server really listens. The server's flags (those after the
# image name: docker run ... cognito-emulator --port 9300) are read from its command line, PID 1's, and win
# over COGNITO_EMULATOR_HOST and COGNITO_EMULATOR_PORT, as in EmulatorConfig; the last of a flag counts.
# --port 0 (a free port chosen at start) cannot be found from here and is reported unhealthy.
# Usage: healthcheck.sh [command-line file, NUL-separated; default /proc/1/cmdline]
set -eu

host=${COGNITO_EMULATOR_HOST:-127.0.0.1}
port=${COGNITO_EMULATOR_PORT:-9229}

# java -jar /app/cognito-emulator.jar [--name value | --name=value]...
after_jar=false
pending=
while IFS= read -r word; do
    if [ "$after_jar" = false ]; then
        case $word in *.jar) after_jar=true ;; esac
    elif [ -n "$pending" ]; then
        case $pending in
            --host) host=$word ;;
            --port) port=$word ;;
        esac
        pending=
    else
        case $word in
            --host=*) host=${word#--host=} ;;
            --port=*) port=${word#--port=} ;;
            --*=*) ;;
            *) pending=$word ;;
        esac
    fi
done <<WORDS
$(tr '\0' '\n' < "${1:-/proc/1/cmdline}")
WORDS

case $host in
    0.0.0.0 | :: | "[::]") host=127.0.0.1 ;;
    *:*) host="[$host]" ;;
esac
if [ "$port" = 0 ]; then
    echo "healthcheck: the server was started with port 0; its port is only in its log" >&2
    exit 1
fi

exec curl -fsS --max-time 2 "http://$host:$port/health"

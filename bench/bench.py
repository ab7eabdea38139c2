#!/usr/bin/env python3
"""The benchmark: the emulator against bare Undertow, in one run, on this machine; then the pool lifecycle of a
test suite against the emulator and cognito-local.

Started by bench/run.sh (which builds the jars). The servers run pinned to one core and the load (wrk, or the
lifecycle client) to the other; baseline and emulator runs alternate, so that drift of this shared machine
touches both alike; every request is SigV4-signed by the AWS SDK's signer and verified by the emulator. Prints
a Markdown report and writes it to bench/results/latest.md (latest-WORKLOADS.md when WORKLOADS picks some).
Exits non-zero when any request to the emulator got a non-2xx answer (or a sign-up run's confirmations went missing).

Settings (environment): WORKLOADS ("throughput,lifecycle,signin": throughput is the wrk workloads, start-up and
memory; lifecycle the pool lifecycle, about a minute and a half; signin the sign-ins a second, SRP and password,
about two minutes; signup the SignUp + ConfirmSignUp row of the throughput table alone, about three minutes;
durable the --data-dir rows of the throughput table beside the in-memory ones of the same workloads, and the
start-up on SIZES persisted users, about ten minutes), STARTUP_RUNS (start-ups per size on a data directory, 3),
DURATION (s, default 10), WARMUP (s, 10), FIRST_WARMUP
(s, 60: the first workload on a fresh server also pays for the JIT, whose compiler shares the server's one
core), RUNS (3), CONNECTIONS (32), SERVER_CPU (0), LOAD_CPU (1), SIZES ("100000,1000000"), HEAP (2g),
JVM_FLAGS ("-XX:+UseTransparentHugePages", for both servers); for the lifecycle: LIFECYCLES (timed, 100),
LIFECYCLE_WARMUP (s of lifecycles before them, 20), COGNITO_LOCAL (the npm version of cognito-local, 5.3.0, or
"off"; installed with npm into COGNITO_LOCAL_DIR, by default a folder of the system's temp dir kept between
runs); for the sign-ins: SIGNIN_THREADS (client threads, each its own user, 8), SIGNIN_SECONDS (a run, 10),
SIGNIN_WARMUP (s before each run, 10; 30 before the first), SIGNIN_RUNS (per flow, 3).
"""
import datetime
import collections
import itertools
import json
import os
import platform
import re
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
BENCH_JAR = os.path.join(ROOT, "bench", "target", "bench.jar")
EMULATOR_JAR = os.path.join(ROOT, "target", "cognito-emulator.jar")
LUA = os.path.join(ROOT, "bench", "lua", "replay.lua")
SIGNUP_LUA = os.path.join(ROOT, "bench", "lua", "signup.lua")
# The sign-up workload's emulator sends this code for every sign-up (--fixed-code), so wrk can confirm with it.
SIGNUP_CODE = "123456"

DURATION = int(os.environ.get("DURATION", "10"))
WARMUP = int(os.environ.get("WARMUP", "10"))
FIRST_WARMUP = int(os.environ.get("FIRST_WARMUP", "60"))
RUNS = int(os.environ.get("RUNS", "3"))
CONNECTIONS = int(os.environ.get("CONNECTIONS", "32"))
SERVER_CPU = os.environ.get("SERVER_CPU", "0")
LOAD_CPU = os.environ.get("LOAD_CPU", "1")
SIZES = [int(s) for s in os.environ.get("SIZES", "100000,1000000").split(",") if s]
HEAP = os.environ.get("HEAP", "2g")
# Both servers alike. Transparent huge pages (the kernel's "madvise" mode, as here) spare the TLB misses of
# random look-ups in a large heap: +15% AdminGetUser at 1M users, +8% at 1k, in trials.
JVM_FLAGS = os.environ.get("JVM_FLAGS", "-XX:+UseTransparentHugePages").split()
WORKLOADS = [w for w in os.environ.get("WORKLOADS", "throughput,lifecycle,signin").split(",") if w]
LIFECYCLES = int(os.environ.get("LIFECYCLES", "100"))
LIFECYCLE_WARMUP = int(os.environ.get("LIFECYCLE_WARMUP", "20"))
COGNITO_LOCAL = os.environ.get("COGNITO_LOCAL", "5.3.0")
COGNITO_LOCAL_DIR = os.environ.get("COGNITO_LOCAL_DIR",
                                   os.path.join(tempfile.gettempdir(), "cognito-bench-cognito-local-" + COGNITO_LOCAL))
SIGNIN_THREADS = int(os.environ.get("SIGNIN_THREADS", "8"))
SIGNIN_SECONDS = int(os.environ.get("SIGNIN_SECONDS", "10"))
SIGNIN_WARMUP = int(os.environ.get("SIGNIN_WARMUP", "10"))
SIGNIN_RUNS = int(os.environ.get("SIGNIN_RUNS", "3"))
BASE_PORT, EMU_PORT, LARGE_PORT, LIFECYCLE_PORT, SIGNIN_PORT, SIGNUP_PORT = 19101, 19102, 19103, 19104, 19105, 19108
DURABLE_PORT, STARTUP_PORT = 19109, 19110
STARTUP_RUNS = int(os.environ.get("STARTUP_RUNS", "3"))
TMP = tempfile.mkdtemp(prefix="cognito-bench-")
failures = []
warmed = set()
runs_started = itertools.count(1)  # numbers each sign-up run, so that its usernames are new to the server


def server(cls, port, users=None, data_dir=None):
    cmd = ["taskset", "-c", SERVER_CPU, "java", "-Xmx" + HEAP, *JVM_FLAGS, "-cp", BENCH_JAR,
           "dev.cognitoemulator.bench." + cls, str(port)] + ([str(users)] if users is not None else []) + (
              [data_dir] if data_dir else [])
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    last = collections.deque(maxlen=20)
    for line in proc.stdout:
        if line.startswith("READY"):
            info = dict(kv.split("=", 1) for kv in line.split()[2:])
            return proc, info
        last.append(line)
    raise RuntimeError(cls + " did not start (exit code %s):\n%s" % (proc.wait(), "".join(last)))


def stop(proc):
    proc.terminate()
    proc.wait(timeout=30)


def sign(port, pool, users, workload):
    path = os.path.join(TMP, f"{workload}-{port}-{users}.txt")
    subprocess.run(["java", "-cp", BENCH_JAR, "dev.cognitoemulator.bench.SignRequests", f"127.0.0.1:{port}", pool,
                    str(users), workload, path], check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return path


def wrk(port, load, seconds, connections):
    """One wrk run; load: (its Lua script, the script's arguments)."""
    script, args = load
    out = subprocess.run(["taskset", "-c", LOAD_CPU, "wrk", "-t1", f"-c{connections}", f"-d{seconds}s", "--latency",
                          "-s", script, f"http://127.0.0.1:{port}", "--", *args],
                         check=True, capture_output=True, text=True).stdout
    rps = float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1))
    p99 = latency_ms(re.search(r"99%\s+([\d.]+\w+)", out).group(1))
    bad = re.search(r"Non-2xx or 3xx responses: (\d+)", out)
    errors = re.search(r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", out)
    signed_up = re.search(r"SIGNUP signups=(\d+) confirms=(\d+)", out)
    if signed_up and args[-1] == "confirm":
        # Each answered SignUp queues its ConfirmSignUp: only those still queued or in flight at the end are missing.
        signups, confirms = map(int, signed_up.groups())
        if confirms < signups - 2 * connections:
            failures.append(f"sign-up on port {port}: {confirms} ConfirmSignUp for {signups} SignUp requests")
    return rps, p99, int(bad.group(1)) if bad else 0, sum(map(int, errors.groups())) if errors else 0


def latency_ms(text):
    value, unit = re.match(r"([\d.]+)(\w+)", text).groups()
    return float(value) * {"us": 0.001, "ms": 1.0, "s": 1000.0, "m": 60000.0}[unit]


def measure(servers, workload, connections=CONNECTIONS):
    """Each server under the same load, their runs interleaved (a, b, c, a, b, c, ...) so that the machine's drift
    touches all alike. servers: name -> (port, pool, users); for the sign-up workload, pool is the app client's id.
    A server's first workload warms it for FIRST_WARMUP (its JIT compiler shares the one core), later ones for
    WARMUP."""
    if workload == "signup":
        # New usernames for every run; the baseline answers {} to a SignUp, so it gets the mix blind.
        loads = {name: (lambda client=client, name=name: (SIGNUP_LUA, [
            client, SIGNUP_CODE, str(next(runs_started)), "blind" if name == "baseline" else "confirm"]))
                 for name, (_, client, _) in servers.items()}
    else:
        signed = {name: sign(port, pool, users, workload) for name, (port, pool, users) in servers.items()}
        loads = {name: (lambda path=path: (LUA, [path])) for name, path in signed.items()}
    for name, (port, _, _) in servers.items():
        wrk(port, loads[name](), WARMUP if name in warmed else FIRST_WARMUP, connections)
        warmed.add(name)
    runs = {name: [] for name in servers}
    for _ in range(RUNS):
        for name, (port, _, _) in servers.items():
            runs[name].append(wrk(port, loads[name](), DURATION, connections))
    results = {}
    for name, (_, _, users) in servers.items():
        users = "new" if users is None else users  # the sign-up workload's users are the ones it signs up
        bad = sum(r[2] + r[3] for r in runs[name])
        if bad:
            failures.append(f"{name} {workload} ({users} users): {bad} non-2xx answers or socket errors")
        result = {"rps": statistics.median(r[0] for r in runs[name]),
                  "p99": statistics.median(r[1] for r in runs[name]), "bad": bad}
        print(f"  {name:<10} {workload:<10} {users:>8} users {connections:>3} conn {result['rps']:>10.0f} req/s"
              f"   p99 {result['p99']:7.2f} ms   bad {bad}", flush=True)
        results[name] = result
    return results


def wait_healthy(proc, port):
    """Until GET /health answers 200 (both the emulator and cognito-local have it)."""
    while True:
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/health", timeout=1) as r:
                if r.status == 200:
                    return
        except OSError:
            if proc.poll() is not None:
                raise RuntimeError(f"the server on port {port} exited with {proc.returncode}")
            time.sleep(0.002)


def startup(cmd, port, runs=5):
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        wait_healthy(proc, port)
        times.append(time.perf_counter() - start)
        proc.terminate()
        proc.wait(timeout=30)
    return statistics.median(times)


def machine():
    cpu = re.search(r"model name\s*:\s*(.*)", open("/proc/cpuinfo").read())
    java = subprocess.run(["java", "-version"], capture_output=True, text=True).stderr.splitlines()[0]
    return (f"Run {datetime.date.today()} on {os.cpu_count()} cores"
            f" ({cpu.group(1) if cpu else platform.machine()}), {java}")


def throughput():
    """The wrk workloads, start-up and memory: the report's lines."""
    report = []
    print("Throughput (server on CPU %s, wrk on CPU %s, %d connections, %ds x %d runs after %ds warm-up)"
          % (SERVER_CPU, LOAD_CPU, CONNECTIONS, DURATION, RUNS, WARMUP), flush=True)
    baseline, _ = server("BaselineServer", BASE_PORT)
    emulator, info = server("BenchServer", EMU_PORT, 1000)
    pool = info["pool"]
    small = {"baseline": (BASE_PORT, pool, 1000), "emulator": (EMU_PORT, pool, 1000)}
    rows = []
    for workload in ["get", "delete", "mix", "listusers"]:
        r = measure(small, workload)
        rows.append((workload, 1000, r["baseline"], r["emulator"], None))
    rows += durable_rows(small)
    memory = {1000: info}
    for size in SIZES:
        # The 1k-user emulator stays up: its runs interleave with the large pool's, so "vs 1k" is free of drift.
        large, info = server("BenchServer", LARGE_PORT, size)
        memory[size] = info
        print(f"  loaded {size} users in {info['loadSeconds']} s", flush=True)
        servers = dict(small, large=(LARGE_PORT, info["pool"], size))
        for workload in ["get", "mix"] + (["listusers"] if size == max(SIZES) else []):
            r = measure(servers, workload)
            rows.append((workload, size, r["baseline"], r["large"], r["emulator"]))
        if size == max(SIZES):
            # The index's own latency: one connection, so no request waits behind 31 others.
            r = measure({"baseline": small["baseline"], "large": servers["large"]}, "listusers", connections=1)
            rows.append(("listusers1", size, r["baseline"], r["large"], None))
        stop(large)
        warmed.discard("large")
    stop(emulator)
    stop(baseline)
    rows.append(signup())
    emulator, memory[0] = server("BenchServer", EMU_PORT, 0)
    stop(emulator)

    base_start = startup(["java", "-cp", BENCH_JAR, "dev.cognitoemulator.bench.BaselineServer", str(BASE_PORT)],
                         BASE_PORT)
    emu_start = startup(["java", "-jar", EMULATOR_JAR, "--port", str(EMU_PORT)], EMU_PORT)

    report.append(throughput_header())
    report.append("")
    report += table(rows)
    report.append("")
    report.append(f"Startup (process start to first answered request, median of 5): baseline {base_start:.2f} s, "
                  f"emulator {emu_start:.2f} s (+{emu_start - base_start:.2f} s).")
    report.append("")
    report += durable_startup()
    report.append("")
    report.append("| users | heap used after GC | RSS | load time |")
    report.append("|---|---|---|---|")
    for size in sorted(memory):
        m = memory[size]
        report.append(f"| {size} | {int(m['heapUsed']) / 2**20:.0f} MiB | {int(m['rss']) / 2**20:.0f} MiB | "
                      f"{m['loadSeconds']} s |")
    if max(SIZES, default=0) > 0:
        big = max(SIZES)
        per_user = (int(memory[big]["heapUsed"]) - int(memory[0]["heapUsed"])) / big
        report.append("")
        report.append(f"Heap per user (5 attributes): {per_user:.0f} bytes.")
    return report


def durable_rows(small):
    """The write workloads against an emulator on a data directory (--data-dir, durability normal), its runs
    interleaved with those of the in-memory 1k emulator and the baseline: rows whose "vs 1k" is durable over
    in-memory."""
    data_dir = os.path.join(TMP, "durable-1000")
    durable, info = server("BenchServer", DURABLE_PORT, 1000, data_dir)
    servers = dict(small, durable=(DURABLE_PORT, info["pool"], 1000))
    rows = []
    try:
        for workload in ["delete", "mix"]:
            r = measure(servers, workload)
            rows.append((workload + "-durable", 1000, r["baseline"], r["durable"], r["emulator"]))
    finally:
        stop(durable)
        warmed.discard("durable")
    return rows


def durable_startup():
    """Start-up of `java -jar cognito-emulator.jar --data-dir DIR` on a directory holding SIZES users: the report's
    lines."""
    lines = [f"Start-up with a data directory (`--data-dir`; process start to first answered request, median of"
             f" {STARTUP_RUNS}; the directory written beforehand through the store, one pool, users of 5 attributes):",
             "", "| users | start-up | database |", "|---|---|---|"]
    for size in SIZES:
        data_dir = os.path.join(TMP, f"startup-{size}")
        filler, info = server("BenchServer", STARTUP_PORT, size, data_dir)
        stop(filler)
        print(f"  wrote {size} users to {data_dir} in {info['loadSeconds']} s", flush=True)
        seconds = startup(["java", "-Xmx" + HEAP, *JVM_FLAGS, "-jar", EMULATOR_JAR, "--port", str(STARTUP_PORT),
                           "--data-dir", data_dir, "--log-level", "warn"], STARTUP_PORT, STARTUP_RUNS)
        size_mib = sum(os.path.getsize(os.path.join(data_dir, f)) for f in os.listdir(data_dir)) / 2**20
        print(f"  start-up on {size} persisted users: {seconds:.2f} s ({size_mib:.0f} MiB)", flush=True)
        lines.append(f"| {size // 1000}k | {seconds:.2f} s | {size_mib:.0f} MiB |")
        shutil.rmtree(data_dir, ignore_errors=True)
    return lines


def durable():
    """WORKLOADS=durable alone: the --data-dir rows beside the in-memory ones of the same workloads, and the
    start-up on persisted users."""
    print("Durable (server on CPU %s, wrk on CPU %s, %d connections, %ds x %d runs after %ds warm-up)"
          % (SERVER_CPU, LOAD_CPU, CONNECTIONS, DURATION, RUNS, WARMUP), flush=True)
    baseline, _ = server("BaselineServer", BASE_PORT)
    emulator, info = server("BenchServer", EMU_PORT, 1000)
    small = {"baseline": (BASE_PORT, info["pool"], 1000), "emulator": (EMU_PORT, info["pool"], 1000)}
    rows = []
    try:
        for workload in ["delete", "mix"]:
            r = measure(small, workload)
            rows.append((workload, 1000, r["baseline"], r["emulator"], None))
        rows += durable_rows(small)
    finally:
        stop(emulator)
        stop(baseline)
    return [throughput_header(), ""] + table(rows) + [""] + durable_startup()


def throughput_header():
    return (f"{machine()};"
            f" both servers `-Xmx{HEAP} {' '.join(JVM_FLAGS)}`, pinned to CPU {SERVER_CPU}, wrk to CPU"
            f" {LOAD_CPU}, {CONNECTIONS} connections,"
            f" median of {RUNS} runs of {DURATION} s each, baseline and emulator runs interleaved, after"
            f" {WARMUP} s warm-up ({FIRST_WARMUP} s for a fresh server's first workload); every replayed request"
            f" SigV4-signed (`test:test`) and verified. vs 1k: the large pool's requests/s over those of the"
            f" 1k-user emulator, whose runs interleave with its own in the same phase. SignUp + ConfirmSignUp:"
            f" each request signs a new user up or confirms one whose SignUp was answered (with the code of"
            f" `--fixed-code`), unsigned as the SDKs send them, against `java -jar cognito-emulator.jar` started"
            f" as its users start it, with a fresh baseline beside it; a sign-up is two requests. --data-dir rows:"
            f" the emulator on a data directory (durability normal; every write committed to SQLite before its"
            f" answer), its runs interleaved with the in-memory 1k emulator's; their vs 1k is durable over"
            f" in-memory.")


def table(rows):
    """The throughput table: rows of (workload, users, baseline result, emulator result, 1k emulator's or None)."""
    lines = ["| workload | users | baseline req/s | emulator req/s | ratio | baseline p99 | emulator p99 | "
             "p99 ratio | vs 1k | non-2xx |",
             "|---|---|---|---|---|---|---|---|---|---|"]
    names = {"get": "AdminGetUser", "delete": "AdminUpdate/DeleteUserAttributes", "mix": "get/update/delete mix",
             "listusers": "ListUsers email = …", "listusers1": "ListUsers email = …, 1 connection",
             "signup": "SignUp + ConfirmSignUp", "delete-durable": "AdminUpdate/DeleteUserAttributes, --data-dir",
             "mix-durable": "get/update/delete mix, --data-dir"}
    for workload, size, b, e, e1k in rows:
        ratio = e["rps"] / b["rps"]
        cells = [names[workload], f"{size // 1000}k" if size is not None else "new", f"{b['rps']:.0f}",
                 f"{e['rps']:.0f}", f"{ratio:.0%}", f"{b['p99']:.2f} ms", f"{e['p99']:.2f} ms",
                 f"{e['p99'] / b['p99']:.1f}x", f"{e['rps'] / e1k['rps']:.0%}" if e1k else "", str(e["bad"])]
        lines.append("| " + " | ".join(cells) + " |")
    return lines


def signup():
    """The SignUp + ConfirmSignUp row: a fresh baseline, and the emulator as its users start it (java -jar) with a
    fixed code and a pool that auto-verifies email (bench/lua/signup.lua drives them)."""
    print("SignUp + ConfirmSignUp (server on CPU %s, wrk on CPU %s, %d connections)"
          % (SERVER_CPU, LOAD_CPU, CONNECTIONS), flush=True)
    with socket.socket() as probe:  # /health would answer from any other server on the port
        try:
            probe.bind(("127.0.0.1", SIGNUP_PORT))
        except OSError as e:
            raise RuntimeError(f"port {SIGNUP_PORT} of the sign-up workload is taken: {e}") from e
    baseline, _ = server("BaselineServer", BASE_PORT)
    with open(os.path.join(TMP, "signup-emulator.log"), "w") as log:
        emulator = subprocess.Popen(["taskset", "-c", SERVER_CPU, "java", "-Xmx" + HEAP, *JVM_FLAGS, "-jar",
                                     EMULATOR_JAR, "--port", str(SIGNUP_PORT), "--fixed-code", SIGNUP_CODE,
                                     "--log-level", "warn"], stdout=log, stderr=subprocess.STDOUT)
    try:
        wait_healthy(emulator, SIGNUP_PORT)
        if emulator.poll() is not None:
            raise RuntimeError(f"the emulator exited with {emulator.returncode}: see {log.name}")
        ready = subprocess.run(["java", "-cp", BENCH_JAR, "dev.cognitoemulator.bench.SignUpPool",
                                f"http://127.0.0.1:{SIGNUP_PORT}"], check=True, capture_output=True, text=True).stdout
        client = re.search(r"client=(\S+)", ready).group(1)
        warmed.difference_update({"baseline", "emulator"})  # both fresh processes
        r = measure({"baseline": (BASE_PORT, client, None), "emulator": (SIGNUP_PORT, client, None)}, "signup")
    finally:
        stop(emulator)
        stop(baseline)
    return "signup", None, r["baseline"], r["emulator"], None


LIFECYCLE_STEPS = [("CreateUserPool", "CreateUserPool"), ("CreateUserPoolClient", "CreateUserPoolClient"),
                   ("AdminCreateUser", "AdminCreateUser"), ("AdminSetUserPassword", "AdminSetUserPassword"),
                   ("SignIn1", "InitiateAuth USER_PASSWORD_AUTH, the pool's first"),
                   ("SignIn2", "InitiateAuth USER_PASSWORD_AUTH, a later one"), ("GetUser", "GetUser"),
                   ("Refresh", "InitiateAuth REFRESH_TOKEN_AUTH"), ("DeleteUserPool", "DeleteUserPool")]


def lifecycle_run(name, cmd, port, cwd=None, env=None):
    """A server started as its users start it, pinned to SERVER_CPU, and the lifecycle client on LOAD_CPU."""
    with open(os.path.join(TMP, name + ".log"), "w") as log:
        proc = subprocess.Popen(["taskset", "-c", SERVER_CPU, *cmd], cwd=cwd, env=env, stdout=log,
                                stderr=subprocess.STDOUT)
    try:
        wait_healthy(proc, port)
        out = subprocess.run(["taskset", "-c", LOAD_CPU, "java", "-cp", BENCH_JAR,
                              "dev.cognitoemulator.bench.Lifecycle", f"http://127.0.0.1:{port}", str(LIFECYCLES),
                              str(LIFECYCLE_WARMUP)], check=True, capture_output=True, text=True).stdout
    finally:
        stop(proc)
    result = {"steps": {}, "errors": []}
    for line in out.splitlines():
        kind, _, rest = line.partition(" ")
        if kind == "STEP":
            fields = dict(kv.split("=", 1) for kv in rest.split())
            result["steps"][fields["name"]] = {k: float(v) for k, v in fields.items() if k != "name"}
        elif kind == "ERROR":
            step, count, message = re.match(r"step=(\S+) count=(\d+) message=(.*)", rest).groups()
            result["errors"].append((step, int(count), message))
        elif kind == "DONE":
            result.update({k: float(v) for k, v in (kv.split("=", 1) for kv in rest.split())})
    first, later = (result["steps"].get(s, {}).get("median", float("nan")) for s in ("SignIn1", "SignIn2"))
    print(f"  {name:<14} {result['perSecond']:6.2f} lifecycles/s   first sign-in median {first:7.1f} ms   later"
          f" {later:6.1f} ms   failed calls {sum(e[1] for e in result['errors'])}", flush=True)
    return result


def cognito_local():
    """cognito-local from the npm registry, installed outside the repository (the folder is kept, so later runs
    reuse it): (start script, version) or (None, why not)."""
    if COGNITO_LOCAL == "off":
        return None, "not measured (COGNITO_LOCAL=off)"
    if not shutil.which("node") or not shutil.which("npm"):
        return None, "not measured: node or npm is not installed"
    package = os.path.join(COGNITO_LOCAL_DIR, "node_modules", "cognito-local")
    script = os.path.join(package, "lib", "bin", "start.js")
    if not os.path.exists(script):
        print(f"  installing cognito-local@{COGNITO_LOCAL} into {COGNITO_LOCAL_DIR}", flush=True)
        fresh = not os.path.exists(COGNITO_LOCAL_DIR)
        try:
            subprocess.run(["npm", "install", "--prefix", COGNITO_LOCAL_DIR, "--no-audit", "--no-fund",
                            "--loglevel=error", f"cognito-local@{COGNITO_LOCAL}"],
                           check=True, capture_output=True, text=True, timeout=600)
        except (subprocess.SubprocessError, OSError) as e:
            if fresh:
                shutil.rmtree(COGNITO_LOCAL_DIR, ignore_errors=True)
            said = [line for line in (getattr(e, "stderr", None) or "").splitlines()
                    if line.startswith("npm error") and "complete log" not in line]
            why = "; ".join(line[len("npm error "):] for line in said[:2]) or str(e)
            return None, f"not measured: npm install cognito-local@{COGNITO_LOCAL} failed ({why})"
        if not os.path.exists(script):
            return None, f"not measured: cognito-local@{COGNITO_LOCAL} has no {os.path.relpath(script, package)}"
    with open(os.path.join(package, "package.json")) as f:
        return script, json.load(f)["version"]


def lifecycle(standalone):
    """The pool lifecycle, emulator then cognito-local (each alone on the server's core): the report's lines."""
    print(f"Pool lifecycle (server on CPU {SERVER_CPU}, client on CPU {LOAD_CPU}, {LIFECYCLES} lifecycles after"
          f" {LIFECYCLE_WARMUP} s warm-up)", flush=True)
    results, notes = {}, []

    def run(name, cmd, cwd=None, env=None):
        try:
            results[name] = lifecycle_run(name, cmd, LIFECYCLE_PORT, cwd, env)
        except (RuntimeError, subprocess.CalledProcessError) as e:
            last = (getattr(e, "stderr", None) or "").strip().splitlines()[-1:]
            notes.append(f"{name}: not measured ({e}{': ' + last[0] if last else ''}).")
            print("  " + notes[-1], flush=True)

    run("emulator", ["java", "-Xmx" + HEAP, *JVM_FLAGS, "-jar", EMULATOR_JAR, "--port", str(LIFECYCLE_PORT)])
    if "emulator" not in results:
        failures.append(notes[-1])
    for step, count, message in results.get("emulator", {}).get("errors", []):
        failures.append(f"emulator lifecycle: {count} {step} calls failed ({message})")
    script, local = cognito_local()
    if script:
        node = subprocess.run(["node", "--version"], capture_output=True, text=True).stdout.strip()
        data = os.path.join(TMP, "cognito-local")  # its .cognito folder (config, pools as JSON files) goes here
        os.makedirs(data, exist_ok=True)
        run("cognito-local", ["node", script], cwd=data,
            env=dict(os.environ, PORT=str(LIFECYCLE_PORT), HOST="127.0.0.1"))
        local = (f"cognito-local {local} (Node {node}, its default config, data in a fresh folder)"
                 if "cognito-local" in results else "cognito-local: not measured, see below")
    else:
        print(f"  cognito-local {local}", flush=True)
        notes.append(f"cognito-local {local}.")
        local = "cognito-local: not measured, see below"
    report = [f"{machine() + '; p' if standalone else 'P'}ool lifecycle, the way a test suite makes a pool per"
              f" test: one call after another through the AWS SDK for Java v2 (sync client, URL-connection HTTP"
              f" client, no retries, SigV4 `test:test`, us-east-1) pinned to CPU {LOAD_CPU}, the server to CPU"
              f" {SERVER_CPU}, started as its users start it (emulator: `java -Xmx{HEAP} {' '.join(JVM_FLAGS)} -jar"
              f" cognito-emulator.jar`; {local}), one server at a time. A lifecycle is 9 calls: CreateUserPool,"
              f" CreateUserPoolClient (USER_PASSWORD and REFRESH_TOKEN flows), AdminCreateUser (SUPPRESS; the"
              f" username is an email address, which cognito-local's default config requires), AdminSetUserPassword"
              f" (permanent), InitiateAuth USER_PASSWORD_AUTH twice (the pool's first sign-in, then a later one),"
              f" GetUser, InitiateAuth REFRESH_TOKEN_AUTH, DeleteUserPool. {LIFECYCLES} timed lifecycles after"
              f" {LIFECYCLE_WARMUP} s of them as warm-up; first lifecycle: the first on a fresh server (and a fresh"
              f" client).", ""]
    report.append("| server | lifecycles/s | first sign-in median | p95 | max | later sign-in median | p95 | max |"
                  " first lifecycle | failed calls |")
    report.append("|---|---|---|---|---|---|---|---|---|---|")
    for name, r in results.items():
        first, later = r["steps"].get("SignIn1"), r["steps"].get("SignIn2")
        cells = [name, f"{r['perSecond']:.1f}"]
        for s in (first, later):
            cells += [f"{s[k]:.1f} ms" for k in ("median", "p95", "max")] if s else ["", "", ""]
        cells += [f"{r['coldMs'] / 1000:.2f} s", str(sum(e[1] for e in r["errors"]))]
        report.append("| " + " | ".join(cells) + " |")
    report.append("")
    report.append("| step | " + " | ".join(f"{name} median | {name} p95" for name in results) + " |")
    report.append("|---|" + "---|---|" * len(results))
    for step, label in LIFECYCLE_STEPS:
        cells = [label]
        for r in results.values():
            s = r["steps"].get(step)
            cells += [f"{s['median']:.1f} ms", f"{s['p95']:.1f} ms"] if s else ["", ""]
        report.append("| " + " | ".join(cells) + " |")
    notes += [f"{name}: {count} {step} calls failed ({message})." for name, r in results.items()
              for step, count, message in r["errors"]]
    if notes:
        report.append("")
        report += ["- " + note for note in notes]
    return report


def cpu_seconds(pid):
    """User plus system CPU time of the process so far."""
    with open(f"/proc/{pid}/stat") as f:
        fields = f.read().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def signin_run(pid, flow, warmup):
    """One run of the sign-in client: its sign-ins a second and the server's CPU time over the timed part."""
    proc = subprocess.Popen(["taskset", "-c", LOAD_CPU, "java", "-cp", BENCH_JAR, "dev.cognitoemulator.bench.SignIns",
                             f"http://127.0.0.1:{SIGNIN_PORT}", flow, str(SIGNIN_THREADS), str(warmup),
                             str(SIGNIN_SECONDS)], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    start = None
    result = None
    for line in proc.stdout:
        if line.startswith("TIMED"):
            start = cpu_seconds(pid)
        elif line.startswith("DONE"):
            cpu = cpu_seconds(pid) - start
            result = {k: float(v) for k, v in (kv.split("=", 1) for kv in line.split()[1:]) if k != "flow"}
            result["cpuMs"] = cpu * 1000 / max(result["signIns"], 1)
    err = proc.stderr.read()
    if proc.wait() != 0 or result is None:
        raise RuntimeError(f"the {flow} sign-in client failed: {err.strip()[-300:]}")
    if result["failed"]:
        failures.append(f"{flow} sign-ins: {int(result['failed'])} failed ({err.strip()[:200]})")
    print(f"  {flow:<9} {result['perSecond']:8.1f} sign-ins/s   server CPU {result['cpuMs']:6.2f} ms a sign-in"
          f"   client CPU {result['clientCpuMs']:6.2f} ms   failed {int(result['failed'])}", flush=True)
    return result


def signin(standalone):
    """Sign-ins a second, a whole SRP sign-in (both requests) against a password one: the report's lines."""
    print(f"Sign-ins (server on CPU {SERVER_CPU}, client on CPU {LOAD_CPU}, {SIGNIN_THREADS} threads,"
          f" {SIGNIN_RUNS} runs of {SIGNIN_SECONDS} s per flow, interleaved)", flush=True)
    with open(os.path.join(TMP, "signin.log"), "w") as log:
        proc = subprocess.Popen(["taskset", "-c", SERVER_CPU, "java", "-Xmx" + HEAP, *JVM_FLAGS, "-jar", EMULATOR_JAR,
                                 "--port", str(SIGNIN_PORT)], stdout=log, stderr=subprocess.STDOUT)
    runs = {"srp": [], "password": []}
    try:
        wait_healthy(proc, SIGNIN_PORT)
        time.sleep(0.5)
        if proc.poll() is not None:
            # Another server answered /health on the port: ours could not listen.
            raise RuntimeError(f"the emulator exited ({proc.returncode}); is port {SIGNIN_PORT} taken?")
        first = True
        for _ in range(SIGNIN_RUNS):
            for flow in runs:
                runs[flow].append(signin_run(proc.pid, flow, 3 * SIGNIN_WARMUP if first else SIGNIN_WARMUP))
                first = False
    finally:
        stop(proc)
    median = {flow: {k: statistics.median(r[k] for r in rs) for k in ("perSecond", "cpuMs", "clientCpuMs")}
              for flow, rs in runs.items()}
    report = [f"{machine() + '; s' if standalone else 'S'}ign-ins, the emulator started as its users start it"
              f" (`java -Xmx{HEAP} {' '.join(JVM_FLAGS)} -jar cognito-emulator.jar`) pinned to CPU {SERVER_CPU},"
              f" the client (its own SRP half; plain JSON requests, these operations are unsigned) on CPU {LOAD_CPU}:"
              f" {SIGNIN_THREADS} threads, each signing its own user in again and again; median of {SIGNIN_RUNS} runs"
              f" of {SIGNIN_SECONDS} s per flow, the flows' runs interleaved, each after {SIGNIN_WARMUP} s of warm-up"
              f" ({3 * SIGNIN_WARMUP} s before the first). An SRP sign-in is InitiateAuth USER_SRP_AUTH then"
              f" RespondToAuthChallenge PASSWORD_VERIFIER (the client keeps its `a` per thread); a password sign-in"
              f" is one InitiateAuth USER_PASSWORD_AUTH. Server CPU: its user and system time over the timed runs;"
              f" client CPU: the client's own (the SDK, and for SRP its half of the math).",
              "", "| sign-in | sign-ins/s | server CPU per sign-in | client CPU per sign-in | failed |",
              "|---|---|---|---|---|"]
    names = {"srp": "SRP (USER_SRP_AUTH + PASSWORD_VERIFIER)", "password": "password (USER_PASSWORD_AUTH)"}
    for flow, m in median.items():
        report.append(f"| {names[flow]} | {m['perSecond']:.0f} | {m['cpuMs']:.2f} ms | {m['clientCpuMs']:.2f} ms |"
                      f" {sum(int(r['failed']) for r in runs[flow])} |")
    return report


def main():
    unknown = set(WORKLOADS) - {"throughput", "lifecycle", "signin", "signup", "durable"}
    if unknown:
        sys.exit(f"bench: unknown WORKLOADS {', '.join(sorted(unknown))} (throughput, lifecycle, signin, signup,"
                 f" durable)")
    report = []
    if "throughput" in WORKLOADS:
        report += throughput()
    elif "durable" in WORKLOADS:  # the throughput table has its rows; alone, them beside the in-memory ones
        report += durable()
    elif "signup" in WORKLOADS:  # the throughput table has the row; alone, a table of that row
        row = signup()
        report += [throughput_header(), ""] + table([row])
    if "lifecycle" in WORKLOADS:
        report += ([""] if report else []) + lifecycle(standalone=not report)
    if "signin" in WORKLOADS:
        report += ([""] if report else []) + signin(standalone=not report)
    text = "\n".join(report) + "\n"
    name = ("latest.md" if set(WORKLOADS) == {"throughput", "lifecycle", "signin"}
            else f"latest-{'-'.join(WORKLOADS)}.md")
    os.makedirs(os.path.join(ROOT, "bench", "results"), exist_ok=True)
    with open(os.path.join(ROOT, "bench", "results", name), "w") as f:
        f.write(text)
    print()
    print(text)
    if failures:
        print("FAILED:", *failures, sep="\n  ")
        sys.exit(1)


if __name__ == "__main__":
    main()

#!/usr/bin/env python3
"""The benchmark: the emulator against bare Undertow, in one run, on this machine.

Started by bench/run.sh (which builds the jars). The servers run pinned to one core and wrk to the other;
baseline and emulator runs alternate, so that drift of this shared machine touches both alike;
every request is SigV4-signed by the AWS SDK's signer and verified by the emulator. Prints a Markdown report
and writes it to bench/results/latest.md. Exits non-zero when any request got a non-2xx answer.

Settings (environment): DURATION (s, default 10), WARMUP (s, 10), FIRST_WARMUP (s, 60: the first workload
on a fresh server also pays for the JIT, whose compiler shares the server's one core), RUNS (3),
CONNECTIONS (32), SERVER_CPU (0), LOAD_CPU (1), SIZES ("100000,1000000"), HEAP (2g),
JVM_FLAGS ("-XX:+UseTransparentHugePages", for both servers).
"""
import datetime
import os
import platform
import re
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
BASE_PORT, EMU_PORT, LARGE_PORT = 19101, 19102, 19103
TMP = tempfile.mkdtemp(prefix="cognito-bench-")
failures = []
warmed = set()


def server(cls, port, users=None):
    cmd = ["taskset", "-c", SERVER_CPU, "java", "-Xmx" + HEAP, *JVM_FLAGS, "-cp", BENCH_JAR,
           "dev.cognitoemulator.bench." + cls, str(port)] + ([str(users)] if users is not None else [])
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    for line in proc.stdout:
        if line.startswith("READY"):
            info = dict(kv.split("=", 1) for kv in line.split()[2:])
            return proc, info
    raise RuntimeError(cls + " did not start")


def stop(proc):
    proc.terminate()
    proc.wait(timeout=30)


def sign(port, pool, users, workload):
    path = os.path.join(TMP, f"{workload}-{port}-{users}.txt")
    subprocess.run(["java", "-cp", BENCH_JAR, "dev.cognitoemulator.bench.SignRequests", f"127.0.0.1:{port}", pool,
                    str(users), workload, path], check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return path


def wrk(port, requests, seconds, connections):
    out = subprocess.run(["taskset", "-c", LOAD_CPU, "wrk", "-t1", f"-c{connections}", f"-d{seconds}s", "--latency",
                          "-s", LUA, f"http://127.0.0.1:{port}", "--", requests],
                         check=True, capture_output=True, text=True).stdout
    rps = float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1))
    p99 = latency_ms(re.search(r"99%\s+([\d.]+\w+)", out).group(1))
    bad = re.search(r"Non-2xx or 3xx responses: (\d+)", out)
    errors = re.search(r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", out)
    return rps, p99, int(bad.group(1)) if bad else 0, sum(map(int, errors.groups())) if errors else 0


def latency_ms(text):
    value, unit = re.match(r"([\d.]+)(\w+)", text).groups()
    return float(value) * {"us": 0.001, "ms": 1.0, "s": 1000.0, "m": 60000.0}[unit]


def measure(servers, workload, connections=CONNECTIONS):
    """Each server under the same load, their runs interleaved (a, b, c, a, b, c, ...) so that the machine's drift
    touches all alike. servers: name -> (port, pool, users). A server's first workload warms it for FIRST_WARMUP
    (its JIT compiler shares the one core), later ones for WARMUP."""
    requests = {name: sign(port, pool, users, workload) for name, (port, pool, users) in servers.items()}
    for name, (port, _, _) in servers.items():
        wrk(port, requests[name], WARMUP if name in warmed else FIRST_WARMUP, connections)
        warmed.add(name)
    runs = {name: [] for name in servers}
    for _ in range(RUNS):
        for name, (port, _, _) in servers.items():
            runs[name].append(wrk(port, requests[name], DURATION, connections))
    results = {}
    for name, (_, _, users) in servers.items():
        bad = sum(r[2] + r[3] for r in runs[name])
        if bad:
            failures.append(f"{name} {workload} ({users} users): {bad} non-2xx answers or socket errors")
        result = {"rps": statistics.median(r[0] for r in runs[name]),
                  "p99": statistics.median(r[1] for r in runs[name]), "bad": bad}
        print(f"  {name:<10} {workload:<10} {users:>8} users {connections:>3} conn {result['rps']:>10.0f} req/s"
              f"   p99 {result['p99']:7.2f} ms   bad {bad}", flush=True)
        results[name] = result
    return results


def startup(cmd, port):
    times = []
    for _ in range(5):
        start = time.perf_counter()
        proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        while True:
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/health", timeout=1) as r:
                    if r.status == 200:
                        break
            except OSError:
                time.sleep(0.002)
        times.append(time.perf_counter() - start)
        proc.terminate()
        proc.wait(timeout=30)
    return statistics.median(times)


def main():
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
    emulator, memory[0] = server("BenchServer", EMU_PORT, 0)
    stop(emulator)

    base_start = startup(["java", "-cp", BENCH_JAR, "dev.cognitoemulator.bench.BaselineServer", str(BASE_PORT)],
                         BASE_PORT)
    emu_start = startup(["java", "-jar", EMULATOR_JAR, "--port", str(EMU_PORT)], EMU_PORT)

    cpu = re.search(r"model name\s*:\s*(.*)", open("/proc/cpuinfo").read())
    java = subprocess.run(["java", "-version"], capture_output=True, text=True).stderr.splitlines()[0]
    report.append(f"Run {datetime.date.today()} on {os.cpu_count()} cores ({cpu.group(1) if cpu else platform.machine()}),"
                  f" {java};"
                  f" both servers `-Xmx{HEAP} {' '.join(JVM_FLAGS)}`, pinned to CPU {SERVER_CPU}, wrk to CPU"
                  f" {LOAD_CPU}, {CONNECTIONS} connections,"
                  f" median of {RUNS} runs of {DURATION} s each, baseline and emulator runs interleaved, after"
                  f" {WARMUP} s warm-up ({FIRST_WARMUP} s for a fresh server's first workload); every request"
                  f" SigV4-signed (`test:test`) and verified. vs 1k: the large pool's requests/s over those of the"
                  f" 1k-user emulator, whose runs interleave with its own in the same phase.")
    report.append("")
    report.append("| workload | users | baseline req/s | emulator req/s | ratio | baseline p99 | emulator p99 | "
                  "p99 ratio | vs 1k | non-2xx |")
    report.append("|---|---|---|---|---|---|---|---|---|---|")
    names = {"get": "AdminGetUser", "delete": "AdminUpdate/DeleteUserAttributes", "mix": "get/update/delete mix",
             "listusers": "ListUsers email = …", "listusers1": "ListUsers email = …, 1 connection"}
    for workload, size, b, e, e1k in rows:
        ratio = e["rps"] / b["rps"]
        cells = [names[workload], f"{size // 1000}k", f"{b['rps']:.0f}", f"{e['rps']:.0f}", f"{ratio:.0%}",
                 f"{b['p99']:.2f} ms", f"{e['p99']:.2f} ms", f"{e['p99'] / b['p99']:.1f}x",
                 f"{e['rps'] / e1k['rps']:.0%}" if e1k else "", str(e["bad"])]
        report.append("| " + " | ".join(cells) + " |")
    report.append("")
    report.append(f"Startup (process start to first answered request, median of 5): baseline {base_start:.2f} s, "
                  f"emulator {emu_start:.2f} s (+{emu_start - base_start:.2f} s).")
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
    text = "\n".join(report) + "\n"
    os.makedirs(os.path.join(ROOT, "bench", "results"), exist_ok=True)
    with open(os.path.join(ROOT, "bench", "results", "latest.md"), "w") as f:
        f.write(text)
    print()
    print(text)
    if failures:
        print("FAILED:", *failures, sep="\n  ")
        sys.exit(1)


if __name__ == "__main__":
    main()

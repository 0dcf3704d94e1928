"""Soak run: the production server under mixed traffic for a long while.

    python tests/perf/soak.py [--duration 600] [--connections 64] [--workers N]
                              [--sample 5] [--recycle] [--limits]

Not part of the test run (tests/perf/ is never collected; needs ``wrk``). It starts
``gunicorn -c gunicorn.conf.py`` with the rate limits off (FLASK_RATELIMIT_ENABLED=
false: one address sends everything; ``--limits`` keeps them on, at their defaults,
and then the 429s that one address meets are expected) and runs wrk for ``--duration`` seconds at
``--connections`` connections with tests/perf/soak.lua, which rotates through cached
and fresh lesson pages, widgets, the API (GET and POST), /learn and the preview
image. Every ``--sample`` seconds it reads each worker's resident memory (psutil).

It passes when no answer was a 5xx (nor a connect, read or write error) and memory
stayed flat: the workers' total RSS, median over the last minute, within 20 % of the
median over the second minute (the first is warm-up: caches filling). Answers slower
than wrk's 10 s timeout are reported, not judged. Worker recycling (gunicorn's
max_requests) is off unless ``--recycle``, so a leak cannot hide behind it. Prints the
figures; exits 1 if a target is missed.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

import psutil

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))  # tests/, for servers.py

from servers import run_gunicorn  # noqa: E402

LUA = HERE / "soak.lua"
MAX_GROWTH = 0.20
MINUTE = 60


@dataclass(frozen=True)
class Sample:
    at: float  # seconds since the load started
    workers_mb: float  # all workers' RSS together
    largest_mb: float  # the largest worker's
    master_mb: float
    workers: int


def sample(master: psutil.Process, started: float) -> Sample:
    sizes = []
    for child in master.children():
        try:
            sizes.append(child.memory_info().rss / 2**20)
        except psutil.NoSuchProcess:  # recycled between listing and reading
            continue
    return Sample(
        at=time.monotonic() - started,
        workers_mb=sum(sizes),
        largest_mb=max(sizes, default=0.0),
        master_mb=master.memory_info().rss / 2**20,
        workers=len(sizes),
    )


def median_between(samples: list[Sample], start: float, end: float) -> float:
    values = [s.workers_mb for s in samples if start <= s.at < end]
    if not values:
        raise RuntimeError(f"no memory sample between {start:.0f} s and {end:.0f} s")
    return statistics.median(values)


def run_load(url: str, args: argparse.Namespace, master: psutil.Process) -> tuple[dict, list]:
    """wrk for the whole duration, memory sampled meanwhile; wrk's totals and samples."""
    command = ["wrk", f"--threads={args.threads}", f"--connections={args.connections}"]
    command += [f"--duration={args.duration}s", "--timeout=10s", f"--script={LUA}", url]
    started = time.monotonic()
    wrk = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    samples: list[Sample] = []
    while wrk.poll() is None:
        samples.append(sample(master, started))
        if len(samples) % max(1, MINUTE // args.sample) == 0:
            last = samples[-1]
            print(f"  {last.at:5.0f} s: workers {last.workers_mb:6.1f} MB", flush=True)
        time.sleep(args.sample)
    output = wrk.stdout.read() if wrk.stdout else ""
    match = re.search(r"^WRK_JSON (.*)$", output, re.M)
    if wrk.returncode or not match:
        raise RuntimeError(f"wrk failed:\n{output}")
    return json.loads(match.group(1)), samples


def report(totals: dict, samples: list[Sample], args: argparse.Namespace) -> list[str]:
    """Print the figures; return the targets missed."""
    seconds = totals["duration_us"] / 1e6
    socket_errors = sum(totals[k] for k in ("connect", "read", "write"))
    second = median_between(samples, MINUTE, 2 * MINUTE)
    last = median_between(samples, args.duration - MINUTE, args.duration + MINUTE)
    growth = last / second - 1
    rate = totals["requests"] / seconds
    print(f"requests        {totals['requests']:,} in {seconds:.0f} s ({rate:,.0f}/s)")
    p50, p99 = totals["p50_us"] / 1000, totals["p99_us"] / 1000
    print(f"latency         p50 {p50:.1f} ms, p99 {p99:.1f} ms")
    print(f"answers         2xx/3xx {totals['ok']:,}, 4xx {totals['4xx']:,}, 5xx {totals['5xx']:,}")
    kinds = ", ".join(f"{k} {totals[k]}" for k in ("connect", "read", "write"))
    print(f"socket errors   {socket_errors} ({kinds})")
    # Reported, not a target: at saturation gevent serves some connections late
    # (docs/performance.md, "Soak run").
    print(f"over 10 s       {totals['timeout']} answers (wrk's timeout)")
    print(f"workers' RSS    2nd minute {second:.1f} MB, last minute {last:.1f} MB ({growth:+.1%})")
    largest, master = max(s.largest_mb for s in samples), samples[-1].master_mb
    print(f"largest worker  {largest:.1f} MB; master {master:.1f} MB")
    print(f"workers seen    {min(s.workers for s in samples)}-{max(s.workers for s in samples)}")
    missed = []
    if totals["5xx"] or socket_errors:
        missed.append(f"{totals['5xx']} 5xx answers, {socket_errors} socket errors")
    if totals["4xx"] and not args.limits:
        missed.append(f"{totals['4xx']} 4xx answers (the mix sends only valid requests)")
    if abs(growth) > MAX_GROWTH:
        missed.append(f"memory moved {growth:+.1%} (more than {MAX_GROWTH:.0%})")
    return missed


def parse_args() -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--duration", type=int, default=600, help="seconds (default 600)")
    parser.add_argument("--connections", type=int, default=64, help="default 64")
    parser.add_argument("--threads", type=int, default=2, help="wrk threads (default 2)")
    parser.add_argument("--workers", type=int, default=None, help="default: cores + 1")
    parser.add_argument("--sample", type=int, default=5, help="seconds between samples")
    parser.add_argument("--recycle", action="store_true", help="keep gunicorn's max_requests")
    parser.add_argument("--limits", action="store_true", help="keep the rate limits on")
    args = parser.parse_args()
    if args.duration < 3 * MINUTE:
        parser.error("--duration must be at least 180 s (the 2nd and the last minute)")
    return args


def main() -> int:
    args = parse_args()
    if not shutil.which("wrk"):
        print("wrk is not installed: apt-get install wrk", file=sys.stderr)
        return 2
    workers = args.workers or (os.cpu_count() or 1) + 1
    with tempfile.TemporaryDirectory(prefix="neuron-soak-") as scratch:
        pid_file = Path(scratch) / "gunicorn.pid"
        cmd_args = f"--pid {pid_file}" + ("" if args.recycle else " --max-requests 0")
        env = {
            "FLASK_SECRET_KEY": "soak-key-" + "x" * 32,
            "FLASK_RATELIMIT_ENABLED": "true" if args.limits else "false",
            "GUNICORN_CMD_ARGS": cmd_args,
        }
        print(
            f"soak: {args.duration} s, {args.connections} connections, {workers} gevent "
            f"workers, recycling {'on' if args.recycle else 'off'}, rate limits "
            f"{'on' if args.limits else 'off'}, {os.cpu_count()} CPUs"
        )
        with run_gunicorn(workers=workers, env=env) as url:
            master = psutil.Process(int(pid_file.read_text()))
            totals, samples = run_load(url, args, master)
    missed = report(totals, samples, args)
    print("\ntargets missed:\n  " + "\n  ".join(missed) if missed else "\nall targets met")
    return 1 if missed else 0


if __name__ == "__main__":
    sys.exit(main())

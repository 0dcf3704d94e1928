"""Benchmark: the app under gunicorn's production config, measured with wrk.

    python tests/perf/bench.py [--duration 30] [--connections 64] [--threads 2] [--workers N]

Not part of the test run (run it by hand; needs ``wrk``: apt-get install wrk). It
starts ``gunicorn -c gunicorn.conf.py`` twice with the same settings: once serving a
bare one-route Flask app (tests/perf/bare.py, the ceiling: what gunicorn and Flask
cost with no work at all), once serving the app. For each route it prints requests/s,
p50 and p99 latency, throughput as a share of the ceiling, errors and non-2xx
answers, and the size of the answer, raw and gzip-compressed (level 6), alone and
with the same-origin files the page loads (CSS, scripts, icon).

Targets (DESIGN: issue "Real browser, accessibility, security headers and the
benchmark"): a result page at >= 70% of the ceiling and <= 14 KB gzip, the embed
<= 10 KB gzip, and no errors in a 30 s run at 64 connections. Exits 1 if any is missed.
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import re
import shutil
import subprocess
import sys
import urllib.request
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))  # tests/, for servers.py

from servers import run_gunicorn  # noqa: E402

QUERY = "height=170&height_unit=cm&weight=176&weight_unit=lb&w1=0.2&w2=0.00001&b=1&activation=tanh"
ROUTES = [
    # name, path, gzip budget in bytes (None: no budget), a new height per request?
    ("example page", "/", None, False),
    ("result page", f"/?{QUERY}", 14 * 1024, False),
    ("result, a new link each", f"/?{QUERY}", 14 * 1024, True),
    ("embed", f"/embed?{QUERY}", 10 * 1024, False),
    ("API GET", f"/api/v1/neuron?{QUERY}", None, False),
]
RESULT_SHARE_TARGET = 0.70
LUA = HERE / "wrk_report.lua"


@dataclass
class Run:
    requests_per_s: float
    p50_ms: float
    p99_ms: float
    requests: int
    non_2xx: int
    socket_errors: int


def wrk(url: str, duration: int, connections: int, threads: int, vary: bool = False) -> Run:
    """One wrk run; its Lua ``done`` hook prints the figures as JSON.

    With ``vary`` each request has another height, so in-app memos never answer.
    """
    command = [
        "wrk",
        f"--threads={threads}",
        f"--connections={connections}",
        f"--duration={duration}s",
        "--timeout=10s",
        f"--script={LUA}",
        url,
    ]
    env = {**os.environ, "BENCH_VARY": "1"} if vary else None
    output = subprocess.run(command, check=True, capture_output=True, text=True, env=env).stdout
    match = re.search(r"^WRK_JSON (.*)$", output, re.M)
    if not match:
        raise RuntimeError(f"wrk printed no summary:\n{output}")
    data = json.loads(match.group(1))
    seconds = data["duration_us"] / 1e6
    return Run(
        requests_per_s=data["requests"] / seconds,
        p50_ms=data["p50_us"] / 1000,
        p99_ms=data["p99_us"] / 1000,
        requests=data["requests"],
        non_2xx=data["status"],
        socket_errors=data["connect"] + data["read"] + data["write"] + data["timeout"],
    )


class _Assets(HTMLParser):
    """Same-origin files a page loads: stylesheets, scripts, icons, images."""

    def __init__(self) -> None:
        super().__init__()
        self.urls: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = dict(attrs)
        rel = (a.get("rel") or "").split()
        if tag == "link" and ("stylesheet" in rel or "icon" in rel):
            self.urls.append(a.get("href") or "")
        elif tag in ("script", "img") and a.get("src"):
            self.urls.append(a["src"] or "")


def fetch(url: str) -> tuple[int, bytes]:
    with urllib.request.urlopen(url, timeout=10) as response:
        return response.status, response.read()


def sizes(base: str, path: str) -> tuple[int, int, int, int]:
    """Raw and gzip bytes of the answer, and of the answer plus its same-origin files."""
    status, body = fetch(base + path)
    if status != 200:
        raise RuntimeError(f"{path} answered {status}")
    raw, packed = len(body), len(gzip.compress(body, 6))
    total_raw, total_packed = raw, packed
    finder = _Assets()
    finder.feed(body.decode("utf-8", "replace"))
    for asset in dict.fromkeys(
        u for u in finder.urls if u.startswith("/") and not u.startswith("//")
    ):
        _, data = fetch(base + asset)
        total_raw += len(data)
        total_packed += len(gzip.compress(data, 6))
    return raw, packed, total_raw, total_packed


def kb(n: int) -> str:
    return f"{n / 1024:.1f}"


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--duration", type=int, default=30, help="seconds per route (default 30)")
    parser.add_argument("--connections", type=int, default=64, help="open connections (default 64)")
    parser.add_argument("--threads", type=int, default=2, help="wrk threads (default 2)")
    parser.add_argument(
        "--workers",
        type=int,
        default=None,
        help="gunicorn workers (default: the config's, cores + 1)",
    )
    parser.add_argument(
        "--warmup", type=int, default=3, help="seconds of warm-up per route (default 3)"
    )
    args = parser.parse_args()
    if not shutil.which("wrk"):
        print("wrk is not installed: apt-get install wrk", file=sys.stderr)
        return 2
    workers = args.workers or (os.cpu_count() or 1) + 1
    # A fixed key: without one each run would write a key to a temporary instance folder.
    # No rate limits: one address sends every request.
    env = {"FLASK_SECRET_KEY": "benchmark-key-" + "x" * 32, "FLASK_RATELIMIT_ENABLED": "false"}

    def measure(base: str, path: str, vary: bool = False) -> Run:
        if args.warmup:
            wrk(base + path, args.warmup, args.connections, args.threads, vary)
        return wrk(base + path, args.duration, args.connections, args.threads, vary)

    print(
        f"wrk {args.duration}s, {args.connections} connections, {args.threads} threads; "
        f"gunicorn -c gunicorn.conf.py, {workers} workers, no rate limits; {os.cpu_count()} CPUs"
    )
    with run_gunicorn(workers=workers, env=env, app="bare:app", cwd=HERE) as base:
        ceiling = measure(base, "/")
    rows: list[tuple[str, Run, tuple[int, int, int, int] | None, int | None]] = [
        ("bare Flask route (ceiling)", ceiling, None, None)
    ]
    with run_gunicorn(workers=workers, env=env) as base:
        for name, path, budget, vary in ROUTES:
            page_sizes = None if vary else sizes(base, path)
            rows.append((name, measure(base, path, vary), page_sizes, budget))

    header = (
        f"{'route':<28}{'req/s':>9}{'p50 ms':>9}{'p99 ms':>9}{'ceiling':>9}{'errors':>8}"
        f"{'KB raw':>8}{'KB gz':>7}{'+files raw':>11}{'+files gz':>10}"
    )
    print(header)
    print("-" * len(header))
    missed: list[str] = []
    for name, run, page_sizes, budget in rows:
        share = run.requests_per_s / ceiling.requests_per_s
        errors = run.non_2xx + run.socket_errors
        cells = (
            f"{name:<28}{run.requests_per_s:>9.0f}{run.p50_ms:>9.2f}{run.p99_ms:>9.2f}"
            f"{share:>9.0%}{errors:>8}"
        )
        if page_sizes:
            raw, packed, total_raw, total_packed = page_sizes
            cells += f"{kb(raw):>8}{kb(packed):>7}{kb(total_raw):>11}{kb(total_packed):>10}"
            if budget and packed > budget:
                missed.append(f"{name}: {kb(packed)} KB gzip > {kb(budget)} KB")
        print(cells)
        if errors:
            missed.append(f"{name}: {run.non_2xx} non-2xx, {run.socket_errors} socket errors")
        if name == "result page" and share < RESULT_SHARE_TARGET:
            missed.append(f"result page at {share:.0%} of the ceiling < {RESULT_SHARE_TARGET:.0%}")
    print()
    print("targets missed:\n  " + "\n  ".join(missed) if missed else "all targets met")
    return 1 if missed else 0


if __name__ == "__main__":
    sys.exit(main())

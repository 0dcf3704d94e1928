"""Benchmark: the app under gunicorn's production config, measured with wrk.

    python tests/perf/bench.py [--duration 30] [--rounds 3] [--connections 64] [--workers N]

Not part of the test run (run it by hand; needs ``wrk``: apt-get install wrk). It
starts ``gunicorn -c gunicorn.conf.py`` twice with the same settings, both at once:
one serving a bare one-route Flask app (tests/perf/bare.py, the ceiling: what gunicorn
and Flask cost with no work at all), one serving the app with rate limits off. Then,
``rounds`` times, it measures the ceiling and every route in turn, and reports each
figure's median: requests/s, p50 and p99 latency, throughput as a share of the
ceiling, errors and non-2xx answers, and the answer's size uncompressed and as sent
to a browser that accepts gzip, alone and with the same-origin files the page loads.
Every request says ``Accept-Encoding: gzip, deflate, br``, as a browser does.

Targets (issue "A result page at 70 % of a bare route, with the history kept"): a
result page ≥ 70 % of the ceiling (a fresh browser each time: a new cookie on every
answer), the same with a cookie holding a full history ≥ 60 %, a new link on every
request ≥ 10 %, the API GET ≥ 70 %; a result page ≤ 8 KB as sent, the widget ≤ 10 KB;
no errors in a 30 s run at 64 connections. Exits 1 if any is missed.
"""

from __future__ import annotations

import argparse
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
# name, path, gzip budget in bytes (None: no budget), a new height per request?, the cookie
# to send ("history": one holding 100 results, as a returning learner's), target share
ROUTES = [
    ("example page", "/", None, False, None, None),
    ("result page", f"/?{QUERY}", 8 * 1024, False, None, 0.70),
    ("result, full history", f"/?{QUERY}", 8 * 1024, False, "history", 0.60),
    ("result, a new link each", f"/?{QUERY}", None, True, None, 0.10),
    ("embed", f"/embed?{QUERY}", 10 * 1024, False, None, None),
    ("API GET", f"/api/v1/neuron?{QUERY}", None, False, None, 0.70),
]
ROUNDS = 3  # the ceiling and every route, alternating; each figure is the median
BROWSER = {"Accept-Encoding": "gzip, deflate, br"}
LUA = HERE / "wrk_report.lua"


@dataclass
class Run:
    requests_per_s: float
    p50_ms: float
    p99_ms: float
    requests: int
    non_2xx: int
    socket_errors: int


def wrk(
    url: str,
    duration: int,
    connections: int,
    threads: int,
    vary: bool = False,
    headers: dict[str, str] | None = None,
) -> Run:
    """One wrk run; its Lua ``done`` hook prints the figures as JSON.

    With ``vary`` each request has another height, so in-app memos never answer.
    """
    command = [
        "wrk",
        *(f"--header={name}: {value}" for name, value in (headers or {}).items()),
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


def fetch(url: str, headers: dict[str, str] | None = None) -> tuple[int, bytes, str]:
    request = urllib.request.Request(url, headers=headers or {})
    with urllib.request.urlopen(request, timeout=10) as response:
        return response.status, response.read(), response.headers.get("Set-Cookie", "")


def sizes(base: str, path: str) -> tuple[int, int, int, int]:
    """The answer as sent to a browser that accepts gzip (bytes on the wire) and
    uncompressed, alone and with its same-origin files."""
    _, body, _ = fetch(base + path, {"Accept-Encoding": "identity"})
    _, packed, _ = fetch(base + path, {"Accept-Encoding": "gzip"})
    raw, sent = len(body), len(packed)
    finder = _Assets()
    finder.feed(body.decode("utf-8", "replace"))
    for asset in dict.fromkeys(
        u for u in finder.urls if u.startswith("/") and not u.startswith("//")
    ):
        raw += len(fetch(base + asset, {"Accept-Encoding": "identity"})[1])
        sent += len(fetch(base + asset, {"Accept-Encoding": "gzip"})[1])
    return len(body), len(packed), raw, sent


def full_history_cookie(base: str) -> str:
    """The cookie of a learner who computed 100 results (the history keeps what fits)."""
    cookie = ""
    for i in range(100):
        path = f"/?height={4 + i / 100:g}&weight={60 + i}&w1=0.{i:02d}&activation=tanh"
        _, _, set_cookie = fetch(base + path, {"Cookie": cookie} if cookie else None)
        if set_cookie:
            cookie = set_cookie.split(";", 1)[0]
    return cookie


def kb(n: int) -> str:
    return f"{n / 1024:.1f}"


def _arguments() -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--duration", type=int, default=30, help="seconds per run (default 30)")
    parser.add_argument("--connections", type=int, default=64, help="open connections (default 64)")
    parser.add_argument("--threads", type=int, default=2, help="wrk threads (default 2)")
    parser.add_argument("--rounds", type=int, default=ROUNDS, help="alternating rounds (default 3)")
    parser.add_argument(
        "--workers", type=int, default=None, help="gunicorn workers (default: cores + 1)"
    )
    parser.add_argument("--warmup", type=int, default=3, help="seconds of warm-up per run")
    return parser.parse_args()


def _median(runs: list[Run]) -> Run:
    return sorted(runs, key=lambda run: run.requests_per_s)[len(runs) // 2]


def _measure_all(args: argparse.Namespace, workers: int) -> tuple[Run, dict[str, Run], dict]:
    """Both servers up at once (an idle one costs nothing); the ceiling and every route
    measured in turn, ``rounds`` times, so drift hits all of them alike."""
    env = {"FLASK_SECRET_KEY": "benchmark-key-" + "x" * 32, "FLASK_RATELIMIT_ENABLED": "false"}
    ceilings: list[Run] = []
    runs: dict[str, list[Run]] = {name: [] for name, *_ in ROUTES}
    with (
        run_gunicorn(workers=workers, env=env, app="bare:app", cwd=HERE) as bare,
        run_gunicorn(workers=workers, env=env) as base,
    ):
        cookie = full_history_cookie(base)
        page_sizes = {name: sizes(base, path) for name, path, _, vary, *_ in ROUTES if not vary}

        def measure(url: str, vary: bool = False, headers: dict | None = None) -> Run:
            if args.warmup:
                wrk(url, args.warmup, args.connections, args.threads, vary, headers)
            return wrk(url, args.duration, args.connections, args.threads, vary, headers)

        for _ in range(args.rounds):
            ceilings.append(measure(bare + "/", headers=BROWSER))
            for name, path, _, vary, send, _ in ROUTES:
                headers = {**BROWSER, **({"Cookie": cookie} if send == "history" else {})}
                runs[name].append(measure(base + path, vary, headers))
    sizes_note = {"cookie bytes": len(cookie)}
    return _median(ceilings), {n: _median(r) for n, r in runs.items()}, {**page_sizes, **sizes_note}


def main() -> int:
    args = _arguments()
    if not shutil.which("wrk"):
        print("wrk is not installed: apt-get install wrk", file=sys.stderr)
        return 2
    workers = args.workers or (os.cpu_count() or 1) + 1
    print(
        f"wrk {args.duration}s x {args.rounds} alternating rounds (median), {args.connections} "
        f"connections, {args.threads} threads; gunicorn -c gunicorn.conf.py, {workers} "
        f"gevent workers; {os.cpu_count()} CPUs; Accept-Encoding: {BROWSER['Accept-Encoding']}"
    )
    ceiling, runs, page_sizes = _measure_all(args, workers)
    print(f"history cookie sent on 'full history': {page_sizes['cookie bytes']} bytes")
    return _report(ceiling, runs, page_sizes)


def _report(ceiling: Run, runs: dict[str, Run], page_sizes: dict) -> int:
    header = (
        f"{'route':<28}{'req/s':>9}{'p50 ms':>9}{'p99 ms':>9}{'ceiling':>9}{'errors':>8}"
        f"{'KB raw':>8}{'KB sent':>8}{'+files raw':>11}{'+files sent':>12}"
    )
    print(header)
    print("-" * len(header))
    missed: list[str] = []
    rows = [("bare Flask route (ceiling)", ceiling, None, None)]
    rows += [(name, runs[name], budget, target) for name, _, budget, _, _, target in ROUTES]
    for name, run, budget, target in rows:
        share = run.requests_per_s / ceiling.requests_per_s
        errors = run.non_2xx + run.socket_errors
        cells = (
            f"{name:<28}{run.requests_per_s:>9.0f}{run.p50_ms:>9.2f}{run.p99_ms:>9.2f}"
            f"{share:>9.0%}{errors:>8}"
        )
        if name in page_sizes:
            raw, sent, total_raw, total_sent = page_sizes[name]
            cells += f"{kb(raw):>8}{kb(sent):>8}{kb(total_raw):>11}{kb(total_sent):>12}"
            if budget and sent > budget:
                missed.append(f"{name}: {kb(sent)} KB sent > {kb(budget)} KB")
        print(cells)
        if errors:
            missed.append(f"{name}: {run.non_2xx} non-2xx, {run.socket_errors} socket errors")
        if target and share < target:
            missed.append(f"{name} at {share:.0%} of the ceiling < {target:.0%}")
    print()
    print("targets missed:\n  " + "\n  ".join(missed) if missed else "all targets met")
    return 1 if missed else 0


if __name__ == "__main__":
    sys.exit(main())

"""Slow clients against the production server: what each defence does (issue 24).

    python tests/perf/slow_clients.py [--count 3050] [--seconds 15] [--workers 3]

Not part of the test run (tests/perf/ is never collected). For each arrangement below
it starts ``gunicorn -c gunicorn.conf.py`` (3 gevent workers, WORKER_CONNECTIONS=1000
unless said), opens ``--count`` slow connections from 127.0.0.2 (a POST's headers, then
a byte of its 100,000-byte body a second; or headers that never end; with ``--refill``
reopening each second any the server closed, as a determined attacker would), and
meanwhile fetches a page from 127.0.0.3 twice
a second for ``--seconds``: how many of those were answered 200, the slowest, and how
many slow connections the server held at the end. The figures are in
docs/deployment.md ("Slow clients").
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))  # tests/, for servers.py and slow_clients.py

from servers import run_gunicorn  # noqa: E402
from slow_clients import SlowClients, probe  # noqa: E402

OFF = {"CONNECTIONS_PER_CLIENT": "0", "FLASK_BODY_TIMEOUT": "3600", "FLASK_REQUEST_TIMEOUT": "3600"}
ARRANGEMENTS = {
    "no defence": OFF,
    "gunicorn: 10x the slots": {**OFF, "WORKER_CONNECTIONS": "10000"},
    "app: body deadline 10 s, request 20 s": {**OFF, "FLASK_BODY_TIMEOUT": "10",
                                               "FLASK_REQUEST_TIMEOUT": "20"},
    "server: 200 connections per address": {**OFF, "CONNECTIONS_PER_CLIENT": "200"},
    "both (the defaults)": {},
}  # fmt: skip
PAGES = ["/", "/?height=5&weight=70", "/api/v1/neuron"]


def measure(env: dict[str, str], args: argparse.Namespace, headers_only: bool) -> str:
    full = {"FLASK_SECRET_KEY": "slow-clients-" + "k" * 32, "WORKER_CONNECTIONS": "1000", **env}
    with (
        run_gunicorn(workers=args.workers, env=full) as url,
        SlowClients(url, args.count, headers_only=headers_only, refill=args.refill) as slow,
    ):
        answers, ends = [], time.monotonic() + args.seconds
        while time.monotonic() < ends:
            answers += probe(url, [PAGES[len(answers) % len(PAGES)]], timeout=5.0)
            time.sleep(0.5)
        held = slow.still_open()
    served = sum(status == 200 for status, _ in answers)
    slowest = max(seconds for _, seconds in answers)
    return f"{served}/{len(answers)} served, slowest {slowest:.2f} s, {held} held"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--count", type=int, default=3050)
    parser.add_argument("--seconds", type=float, default=15.0)
    parser.add_argument("--workers", type=int, default=3)
    parser.add_argument("--refill", action="store_true", help="reopen what the server closes")
    args = parser.parse_args()
    print(
        f"{args.count} slow connections{', refilled' if args.refill else ''}, "
        f"{args.workers} workers, {os.cpu_count()} CPUs"
    )
    for name, env in ARRANGEMENTS.items():
        bodies = measure(env, args, headers_only=False)
        headers = measure(env, args, headers_only=True)
        print(f"{name:40} slow bodies: {bodies}; slow headers: {headers}", flush=True)


if __name__ == "__main__":
    main()

"""Benchmark: training on 1,000 people for 1,000 epochs (not part of the test run).

    python tests/perf/bench_learning.py [--runs 30]

Prints the median and p90 time of the training alone, and of a whole
/learn request for it through the Flask test client (a fresh seed each run, so
the page's cache never answers).
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from webapp import create_app
from webapp.learning.descent import train


def timed(fn, runs: int) -> list[float]:
    times = []
    for run in range(runs):
        start = time.perf_counter()
        fn(run)
        times.append((time.perf_counter() - start) * 1000)
    return sorted(times)


def report(name: str, times: list[float]) -> None:
    p90 = times[int(0.9 * (len(times) - 1))]
    print(f"{name:<44} median {statistics.median(times):7.1f} ms   p90 {p90:7.1f} ms")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=30)
    args = parser.parse_args()
    train(0.5, 10, 100, 0)  # warm up numpy
    times = timed(lambda r: train(0.5, 1000, 1000, r), args.runs)
    report("train(lr=0.5, epochs=1000, n=1000)", times)
    client = create_app({"SECRET_KEY": "bench"}).test_client()

    def request(run: int) -> None:
        response = client.get(f"/learn?lr=0.5&epochs=1000&n=1000&seed={1000 + run}")
        assert response.status_code == 200

    report("GET /learn?epochs=1000&n=1000 (whole page)", timed(request, args.runs))


if __name__ == "__main__":
    main()

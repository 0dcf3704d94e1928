"""The worker's cap on connections per address (webapp/serving.py), without a server:
who is exempt, and when a connection is over the cap. Against gunicorn:
tests/app/test_slow_clients_server.py."""

from __future__ import annotations

from collections import Counter
from types import SimpleNamespace

import pytest

from webapp.serving import CappedGeventWorker, capped_gevent_worker, trusted


@pytest.mark.parametrize(
    ("address", "allowed", "exempt"),
    [
        ("127.0.0.1", ["127.0.0.1"], True),
        ("10.1.2.3", ["10.0.0.0/8"], True),
        ("::1", ["::1"], True),
        ("192.0.2.7", ["*"], True),
        ("192.0.2.7", ["127.0.0.1", "10.0.0.0/8"], False),
        ("", ["127.0.0.1"], False),  # a Unix socket's peer has no address
        ("192.0.2.7", [], False),
    ],
)
def test_only_the_trusted_proxies_are_exempt(address, allowed, exempt):
    assert trusted(address, allowed) is exempt


def test_a_connection_is_over_the_cap_from_the_cap_on():
    worker = object.__new__(capped_gevent_worker(2))
    worker.open_from = Counter({"192.0.2.7": 2, "192.0.2.8": 1, "127.0.0.1": 5})
    worker.cfg = SimpleNamespace(forwarded_allow_ips=["127.0.0.1"])
    assert worker.over_cap("192.0.2.7")
    assert not worker.over_cap("192.0.2.8")
    assert not worker.over_cap("192.0.2.9")  # none open yet
    assert not worker.over_cap("127.0.0.1")  # the proxy
    uncapped = object.__new__(capped_gevent_worker(0))
    uncapped.open_from, uncapped.cfg = worker.open_from, worker.cfg
    assert not uncapped.over_cap("192.0.2.7")
    assert issubclass(capped_gevent_worker(2), CappedGeventWorker)

"""Slow clients against the production server (issue 24, finding 1): thousands of
connections from one address that send a POST's headers and then a byte of the body a
second (or headers that never end) used to hold every gevent slot, and every other
visitor timed out. Now one address holds at most CONNECTIONS_PER_CLIENT connections
per worker (webapp/serving.py) and a body must arrive within FLASK_BODY_TIMEOUT
(webapp/web/plumbing/deadlines.py): another address is served within 2 s."""

from __future__ import annotations

import socket
import time
from collections.abc import Iterator

import pytest
from servers import run_gunicorn
from slow_clients import SlowClients, probe

pytestmark = pytest.mark.slow

WORKERS, SLOTS_EACH, PER_CLIENT = 2, 500, 200
SLOW = WORKERS * SLOTS_EACH + 600  # more slow connections than the server has slots
BODY_TIMEOUT = 2
PROXY = "127.0.0.5"  # a trusted proxy: every client behind it shares its address
PAGES = ["/", "/?height=5&weight=70", "/api/v1/neuron?height=6", "/embed"]


@pytest.fixture(scope="module")
def server() -> Iterator[str]:
    env = {
        "FLASK_SECRET_KEY": "slow-clients-test-key-" + "s" * 32,
        "WORKER_CONNECTIONS": str(SLOTS_EACH),
        "CONNECTIONS_PER_CLIENT": str(PER_CLIENT),
        "FLASK_BODY_TIMEOUT": str(BODY_TIMEOUT),
        "FORWARDED_ALLOW_IPS": PROXY,
    }
    with run_gunicorn(workers=WORKERS, env=env) as url:
        yield url


def held_within(slow: SlowClients, most: int, seconds: float) -> int:
    """How many slow connections the server still holds, once it holds ``most`` or fewer
    (or ``seconds`` have passed): the rest were refused and closed."""
    ends = time.monotonic() + seconds
    while (held := slow.still_open()) > most and time.monotonic() < ends:
        time.sleep(0.1)
    return held


@pytest.mark.parametrize("headers_only", [False, True], ids=["slow bodies", "slow headers"])
def test_thousands_of_slow_clients_leave_room_for_others(server, headers_only):
    with SlowClients(server, SLOW, source="127.0.0.2", headers_only=headers_only) as slow:
        assert slow.not_connected == 0
        time.sleep(0.5)  # every slow connection accepted or refused
        for status, seconds in probe(server, PAGES, source="127.0.0.3", timeout=5.0):
            assert status == 200
            assert seconds < 2.0
        assert held_within(slow, WORKERS * PER_CLIENT, 3.0) <= WORKERS * PER_CLIENT


def test_a_trusted_proxy_may_hold_more_than_the_cap(server):
    """Behind a proxy (in FORWARDED_ALLOW_IPS) every client comes from its address: it is
    not capped (the proxy buffers slow clients itself)."""
    count = WORKERS * PER_CLIENT + 100
    with SlowClients(server, count, source=PROXY, headers_only=True) as proxied:
        time.sleep(1.0)
        assert proxied.still_open() == count
        for status, seconds in probe(server, PAGES[:1], source="127.0.0.3", timeout=5.0):
            assert status == 200 and seconds < 2.0


def _slow_body(url: str, path: str) -> socket.socket:
    host, port = url.removeprefix("http://").split(":")
    conn = socket.create_connection((host, int(port)), 10)
    head = f"POST {path} HTTP/1.1\r\nHost: {host}:{port}\r\nContent-Type: application/json\r\n"
    conn.sendall(f"{head}Content-Length: 1000\r\n\r\n{{".encode())
    return conn


@pytest.mark.parametrize(
    ("path", "says"),
    [("/api/v1/check", b'{"errors": {"body": "The request\'s body did not arrive'), ("/", b"408")],
)
def test_a_body_that_does_not_arrive_in_time_is_a_408(server, path, says):
    started = time.monotonic()
    with _slow_body(server, path) as conn:
        answer = conn.recv(65536)
    assert answer.startswith(b"HTTP/1.1 408 ")
    assert says in answer and b"Cache-Control: no-store" in answer
    assert BODY_TIMEOUT <= time.monotonic() - started < BODY_TIMEOUT + 2


def test_a_body_sent_at_once_is_read_as_before(server):
    host = server.removeprefix("http://")
    body = b'{"x": [4, 80], "w": [0.2, 0.00001], "b": 1, "answers": {"z": 1.8008}}'
    request = (
        f"POST /api/v1/check HTTP/1.1\r\nHost: {host}\r\nContent-Type: application/json\r\n"
        f"Content-Length: {len(body)}\r\nConnection: close\r\n\r\n"
    ).encode()
    with socket.create_connection(tuple(host.split(":")), 10) as conn:  # type: ignore[arg-type]
        conn.sendall(request + body)
        answer = b"".join(iter(lambda: conn.recv(65536), b""))
    assert answer.startswith(b"HTTP/1.1 200 ")
    assert b'"verdicts":{"z":"right"}' in answer

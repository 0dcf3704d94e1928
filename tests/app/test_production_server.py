"""The production server (gunicorn -c gunicorn.conf.py, gevent workers) against what a
hostile client can send (issue 13): a forged SCRIPT_NAME or X-Forwarded-* header cannot
poison the pages others get (finding 1), slow clients hold no worker (finding 3), a
hostile Host is a 400 (finding 4), and the missing TRUSTED_HOSTS is said once (5)."""

from __future__ import annotations

import socket
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from servers import get, raw_request, run_gunicorn

pytestmark = pytest.mark.slow

WORKERS = 3
LESSON = "height=5&height_unit=ft&weight=90&weight_unit=kg&w1=0.2&w2=0.00001&b=1&activation=sigmoid"
KEY = {"FLASK_SECRET_KEY": "production-server-test-key-" + "s" * 32}


@pytest.fixture(scope="module")
def server(tmp_path_factory) -> Iterator[tuple[str, Path]]:
    """The production config, 3 workers, no TRUSTED_HOSTS; its URL and its log."""
    log = tmp_path_factory.mktemp("gunicorn") / "gunicorn.log"
    with run_gunicorn(workers=WORKERS, env=KEY, log_path=log) as url:
        yield url, log


FORGED = [
    ("GET //evil.example/ HTTP/1.1", {"SCRIPT_NAME": "//evil.example"}),
    ("GET / HTTP/1.1", {"SCRIPT_NAME": "//evil.example"}),
    ("GET / HTTP/1.1", {"X-Forwarded-Host": "evil.example"}),
    ("GET / HTTP/1.1", {"X-Forwarded-Prefix": "//evil.example"}),
    ("GET / HTTP/1.1", {"X-Forwarded-Proto": "https", "X-Forwarded-Host": "evil.example"}),
    ("GET / HTTP/1.1", {"Forwarded": "host=evil.example;proto=https"}),
]


@pytest.mark.parametrize(("request_line", "headers"), FORGED, ids=[str(h) for _, h in FORGED])
def test_a_forged_prefix_or_host_cannot_poison_the_pages_others_get(server, request_line, headers):
    url, _ = server
    host = url.removeprefix("http://")
    fields = "".join(f"{name}: {value}\r\n" for name, value in headers.items())
    forged = f"{request_line}\r\nHost: {host}\r\n{fields}Connection: close\r\n\r\n".encode()
    for _ in range(2 * WORKERS):  # reach every worker's caches
        status, answer = raw_request(url, forged)
        assert status in {200, 400, 404}
        assert b"evil.example" not in answer.split(b"\r\n\r\n", 1)[1]
    for path in ("/", f"/?{LESSON}"):
        for _ in range(2 * WORKERS):
            status, answer = get(url, path)
            assert status == 200
            assert b"evil.example" not in answer
            assert f"http://{host}/".encode() in answer


def _stall(url: str) -> socket.socket:
    """A connection that sends half a request and then nothing."""
    host, port = url.removeprefix("http://").split(":")
    conn = socket.create_connection((host, int(port)), timeout=5)
    conn.sendall(f"GET /?{LESSON} HTTP/1.1\r\nHost: {host}\r\nUser-Agent: slow".encode())
    return conn


def test_slow_clients_hold_no_worker(server):
    url, _ = server
    stalled = [_stall(url) for _ in range(3 * WORKERS)]
    try:
        time.sleep(0.5)  # every stalled connection accepted and waiting
        for path in ("/", f"/?{LESSON}", "/api/v1/neuron", f"/embed?{LESSON}") * 2:
            started = time.monotonic()
            status, _ = get(url, path)
            assert status == 200
            assert time.monotonic() - started < 2.0, path
    finally:
        for conn in stalled:
            conn.close()


HOSTILE = ["x:99999", "x:0", "x:abc", "", "évil.example", "a" * 300, "evil.example/../", "[::1"]


@pytest.mark.parametrize("host", HOSTILE)
@pytest.mark.parametrize("path", ["/", "/?weight=90", "/embed", f"/oembed?url=/?{LESSON}"])
def test_a_hostile_host_is_a_400_from_the_server(server, host, path):
    url, _ = server
    status, answer = get(url, path, {"Host": host})
    assert status == 400
    assert b"Traceback" not in answer and b"Internal Server Error" not in answer


def test_the_missing_trusted_hosts_is_logged_once(server):
    url, log = server
    for _ in range(2 * WORKERS):
        assert get(url, "/")[0] == 200
    text = log.read_text(errors="replace")
    assert text.count("FLASK_TRUSTED_HOSTS is not set") == 1, text
    assert text.count("Booting worker") >= WORKERS


def test_trusted_hosts_from_the_environment(tmp_path):
    """Issue 24, finding 9: names compare without case or a trailing dot, and a port is
    accepted only where the site is served on it; share links carry no other."""
    env = {**KEY, "FLASK_TRUSTED_HOSTS": '["NeuronLab.Example."]'}
    log = tmp_path / "gunicorn.log"
    with run_gunicorn(workers=2, env=env, log_path=log) as url:
        port = url.rsplit(":", 1)[1]
        for host in ("neuronlab.example", "NEURONLAB.EXAMPLE.", f"neuronlab.example:{port}"):
            status, answer = get(url, f"/?{LESSON}", {"Host": host})
            written = host.lower().rstrip(".")
            assert status == 200 and f"http://{written}/?height=5".encode() in answer
        for host in ("evil.example", "neuronlab.example:1234", "n"):
            status, answer = get(url, f"/?{LESSON}", {"Host": host})
            assert status == 400 and b"1234" not in answer
    text = log.read_text(errors="replace")
    assert "TRUSTED_HOSTS is not set" not in text
    assert "Warmed up in the master: GET / answered 200" in text  # on a trusted host


POISONED = "/?height=1.65&weight=99&zz=POISON"
CLEAN = "/?height=1.65&weight=99"


def _body(answer: bytes) -> bytes:
    return answer.split(b"\r\n\r\n", 1)[1]


@pytest.mark.parametrize("path", [CLEAN, f"/embed?{CLEAN[2:]}", f"/?{CLEAN[2:]}&lang=de"])
def test_extra_parameters_never_reach_the_page_another_visitor_gets(server, path):
    """Issue 24, finding 2: the poisoned link, asked 9 times (every worker's caches), put
    zz=POISON into the switcher and hreflang links of the clean link's page."""
    url, _ = server
    for _ in range(9):
        status, answer = get(url, f"{path}&zz=POISON")
        assert status == 200 and b"POISON" not in _body(answer)
    for _ in range(2 * WORKERS):
        status, answer = get(url, path)
        assert status == 200 and b"POISON" not in _body(answer) and b"zz=" not in answer


def test_junk_parameters_do_not_grow_the_page(server):
    """40 parameters of 64 characters grew the page from 37 to 56 KB for everyone."""
    url, _ = server
    junk = "&".join(f"junk{n}={'j' * 64}" for n in range(40))
    status, clean = get(url, "/?height=1.7&weight=98")
    assert status == 200
    for _ in range(2 * WORKERS):
        status, answer = get(url, f"/?height=1.7&weight=98&{junk}")
        assert status == 200 and b"jjjj" not in _body(answer)
        assert abs(len(_body(answer)) - len(_body(clean))) < 64  # the Date, a cookie's
    status, after = get(url, "/?height=1.7&weight=98")
    assert status == 200 and len(_body(after)) == len(_body(clean))

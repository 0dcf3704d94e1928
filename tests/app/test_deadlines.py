"""The request's time limits (issue 24, finding 1), in process: the body is read whole
before the app sees it, within BODY_TIMEOUT (else 408), and the whole request is
answered within REQUEST_TIMEOUT (else 503). Under gunicorn's gevent worker the limits
are gevent timeouts; here the middleware is told it runs under gevent and the waits
are gevent's own sleeps. tests/app/test_slow_clients_server.py meets them for real."""

from __future__ import annotations

import io
import json

import gevent
import pytest
from werkzeug.test import Client, EnvironBuilder, run_wsgi_app
from werkzeug.wrappers import Response

from webapp.web.plumbing import deadlines
from webapp.web.plumbing.deadlines import Deadlines


class SlowStream(io.RawIOBase):
    """A body that sends ``data`` a byte per ``pause`` seconds (gevent's sleep)."""

    def __init__(self, data: bytes, pause: float) -> None:
        self.data, self.pause = data, pause

    def readable(self) -> bool:
        return True

    def read(self, size: int = -1) -> bytes:
        if not self.data:
            return b""
        gevent.sleep(self.pause)
        byte, self.data = self.data[:1], self.data[1:]
        return byte


def echo(environ, start_response):
    """The app behind: the body it was given, and its declared length."""
    body = environ["wsgi.input"].read(int(environ.get("CONTENT_LENGTH") or 0))
    start_response("200 OK", [("Content-Type", "text/plain")])
    return [b"got " + body]


def sleeper(environ, start_response):
    gevent.sleep(1.0)  # a wait the request's deadline must cut (redis, a database)
    start_response("200 OK", [])
    return [b"late"]


@pytest.fixture
def gevent_worker(monkeypatch):
    monkeypatch.setattr(deadlines, "under_gevent", lambda: True)


def guarded(app, body_timeout=0.2, request_timeout=0.5, max_body=100) -> Client:
    guard = Deadlines(
        app, body_timeout=body_timeout, request_timeout=request_timeout, max_body=max_body
    )
    return Client(guard)


def post(client: Client, path: str, stream: io.IOBase, length: int | None):
    environ = EnvironBuilder(path=path, method="POST").get_environ()
    environ["wsgi.input"] = stream
    environ.pop("CONTENT_LENGTH", None)
    if length is None:
        environ["HTTP_TRANSFER_ENCODING"] = "chunked"
    else:
        environ["CONTENT_LENGTH"] = str(length)
    return Response(*run_wsgi_app(client.application, environ, buffered=True))


def test_a_body_sent_in_time_reaches_the_app_whole(gevent_worker):
    answer = post(guarded(echo), "/", SlowStream(b"abc", 0.01), 3)
    assert answer.status_code == 200
    assert answer.data == b"got abc"


def test_a_chunked_body_is_read_to_its_end_and_given_its_length(gevent_worker):
    answer = post(guarded(echo), "/", io.BytesIO(b"chunky"), None)
    assert answer.status_code == 200
    assert answer.data == b"got chunky"


@pytest.mark.parametrize(("path", "is_json"), [("/api/v1/check", True), ("/history/clear", False)])
def test_a_body_too_slow_is_a_408(gevent_worker, path, is_json):
    answer = post(guarded(echo), path, SlowStream(b"x" * 50, 0.05), 50)
    assert answer.status_code == 408
    assert answer.headers["Cache-Control"] == "no-store"
    assert answer.headers["X-Content-Type-Options"] == "nosniff"
    text = answer.get_data(as_text=True)
    message = "The request's body did not arrive within 0.2 s."
    if is_json:
        assert json.loads(text) == {"errors": {"body": message}}
    else:
        assert text == f"408 Request Timeout: {message}\n"


def test_a_body_longer_than_the_limit_is_left_unread_for_the_app_to_refuse(gevent_worker):
    class Untouchable(io.RawIOBase):
        def read(self, size: int = -1) -> bytes:
            raise AssertionError("read a body the app refuses by its length")

    def by_length(environ, start_response):
        start_response("413 Content Too Large", [])
        return [environ["CONTENT_LENGTH"].encode()]

    answer = post(guarded(by_length), "/", Untouchable(), 101)
    assert answer.status_code == 413 and answer.data == b"101"


def test_the_whole_request_has_a_deadline(gevent_worker):
    answer = guarded(sleeper).get("/api/v1/neuron")
    assert answer.status_code == 503
    assert answer.headers["Retry-After"] == "1"
    assert answer.get_json() == {
        "errors": {"request": "The request took too long to answer. Try again in a moment."}
    }


def test_without_gevent_nothing_is_timed(monkeypatch):
    monkeypatch.setattr(deadlines, "under_gevent", lambda: False)
    assert guarded(sleeper).get("/").data == b"late"
    assert post(guarded(echo), "/", SlowStream(b"ab", 0.3), 2).data == b"got ab"


def test_the_app_reads_its_body_as_before(client):
    answer = client.post("/api/v1/check", json={"x": [4], "w": [0.2], "b": 1, "answers": {}})
    assert answer.status_code == 200
    assert answer.get_json()["total"] == 0

"""Hostile Host headers: a 400, never a 500 (issue 13, finding 4), and TRUSTED_HOSTS
(finding 5): when it is set, a host it does not name is refused before any URL is built.

The Host goes straight into the WSGI environ (``HTTP_HOST``): Werkzeug's test client
would refuse some of these values itself (parsing them for its cookie jar).
"""

from __future__ import annotations

import logging

import pytest
from werkzeug.test import EnvironBuilder, run_wsgi_app
from werkzeug.wrappers import Response

from webapp import create_app
from webapp.web.config.hosts import valid_host

LESSON = "height=5&height_unit=ft&weight=90&weight_unit=kg&w1=0.2&w2=0.00001&b=1&activation=sigmoid"
PATHS = [
    "/",
    "/?weight=90",
    f"/?{LESSON}",
    f"/embed?{LESSON}",
    f"/oembed?url=http://localhost/?{LESSON}",
    f"/api/v1/neuron?{LESSON}",
    "/history",
    "/learn",
]
HOSTILE_HOSTS = [
    "x:99999",  # port out of range: was a 500 with a traceback
    "x:65536",
    "x:0",
    "x:-1",
    "x:abc",
    "x:",
    ":80",
    "",
    " ",
    "local host",
    "localhost ",
    "évil.example",
    "ünïcödé:80",
    "a" * 64 + ".example",  # a label too long (was a 500: IDNA cannot encode it)
    "a" * 300,
    ("a" * 60 + ".") * 20,
    "evil.example/../",
    "evil.example/path",
    "evil.example?x=1",
    "evil.example#x",
    "user@evil.example",
    "evil.example\\",
    "[::1",
    "[not-an-ip]:80",
    "[::1]:99999",
    "evil..example",
    "-evil.example",
    "evil.example:80:80",
    "<script>",
    "\x00",
]
GOOD_HOSTS = ["localhost", "localhost:8000", "127.0.0.1", "127.0.0.1:1", "[::1]:65535", "a.b-c.d"]


def call(app, path: str, host: str) -> Response:
    """``GET path`` with exactly this Host header, past the test client."""
    environ = EnvironBuilder(path=path).get_environ()
    environ["HTTP_HOST"] = host
    body, status, headers = run_wsgi_app(app, environ, buffered=True)
    return Response(b"".join(body), status=status, headers=headers)


@pytest.mark.parametrize("host", HOSTILE_HOSTS)
@pytest.mark.parametrize("path", PATHS)
def test_a_hostile_host_is_a_400_never_a_500(module_app, path, host):
    response = call(module_app, path, host)
    assert response.status_code == 400
    assert "Host" in response.get_data(as_text=True)
    assert response.headers["X-Content-Type-Options"] == "nosniff"
    assert response.headers["Cache-Control"] == "no-store"


@pytest.mark.parametrize("host", GOOD_HOSTS)
def test_ordinary_hosts_are_served(module_app, host):
    response = call(module_app, f"/?{LESSON}", host)
    assert response.status_code == 200
    assert f'href="http://{host}/?height=5' in response.get_data(as_text=True)


def test_api_paths_are_refused_in_json(module_app):
    response = call(module_app, "/api/v1/neuron", "x:99999")
    assert response.status_code == 400
    assert response.is_json and "host" in response.get_json()["errors"]


def test_the_syntax_rules():
    assert all(valid_host(host) for host in GOOD_HOSTS)
    assert not any(valid_host(host) for host in HOSTILE_HOSTS)


@pytest.fixture
def trusted_client(make_app):
    return make_app(TRUSTED_HOSTS=["neuronlab.example", ".school.example"]).test_client()


@pytest.mark.parametrize("path", PATHS)
def test_with_trusted_hosts_an_unknown_host_is_refused(trusted_client, path):
    response = trusted_client.get(path, headers={"Host": "evil.example"})
    assert response.status_code == 400
    assert "evil.example" not in response.get_data(as_text=True)


@pytest.mark.parametrize("host", ["neuronlab.example", "a.school.example"])
def test_with_trusted_hosts_a_named_host_is_served(trusted_client, host):
    response = trusted_client.get(f"/?{LESSON}", headers={"Host": host})
    assert response.status_code == 200
    assert f"http://{host}/?height=5" in response.get_data(as_text=True)


@pytest.mark.parametrize(
    ("host", "written"),
    [
        ("NEURONLAB.EXAMPLE", "neuronlab.example"),
        ("neuronlab.example.", "neuronlab.example"),
        ("NeuronLab.Example.", "neuronlab.example"),
        ("A.School.Example", "a.school.example"),
    ],
)
def test_a_trusted_name_in_any_case_or_with_a_trailing_dot_is_served_normalised(
    trusted_client, host, written
):
    """Issue 24, finding 9: names compare without case or a trailing dot, and links
    and the caches' keys take the normal form."""
    response = trusted_client.get(f"/?{LESSON}", headers={"Host": host})
    assert response.status_code == 200
    page = response.get_data(as_text=True)
    assert f"http://{written}/?height=5" in page
    assert host not in page or host == written


@pytest.mark.parametrize(
    ("host", "server_port", "scheme", "status"),
    [
        ("neuronlab.example:8443", "8443", "http", 200),  # the port it is served on
        ("neuronlab.example:80", "8000", "http", 200),  # the scheme's own: a proxy's
        ("neuronlab.example:443", "8000", "https", 200),
        ("neuronlab.example:8443", "80", "http", 400),  # made up by the client
        ("neuronlab.example:1234", "8000", "https", 400),
        ("neuronlab.example:443", "8000", "http", 400),
    ],
)
def test_with_trusted_hosts_a_port_is_accepted_only_where_the_site_is_served(
    trusted_client, host, server_port, scheme, status
):
    environ = {"SERVER_PORT": server_port, "wsgi.url_scheme": scheme}
    response = trusted_client.get(f"/?{LESSON}", headers={"Host": host}, environ_overrides=environ)
    assert response.status_code == status
    if status == 400:
        assert host not in response.get_data(as_text=True)


def test_trusted_hosts_are_read_from_the_environment(monkeypatch, tmp_path):
    monkeypatch.setenv("NEURON_INSTANCE_PATH", str(tmp_path))
    monkeypatch.setenv("FLASK_SECRET_KEY", "k" * 32)
    monkeypatch.setenv("FLASK_TRUSTED_HOSTS", '["neuronlab.example"]')
    client = create_app({"TESTING": True}).test_client()
    assert client.get("/", headers={"Host": "neuronlab.example"}).status_code == 200
    assert client.get("/", headers={"Host": "evil.example"}).status_code == 400


def test_without_trusted_hosts_the_start_logs_one_warning(monkeypatch, tmp_path, caplog):
    monkeypatch.setenv("NEURON_INSTANCE_PATH", str(tmp_path))
    with caplog.at_level(logging.WARNING):
        app = create_app({"SECRET_KEY": "k" * 32})
        for _ in range(3):
            assert app.test_client().get("/").status_code == 200
    warnings = [r for r in caplog.records if "TRUSTED_HOSTS" in r.getMessage()]
    assert len(warnings) == 1
    caplog.clear()
    with caplog.at_level(logging.WARNING):
        create_app({"SECRET_KEY": "k" * 32, "TRUSTED_HOSTS": ["neuronlab.example"]})
    assert not [r for r in caplog.records if "TRUSTED_HOSTS" in r.getMessage()]

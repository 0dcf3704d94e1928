"""Real servers for the browser tests, the server tests and the benchmark.

``run_gunicorn`` starts the production server (``gunicorn -c gunicorn.conf.py``)
on a free port of 127.0.0.1 and stops it again, so tests exercise exactly what
is deployed: the config file, preloading, several worker processes. Its rate
limits are off unless ``env`` turns them on (``FLASK_RATELIMIT_ENABLED``): tests
and benchmarks send far more requests from one address than any class would.
``run_redis`` starts Debian's ``redis-server`` on a free port of 127.0.0.1, for the
rate limits' shared storage, and stops it again (``shutdown_redis`` stops it early).
``raw_request`` sends bytes exactly as given (a hostile Host, a forged header) and
reads the answer's status.
"""

from __future__ import annotations

import contextlib
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from collections.abc import Iterator, Mapping
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
START_TIMEOUT = 30.0
STOP_TIMEOUT = 15.0

# gunicorn prints the address it really bound; with port 0 the kernel picks a
# free one, so there is no race between choosing a port and binding it.
_LISTENING = re.compile(r"Listening at: (http://127\.0\.0\.1:\d+)")


class ServerError(RuntimeError):
    """The server did not start or did not answer; the message holds its log."""


def _wait_for_address(log_path: Path, process: subprocess.Popen[bytes], deadline: float) -> str:
    while time.monotonic() < deadline:
        match = _LISTENING.search(log_path.read_text(errors="replace"))
        if match:
            return match.group(1)
        if process.poll() is not None:
            break
        time.sleep(0.05)
    raise ServerError(f"gunicorn did not start:\n{log_path.read_text(errors='replace')}")


def _wait_until_answering(
    url: str, log_path: Path, process: subprocess.Popen[bytes], deadline: float
) -> None:
    while time.monotonic() < deadline:
        if process.poll() is not None:
            break
        try:
            with urllib.request.urlopen(url + "/", timeout=2):
                return
        except urllib.error.HTTPError:
            return  # any HTTP answer, even an error page, means a worker is serving
        except (urllib.error.URLError, ConnectionError, TimeoutError):
            pass
        time.sleep(0.1)
    raise ServerError(f"gunicorn did not answer at {url}:\n{log_path.read_text(errors='replace')}")


def _stop(process: subprocess.Popen[bytes]) -> None:
    if process.poll() is not None:
        return
    process.send_signal(signal.SIGTERM)  # graceful: the master stops its workers
    try:
        process.wait(timeout=STOP_TIMEOUT)
    except subprocess.TimeoutExpired:
        # the master started its own process group; take the workers with it
        with contextlib.suppress(ProcessLookupError):
            os.killpg(process.pid, signal.SIGKILL)
        process.wait(timeout=STOP_TIMEOUT)


@contextlib.contextmanager
def run_gunicorn(
    workers: int = 2,
    env: Mapping[str, str] | None = None,
    instance_path: str | os.PathLike[str] | None = None,
    app: str = "wsgi:app",
    cwd: str | os.PathLike[str] = ROOT,
    log_path: Path | None = None,
) -> Iterator[str]:
    """Serve ``app`` with ``gunicorn -c gunicorn.conf.py`` and yield its base URL.

    ``env`` adds to (or overrides) the environment, e.g. ``{"FLASK_HTTPS": "true"}``.
    Without ``instance_path`` the secret key is made in a temporary instance folder,
    never in the repository's. The access log is off unless ``env`` turns it on; the
    server's log goes to ``log_path`` when one is given (to read after, or during).
    """
    with contextlib.ExitStack() as stack:
        scratch = Path(stack.enter_context(tempfile.TemporaryDirectory(prefix="neuron-server-")))
        log_path = log_path or scratch / "gunicorn.log"
        full_env = {
            **os.environ,
            "ACCESS_LOG": "",
            "FLASK_RATELIMIT_ENABLED": "false",
            "NEURON_INSTANCE_PATH": str(instance_path or scratch / "instance"),
            **(env or {}),
            # last, so nothing can move the server off loopback or change the count
            "BIND": "127.0.0.1:0",
            "WEB_CONCURRENCY": str(workers),
            "PYTHONUNBUFFERED": "1",
        }
        with open(log_path, "wb") as log:
            process = subprocess.Popen(
                [sys.executable, "-m", "gunicorn", "-c", str(ROOT / "gunicorn.conf.py"), app],
                cwd=cwd,
                env=full_env,
                stdout=log,
                stderr=subprocess.STDOUT,
                stdin=subprocess.DEVNULL,
                start_new_session=True,
            )
        stack.callback(_stop, process)
        deadline = time.monotonic() + START_TIMEOUT
        url = _wait_for_address(log_path, process, deadline)
        _wait_until_answering(url, log_path, process, deadline)
        yield url


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def _redis_answers(port: int) -> bool:
    with contextlib.suppress(OSError), socket.create_connection(("127.0.0.1", port), 1) as conn:
        conn.sendall(b"PING\r\n")
        return conn.recv(16).startswith(b"+PONG")
    return False


@contextlib.contextmanager
def run_redis() -> Iterator[str]:
    """Start ``redis-server`` on a free port of 127.0.0.1 (nothing saved to disk) and
    yield its URI, ``redis://127.0.0.1:<port>/0``; stop it afterwards."""
    binary = shutil.which("redis-server")
    if binary is None:
        raise ServerError("redis-server is not installed: apt-get install redis-server")
    port = _free_port()
    command = [binary, "--port", str(port), "--bind", "127.0.0.1", "--save", ""]
    command += ["--appendonly", "no", "--protected-mode", "yes"]
    process = subprocess.Popen(
        command, stdout=subprocess.DEVNULL, stderr=subprocess.STDOUT, start_new_session=True
    )
    try:
        deadline = time.monotonic() + START_TIMEOUT
        while not _redis_answers(port):
            if process.poll() is not None or time.monotonic() > deadline:
                raise ServerError(f"redis-server did not start on port {port}")
            time.sleep(0.05)
        yield f"redis://127.0.0.1:{port}/0"
    finally:
        _stop(process)


def shutdown_redis(uri: str) -> None:
    """Stop the redis-server at ``uri`` now (``SHUTDOWN NOSAVE``), as an outage would;
    ``run_redis`` then finds it gone."""
    port = int(uri.rsplit(":", 1)[1].split("/")[0])
    with socket.create_connection(("127.0.0.1", port), 2) as conn:
        conn.sendall(b"SHUTDOWN NOSAVE\r\n")
        conn.recv(64)  # the server closes the connection as it goes
    deadline = time.monotonic() + STOP_TIMEOUT
    while _redis_answers(port) and time.monotonic() < deadline:
        time.sleep(0.05)


def raw_request(
    base_url: str, request: bytes, source: str = "127.0.0.1", timeout: float = 10.0
) -> tuple[int, bytes]:
    """Send ``request`` as is, from the address ``source`` (any of 127.0.0.0/8), and
    return the answer's status code and its whole bytes (the server closes after)."""
    host, port = base_url.removeprefix("http://").split(":")
    with socket.create_connection((host, int(port)), timeout, (source, 0)) as conn:
        conn.sendall(request)
        chunks = []
        while chunk := conn.recv(65536):
            chunks.append(chunk)
    answer = b"".join(chunks)
    status = re.match(rb"HTTP/1\.[01] (\d{3})", answer)
    if status is None:
        raise ServerError(f"no HTTP answer: {answer[:200]!r}")
    return int(status.group(1)), answer


def get(
    base_url: str,
    path: str,
    headers: Mapping[str, str] | None = None,
    source: str = "127.0.0.1",
    timeout: float = 10.0,
) -> tuple[int, bytes]:
    """``GET path`` with ``Connection: close`` and the given headers (a Host among them
    replaces the server's own), sent raw."""
    fields = {"Host": base_url.removeprefix("http://"), **(headers or {}), "Connection": "close"}
    lines = [f"GET {path} HTTP/1.1", *(f"{name}: {value}" for name, value in fields.items())]
    return raw_request(base_url, "\r\n".join([*lines, "", ""]).encode("utf-8"), source, timeout)

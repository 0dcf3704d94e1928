"""Real servers for the browser tests and the benchmark.

``run_gunicorn`` starts the production server (``gunicorn -c gunicorn.conf.py``)
on a free port of 127.0.0.1 and stops it again, so tests exercise exactly what
is deployed: the config file, preloading, several worker processes.
"""

from __future__ import annotations

import contextlib
import os
import re
import signal
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
) -> Iterator[str]:
    """Serve ``app`` with ``gunicorn -c gunicorn.conf.py`` and yield its base URL.

    ``env`` adds to (or overrides) the environment, e.g. ``{"FLASK_HTTPS": "true"}``.
    Without ``instance_path`` the secret key is made in a temporary instance folder,
    never in the repository's. The access log is off unless ``env`` turns it on.
    """
    with contextlib.ExitStack() as stack:
        scratch = Path(stack.enter_context(tempfile.TemporaryDirectory(prefix="neuron-server-")))
        log_path = scratch / "gunicorn.log"
        full_env = {
            **os.environ,
            "ACCESS_LOG": "",
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

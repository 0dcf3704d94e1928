"""Slow clients for the server tests and the slow-body measurement: many connections
from one loopback address that send a request's headers and then trickle its body (or
its headers) a byte at a time, and a probe that times what another address is served.

``SlowClients(url, count, source)`` opens ``count`` connections at once from
``source`` (any address of 127.0.0.0/8), each sending ``POST`` headers with
``Content-Length: 100000`` (or, with ``headers_only``, an unfinished header block),
and a thread sends one more byte on each every second until the block ends. The
process's open-file limit is raised first (each connection is a file). Connections
the server closes are counted, and reopened each second when ``refill`` is set (an
attacker keeping ``count`` open). ``probe`` opens a fresh connection from another
address per request and returns each answer's status and seconds (``None`` for no
answer within the timeout).
"""

from __future__ import annotations

import contextlib
import resource
import socket
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass

from servers import get

BODY_LENGTH = 100_000


def raise_file_limit(wanted: int) -> None:
    """Let this process hold ``wanted`` open files (up to the hard limit)."""
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    limit = wanted if hard == resource.RLIM_INFINITY else min(wanted, hard)
    if soft < limit:
        resource.setrlimit(resource.RLIMIT_NOFILE, (limit, hard))


def _head(host: str, path: str, headers_only: bool) -> bytes:
    if headers_only:
        return f"GET {path} HTTP/1.1\r\nHost: {host}\r\n".encode()
    return (
        f"POST {path} HTTP/1.1\r\nHost: {host}\r\nContent-Type: application/json\r\n"
        f"Content-Length: {BODY_LENGTH}\r\n\r\n"
    ).encode()


@dataclass
class SlowClients:
    """``count`` slow connections from ``source``; a context manager."""

    url: str
    count: int
    source: str = "127.0.0.2"
    path: str = "/api/v1/check"
    headers_only: bool = False
    refill: bool = False
    connect_timeout: float = 2.0

    def __post_init__(self) -> None:
        self.sockets: list[socket.socket] = []
        self.not_connected = 0
        self.closed_by_server = 0
        self._lock = threading.Lock()  # the trickle thread and the caller both prune
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._trickle, daemon=True)

    def __enter__(self) -> SlowClients:
        raise_file_limit(self.count + 256)
        self._open(self.count)
        self._thread.start()
        return self

    def _open(self, count: int) -> None:
        host, port = self.url.removeprefix("http://").split(":")
        head = _head(f"{host}:{port}", self.path, self.headers_only)
        for _ in range(count):
            try:
                conn = socket.create_connection(
                    (host, int(port)), self.connect_timeout, (self.source, 0)
                )
                conn.sendall(head)
            except OSError:
                self.not_connected += 1
                continue
            conn.setblocking(False)
            with self._lock:
                self.sockets.append(conn)

    def _trickle(self) -> None:
        """One byte a second on every connection still open (and the closed reopened)."""
        while not self._stop.wait(1.0):
            if self.refill:
                self._open(self.count - self.still_open())
            for conn in list(self.sockets):
                try:
                    conn.send(b"x-slow: 1\r\n"[:1] if self.headers_only else b"0")
                except (BlockingIOError, InterruptedError):
                    continue
                except OSError:
                    self._drop(conn)

    def _drop(self, conn: socket.socket) -> None:
        with self._lock, contextlib.suppress(ValueError):
            self.sockets.remove(conn)
            self.closed_by_server += 1
        conn.close()

    def still_open(self) -> int:
        """How many connections the server has not closed (a closed one reads EOF)."""
        for conn in list(self.sockets):
            try:
                if conn.recv(65536) == b"":
                    self._drop(conn)
            except (BlockingIOError, InterruptedError):
                continue
            except OSError:
                self._drop(conn)
        return len(self.sockets)

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._thread.join(timeout=5)
        for conn in self.sockets:
            conn.close()
        self.sockets.clear()


def probe(
    url: str, paths: list[str], source: str = "127.0.0.3", timeout: float = 10.0
) -> Iterator[tuple[int | None, float]]:
    """Each path fetched on a fresh connection from ``source``: (status, seconds)."""
    for path in paths:
        started = time.monotonic()
        try:
            status, _ = get(url, path, source=source, timeout=timeout)
        except OSError:
            status = None
        yield status, time.monotonic() - started

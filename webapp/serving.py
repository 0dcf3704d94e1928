"""The production server's own limit: how many connections one client address may hold
at once in each gunicorn worker (its gevent worker, with this one check added).

A gevent worker serves WORKER_CONNECTIONS connections at once, each in a greenlet; a
client that opens thousands and sends slowly (a body a byte a second, or headers that
never end) held every one of them, and everybody else waited (issue 24). Here a worker
takes at most ``per_client`` connections from one address: the next is answered 429 at
once, unread, and closed, so one address holds at most ``per_client`` × workers of the
workers × WORKER_CONNECTIONS slots, however slowly it sends. How long anybody may take
is the app's time limits' job (webapp/web/plumbing/deadlines.py). A trusted proxy (an
address in FORWARDED_ALLOW_IPS) is exempt: behind it every client shares its address,
and the proxy buffers slow clients itself. The figures are in docs/deployment.md.

No Flask: this is the server's, imported by gunicorn.conf.py alone.
"""

from __future__ import annotations

import ipaddress
import time
from collections import Counter
from collections.abc import Iterable
from typing import Any

from gunicorn.workers.ggevent import GeventWorker

WARN_EVERY = 60.0  # seconds between two warnings about refused connections
_MESSAGE = b"Too many connections from your address at once. Wait a moment and try again.\n"
REFUSAL = (
    b"HTTP/1.1 429 Too Many Requests\r\nContent-Type: text/plain; charset=utf-8\r\n"
    b"Retry-After: 5\r\nCache-Control: no-store\r\nConnection: close\r\n"
    b"Content-Length: %d\r\n\r\n%s" % (len(_MESSAGE), _MESSAGE)
)


def trusted(address: str, allowed: Iterable[str]) -> bool:
    """Whether ``address`` is one of ``allowed`` (addresses, networks or ``*``)."""
    allowed = list(allowed)
    if "*" in allowed:
        return True
    try:
        ip = ipaddress.ip_address(address)
    except ValueError:
        return False
    return any(ip in ipaddress.ip_network(entry, strict=False) for entry in allowed)


class CappedGeventWorker(GeventWorker):
    """gunicorn's gevent worker, taking at most ``per_client`` connections per address."""

    per_client = 200  # 0: no cap

    def init_process(self) -> None:
        self.open_from: Counter[str] = Counter()
        self.refused, self.warned_at = 0, -WARN_EVERY
        super().init_process()

    def handle(self, listener: Any, client: Any, addr: Any) -> None:
        address = addr[0] if isinstance(addr, tuple) else ""  # a Unix socket has none
        if self.over_cap(address):
            self.refuse(client, address)
            return
        self.open_from[address] += 1
        try:
            super().handle(listener, client, addr)
        finally:
            self.open_from[address] -= 1
            if not self.open_from[address]:
                del self.open_from[address]

    def over_cap(self, address: str) -> bool:
        if not self.per_client or self.open_from[address] < self.per_client:
            return False
        return not trusted(address, self.cfg.forwarded_allow_ips)

    def refuse(self, client: Any, address: str) -> None:
        """429 at once, nothing read; a warning at most once a minute, with the count."""
        try:
            client.settimeout(1.0)
            client.sendall(REFUSAL)
        except OSError:
            pass
        finally:
            client.close()
        self.refused += 1
        if time.monotonic() - self.warned_at >= WARN_EVERY:
            self.warned_at = time.monotonic()
            self.log.warning(
                "Refused a connection from %s: it holds %d (CONNECTIONS_PER_CLIENT); "
                "%d refused by this worker so far",
                address,
                self.per_client,
                self.refused,
            )


def capped_gevent_worker(per_client: int) -> type[CappedGeventWorker]:
    """The worker class, taking at most ``per_client`` connections per address (0: any)."""
    return type("CappedGeventWorker", (CappedGeventWorker,), {"per_client": per_client})

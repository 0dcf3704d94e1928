"""The Host header, checked before anything reads it (WSGI middleware).

Werkzeug builds every absolute URL (share links, canonical, og:image, embed code,
oEmbed) from the Host header, and fails inside Flask on some malformed ones (a port
out of range, a label too long to encode): without this a hostile Host was a 500
with a traceback. Here a Host that is no ``name[:port]`` (or ``[IPv6][:port]``), or
that names no host in ``TRUSTED_HOSTS`` when that is set, is answered 400 at once.
Placed inside ProxyFix (a trusted proxy's X-Forwarded-Host is what is checked) and in
front of the response cache (a refused request is never kept).
"""

from __future__ import annotations

import ipaddress
import re
from collections.abc import Iterable, Sequence
from typing import Any

from werkzeug.sansio.utils import host_is_trusted

from webapp.web.plumbing.early_answers import StartResponse, WSGIApp, early_answer

MAX_HOST_LENGTH = 260  # 253 for a DNS name, and a port
_LABEL = r"[A-Za-z0-9_](?:[A-Za-z0-9_-]{0,61}[A-Za-z0-9_])?"
_HOST = re.compile(
    rf"(?:(?P<name>{_LABEL}(?:\.{_LABEL})*\.?)|\[(?P<ip6>[0-9A-Fa-f:.]+)\])(?::(?P<port>[0-9]{{1,5}}))?"
)


def valid_host(host: str) -> bool:
    """A DNS name or IP address, and an optional port from 1 to 65535."""
    match = _HOST.fullmatch(host) if len(host) <= MAX_HOST_LENGTH else None
    if match is None:
        return False
    port = match.group("port")
    if port is not None and not 0 < int(port) < 65536:
        return False
    if match.group("ip6"):
        try:
            ipaddress.IPv6Address(match.group("ip6"))
        except ValueError:
            return False
    return True


def request_host(environ: dict[str, Any]) -> str:
    """The host the request names: its Host header, else the server's own name."""
    if "HTTP_HOST" in environ:
        return str(environ["HTTP_HOST"])
    name, port = environ.get("SERVER_NAME", ""), environ.get("SERVER_PORT", "")
    return f"{name}:{port}" if port else str(name)


class HostCheck:
    """A 400 for a malformed or untrusted Host; every other request goes on to ``app``."""

    def __init__(self, app: WSGIApp, trusted: Sequence[str] | None) -> None:
        self.app = app
        self.trusted = list(trusted) if trusted else None

    def __call__(self, environ: dict[str, Any], start_response: StartResponse) -> Iterable[bytes]:
        host = request_host(environ)
        if valid_host(host) and host_is_trusted(host, self.trusted):
            return self.app(environ, start_response)
        message = "The request's Host header names no host this site answers for."
        return early_answer(environ, start_response, "400 Bad Request", "host", message)


class ForceHttps:
    """Every request seen as https (``HTTPS=true``: TLS ends at a proxy in front), so
    every URL the app builds is https, and the response cache keys on that scheme."""

    def __init__(self, app: WSGIApp) -> None:
        self.app = app

    def __call__(self, environ: dict[str, Any], start_response: StartResponse) -> Iterable[bytes]:
        environ["wsgi.url_scheme"] = "https"
        return self.app(environ, start_response)

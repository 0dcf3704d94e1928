"""The Host header, checked before anything reads it (WSGI middleware).

Werkzeug builds every absolute URL (share links, canonical, og:image, embed code,
oEmbed) from the Host header, and fails inside Flask on some malformed ones (a port
out of range, a label too long to encode): without this a hostile Host was a 500
with a traceback. Here a Host that is no ``name[:port]`` (or ``[IPv6][:port]``), or
that names no host in ``TRUSTED_HOSTS`` when that is set, is answered 400 at once.
Names are compared without case or a trailing dot, and written so: ``EXAMPLE.ORG.``
is ``example.org`` in every link. With ``TRUSTED_HOSTS`` set, a port is accepted only
where the site is served on it: the port the request came in on (``SERVER_PORT``) or
its scheme's own (a proxy in front).
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


def _parts(host: str) -> re.Match[str] | None:
    """The Host's name (or IPv6 address) and port, if it is a well-formed one."""
    match = _HOST.fullmatch(host) if len(host) <= MAX_HOST_LENGTH else None
    if match is None:
        return None
    port = match.group("port")
    if port is not None and not 0 < int(port) < 65536:
        return None
    if match.group("ip6"):
        try:
            ipaddress.IPv6Address(match.group("ip6"))
        except ValueError:
            return None
    return match


def valid_host(host: str) -> bool:
    """A DNS name or IP address, and an optional port from 1 to 65535."""
    return _parts(host) is not None


def normal_name(name: str) -> str:
    """A host name as compared and written: lower case, no trailing dot (DNS names are
    case-insensitive, and ``example.org.`` is ``example.org``). A leading dot, which
    makes a trusted name take its subdomains, is kept."""
    return name.lower().rstrip(".")


def request_host(environ: dict[str, Any]) -> str:
    """The host the request names: its Host header, else the server's own name."""
    if "HTTP_HOST" in environ:
        return str(environ["HTTP_HOST"])
    name, port = environ.get("SERVER_NAME", ""), environ.get("SERVER_PORT", "")
    return f"{name}:{port}" if port else str(name)


def _served_on(port: str | None, environ: dict[str, Any]) -> bool:
    """Whether the site is served on ``port``: the one the request came in on, or the
    scheme's own (what a proxy in front listens on). Any other was made up."""
    if port is None:
        return True
    default = "443" if environ.get("wsgi.url_scheme") == "https" else "80"
    return port in {str(environ.get("SERVER_PORT", "")), default}


class HostCheck:
    """A 400 for a malformed or untrusted Host; every other request goes on to ``app``
    with its Host normalised (``EXAMPLE.ORG.`` is ``example.org``). With TRUSTED_HOSTS
    set, a port is accepted only where the site is served on it, so no share link
    carries a port a client made up."""

    def __init__(self, app: WSGIApp, trusted: Sequence[str] | None) -> None:
        self.app = app
        self.trusted = [normal_name(host) for host in trusted] if trusted else None

    def _normalised(self, environ: dict[str, Any]) -> str | None:
        """The request's Host, normalised, if this site answers for it."""
        match = _parts(request_host(environ))
        if match is None:
            return None
        port = match.group("port")
        name = normal_name(match.group("name")) if match.group("name") else f"[{match['ip6']}]"
        if self.trusted is not None and not (
            host_is_trusted(name, self.trusted) and _served_on(port, environ)
        ):
            return None
        return name if port is None else f"{name}:{port}"

    def __call__(self, environ: dict[str, Any], start_response: StartResponse) -> Iterable[bytes]:
        host = self._normalised(environ)
        if host is not None:
            if "HTTP_HOST" in environ:
                environ["HTTP_HOST"] = host
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

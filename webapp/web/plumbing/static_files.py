"""Static files served from memory, precompressed, under content-hashed URLs.

At start every file under static/ is read once; a placeholder in it is filled with a
fact the app owns (``fills``: the embed builder's height table, which so lives in one
place and travels once per browser instead of in every page); stylesheets are minified
by rcssmin and scripts by rjsmin (the files keep their comments for people, browsers
get none of them); then each is hashed and compressed with Brotli and gzip at their
highest levels. ``url_for('static', filename=…)`` adds ``?v=<hash>``, so a page always
names the exact bytes it was made with; a request carrying the current hash is answered
with a year-long, immutable Cache-Control, anything else with a short one. Each answer
names its encoding, its ETag and ``Vary: Accept-Encoding``.
"""

from __future__ import annotations

import gzip
import hashlib
import mimetypes
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import brotli
import rcssmin
import rjsmin
from flask import Flask, Response, abort, request

from webapp.web.plumbing.caching import OWN, cache_control

YEAR = 365 * 24 * 3600
SHORT = 300  # an unversioned URL may change with the next deployment
ENCODINGS = ("br", "gzip")


@dataclass(frozen=True)
class StaticFile:
    mimetype: str
    digest: str  # the first 12 hex digits of its SHA-256: the URL's version
    bodies: dict[str, bytes]  # encoding ("identity", "gzip", "br") → bytes


Fills = Mapping[str, Mapping[str, str]]  # file → placeholder → what replaces it


def _filled(data: bytes, fills: Mapping[str, str]) -> bytes:
    for placeholder, value in fills.items():
        if placeholder.encode() not in data:
            raise ValueError(f"static file has no {placeholder}")
        data = data.replace(placeholder.encode(), value.encode())
    return data


# suffix → minifier; filled first, so a placeholder may be a comment
MINIFIERS = {
    ".css": rcssmin.cssmin,
    ".js": lambda text: rjsmin.jsmin(text, keep_bang_comments=False),
}


def _minified(suffix: str, data: bytes) -> bytes:
    minify = MINIFIERS.get(suffix)
    return minify(data.decode()).encode() if minify else data


def _load(path: Path, fills: Mapping[str, str]) -> StaticFile:
    data = _minified(path.suffix, _filled(path.read_bytes(), fills))
    mimetype = mimetypes.guess_type(path.name)[0] or "application/octet-stream"
    bodies = {"identity": data}
    if mimetype.startswith("text/") or mimetype in ("application/javascript", "image/svg+xml"):
        compressed = {
            "br": brotli.compress(data, quality=11),
            "gzip": gzip.compress(data, compresslevel=9, mtime=0),
        }
        bodies.update({name: body for name, body in compressed.items() if len(body) < len(data)})
    return StaticFile(mimetype, hashlib.sha256(data).hexdigest()[:12], bodies)


def load_all(folder: str, fills: Fills | None = None) -> dict[str, StaticFile]:
    root = Path(folder)
    fills = fills or {}
    files = [path for path in sorted(root.rglob("*")) if path.is_file()]
    names = [path.relative_to(root).as_posix() for path in files]
    if missing := sorted(set(fills) - set(names)):
        raise ValueError(f"fills for files that are not there: {missing}")
    return {name: _load(root / name, fills.get(name, {})) for name in names}


def _encoding(file: StaticFile) -> str:
    accepted = request.accept_encodings
    return next((name for name in ENCODINGS if name in file.bodies and accepted[name]), "identity")


def serve(files: dict[str, StaticFile], filename: str) -> Response:
    file = files.get(filename)
    if file is None:
        abort(404)
    encoding = _encoding(file)
    response = Response(file.bodies[encoding], mimetype=file.mimetype)
    if encoding != "identity":
        response.headers["Content-Encoding"] = encoding
    response.vary.add("Accept-Encoding")
    response.set_etag(f"{file.digest}-{encoding}")
    versioned = request.args.get("v") == file.digest
    response.cache_control.public = True
    response.cache_control.max_age = YEAR if versioned else SHORT
    if versioned:
        response.cache_control.immutable = True
    return response.make_conditional(request)


def init_app(app: Flask, fills: Fills | None = None) -> None:
    """Serve app.static_folder from memory and version every url_for('static') URL."""
    files = load_all(str(app.static_folder), fills)

    @cache_control(OWN)  # content-hashed: a year, immutable; else short (serve)
    def static(filename: str) -> Response:
        return serve(files, filename)

    app.view_functions["static"] = static

    @app.url_defaults
    def _version(endpoint: str, values: dict[str, Any]) -> None:
        if endpoint == "static" and values.get("filename") in files:
            values.setdefault("v", files[values["filename"]].digest)

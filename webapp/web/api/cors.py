"""CORS for every answer under the API's prefix: any origin may call the API, which reads
no cookie and sets none, so no credentials are involved. Errors (a 404 under the prefix,
a 429) and preflights are answered the same way."""

from __future__ import annotations

from flask import Flask, Response, request

from webapp.web.api import PREFIX


def allow_any_origin(response: Response) -> Response:
    if request.path.startswith(PREFIX + "/"):
        response.headers["Access-Control-Allow-Origin"] = "*"
        if request.method == "OPTIONS" and "Allow" in response.headers:
            response.headers["Access-Control-Allow-Methods"] = response.headers["Allow"]
            response.headers["Access-Control-Allow-Headers"] = "Content-Type"
            response.headers["Access-Control-Max-Age"] = "86400"
    return response


def init_app(app: Flask) -> None:
    app.after_request(allow_any_origin)

"""One error handler: JSON for API clients, the site's own page for people.

Never a stack trace: unexpected exceptions are logged and answered with a
plain 500 page.
"""

from __future__ import annotations

from flask import Flask, Response, current_app, jsonify, make_response, render_template, request
from flask_wtf.csrf import CSRFError
from werkzeug.exceptions import HTTPException, InternalServerError


def wants_json() -> bool:
    """API paths, or clients that prefer JSON to HTML."""
    if request.path.startswith("/api/"):
        return True
    best = request.accept_mimetypes.best_match(["text/html", "application/json"])
    return best == "application/json"


def handle_http_error(error: HTTPException) -> Response:
    code = error.code or 500
    if wants_json():
        response = jsonify(errors={"request": error.description or error.name})
    else:
        response = make_response(render_template("errors/error.html", error=error))
    response.status_code = code
    # keep the headers the exception carries, such as Allow on a 405
    for name, value in error.get_headers():
        if name.lower() != "content-type":
            response.headers[name] = value
    return response


def handle_csrf_error(error: CSRFError) -> Response:
    error.description = "The form expired or was sent from another site. Reload and try again."
    return handle_http_error(error)


def handle_unexpected(error: Exception) -> Response:
    if isinstance(error, HTTPException):
        return handle_http_error(error)
    current_app.logger.exception("Unhandled exception on %s", request.path)
    return handle_http_error(InternalServerError())


def init_app(app: Flask) -> None:
    app.register_error_handler(CSRFError, handle_csrf_error)
    app.register_error_handler(HTTPException, handle_http_error)
    app.register_error_handler(Exception, handle_unexpected)

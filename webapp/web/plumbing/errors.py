"""One error handler: JSON for API clients, the site's own page for people.

Never a stack trace: unexpected exceptions are logged and answered with a
plain 500 page.
"""

from __future__ import annotations

from flask import Flask, Response, current_app, jsonify, make_response, render_template, request
from flask_wtf.csrf import CSRFError
from werkzeug.exceptions import HTTPException, InternalServerError

from webapp.language import gettext, lazy_gettext

# What a person reads for each status, in the page's language: its name, and our own
# words for when the code gave none (Werkzeug's default descriptions are for developers).
STATUS_TEXTS = {
    400: (
        lazy_gettext("Bad Request"),
        lazy_gettext(
            "This address asks for something the site cannot read. Check the link, "
            "or start from the lesson."
        ),
    ),
    403: (
        lazy_gettext("Forbidden"),
        lazy_gettext("This page may not be opened from here. Start from the lesson."),
    ),
    404: (
        lazy_gettext("Not Found"),
        lazy_gettext("There is no page at this address. Check the link, or start from the lesson."),
    ),
    405: (
        lazy_gettext("Method Not Allowed"),
        lazy_gettext("This address does not take that kind of request."),
    ),
    413: (
        lazy_gettext("Request Entity Too Large"),
        lazy_gettext("What was sent is too large for this site. Send less and try again."),
    ),
    429: (
        lazy_gettext("Too Many Requests"),
        lazy_gettext("Too many requests from your network just now. Wait a moment and try again."),
    ),
    500: (
        lazy_gettext("Internal Server Error"),
        lazy_gettext(
            "Something went wrong on our side. The lesson is still there: try again in a moment."
        ),
    ),
}
OTHER_TEXT = lazy_gettext(
    "This request could not be answered. Check the link, or start from the lesson."
)


def wants_json() -> bool:
    """API paths, or clients that prefer JSON to HTML."""
    if request.path.startswith("/api/"):
        return True
    best = request.accept_mimetypes.best_match(["text/html", "application/json"])
    return best == "application/json"


def page_texts(error: HTTPException) -> tuple[str, str]:
    """The error page's title (the status's name) and message, in the page's language:
    the description our own code gave (already translated), else our words for the code."""
    name, ours = STATUS_TEXTS.get(error.code or 500, (error.name, OTHER_TEXT))
    given = error.description
    if not given or given == type(error).description:
        given = str(ours)
    return str(name), given


def handle_http_error(error: HTTPException) -> Response:
    code = error.code or 500
    if wants_json():
        response = jsonify(errors={"request": error.description or error.name})
    else:
        title, message = page_texts(error)
        page = render_template("errors/error.html", error=error, title=title, message=message)
        response = make_response(page)
    response.status_code = code
    # keep the headers the exception carries, such as Allow on a 405
    for name, value in error.get_headers():
        if name.lower() != "content-type":
            response.headers[name] = value
    return response


def handle_csrf_error(error: CSRFError) -> Response:
    error.description = gettext(
        "The form expired or was sent from another site. Reload and try again."
    )
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

"""The browser's records (webapp.lesson.records) in one signed cookie, read and written
once per request.

The value is ``<records text>.<signature>``: an HMAC (itsdangerous' Signer) with the
app's secret key, so a tampered cookie, or one signed with a key since rotated out,
reads as no records at all — never an error. Signing and verifying are memoised on
the text: a class opening one link gets the same fresh cookie, and a returning
learner's cookie is checked once per process, not once per request.
"""

from __future__ import annotations

from functools import lru_cache

from flask import Flask, Response, current_app, g, request
from itsdangerous import BadSignature, Signer

from webapp.lesson import records

COOKIE_NAME = "neuronlab"
# Werkzeug (and browsers) refuse a Set-Cookie line over 4,093 bytes; the name and the
# attributes (Expires, Max-Age, Secure, HttpOnly, Path, SameSite) take under 150.
VALUE_BUDGET = 3_900
MAX_AGE = 31 * 24 * 3600  # a month after the last change
_SALT = "neuron-lab.records"


@lru_cache(maxsize=16)
def _signer(keys: tuple[str, ...]) -> Signer:
    return Signer(list(keys), salt=_SALT)  # signs with the last key, accepts any


def _keys() -> tuple[str, ...]:
    fallbacks = current_app.config.get("SECRET_KEY_FALLBACKS") or ()
    return (*(str(key) for key in fallbacks), str(current_app.config["SECRET_KEY"]))


@lru_cache(maxsize=4096)
def _verified(keys: tuple[str, ...], value: str) -> records.Records:
    try:
        text = _signer(keys).unsign(value).decode("ascii")
    except (BadSignature, UnicodeError):
        return records.Records()
    return records.loads(text)


@lru_cache(maxsize=4096)
def _signed(keys: tuple[str, ...], text: str) -> str:
    return _signer(keys).sign(text).decode("ascii")


def sign(text: str) -> str:
    """The cookie value for a records text: the text and its signature."""
    return _signed(_keys(), text)


def signature_length() -> int:
    return len(sign("")) - 1


def read() -> records.Records:
    """This browser's records (read once per request)."""
    if "records" not in g:
        value = request.cookies.get(COOKIE_NAME, "")
        g.records = _verified(_keys(), value) if value.isascii() else records.Records()
    return g.records


def write(new: records.Records) -> None:
    """Keep ``new`` as this browser's records; the cookie is set after the view."""
    g.records = new
    g.records_changed = True


def text_budget() -> int:
    """How long the records' text may be, its signature left out."""
    return VALUE_BUDGET - signature_length() - 1


def _set_cookie(response: Response) -> Response:
    if g.get("records_changed"):
        text = g.records.dumps()
        if text == records.Records().dumps():
            response.delete_cookie(COOKIE_NAME, httponly=True, samesite="Lax")
        else:
            response.set_cookie(
                COOKIE_NAME,
                sign(text),
                max_age=MAX_AGE,
                secure=current_app.config.get("SESSION_COOKIE_SECURE", False),
                httponly=True,
                samesite="Lax",
            )
    return response


def init_app(app: Flask) -> None:
    app.after_request(_set_cookie)

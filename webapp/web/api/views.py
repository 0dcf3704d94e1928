"""The JSON API: the height/weight neuron (GET), any neuron (POST), its OpenAPI document.

Views only parse, call the service and answer JSON; the rules live in params.py
(query), api_body.py (POST body) and api_result.py (the answer). Any origin may
call the API: it reads no cookie and sets none, so CORS needs no credentials.
"""

from __future__ import annotations

from flask import Blueprint, Response, jsonify, request
from werkzeug.exceptions import RequestEntityTooLarge

from webapp.api.body import MAX_BODY_BYTES, parse_body
from webapp.api.check import check_json
from webapp.api.check import parse_answers as parse_check_answers
from webapp.api.openapi import build_document
from webapp.api.results import lesson_json, trace_json, training_json
from webapp.extensions import csrf
from webapp.learning.descent import learned_parameters
from webapp.learning.params import parse_training
from webapp.lesson.neuron import forward
from webapp.lesson.params import parse_lesson
from webapp.web.api import PREFIX
from webapp.web.caches.response_cache import mark_cacheable
from webapp.web.languages.request_language import current, language_neutral
from webapp.web.learn.training import counted_training
from webapp.web.lesson.links import lesson_url, share_url
from webapp.web.plumbing.caching import NO_STORE, PUBLIC, cache_control
from webapp.web.plumbing.rate_limits import API, LEARNING, rate_limited

bp = Blueprint("api", __name__, url_prefix=PREFIX)
csrf.exempt(bp)  # no cookies are read: there is no session to forge requests with


def _errors(errors: dict[str, str], status: int) -> tuple[Response, int]:
    return jsonify(errors=errors), status


@bp.get("/neuron")
@cache_control(PUBLIC)
@rate_limited(API)
@language_neutral
def neuron() -> tuple[Response, int]:
    """The height/weight neuron, from the same query parameters as the lesson page."""
    parsed = parse_lesson(request.args.to_dict(flat=False))
    mark_cacheable()
    if not parsed.ok:
        return _errors(parsed.errors, 400)
    # The parser bounds every value (heights too small for a BMI included), so the
    # lesson and its JSON are always finite here.
    lesson = parsed.lesson()
    lang = current().shared  # English: the API is the same in every language
    body = lesson_json(
        lesson,
        share_url=share_url(lesson.raw, lang),
        embed_url=lesson_url("embed.index", lesson.raw, lang),
    )
    return jsonify(body), 200


def _read_body() -> bytes | tuple[Response, int]:
    """The JSON body's bytes, or the error answer (415, 413)."""
    if not request.is_json:
        return _errors(
            {"body": "Send the body as JSON, with the header Content-Type: application/json."},
            415,
        )
    too_large = {"body": f"The body is larger than {MAX_BODY_BYTES // 1024} KiB."}
    if (request.content_length or 0) > MAX_BODY_BYTES:
        return _errors(too_large, 413)
    # A body sent without a length (chunked) is cut at the limit, not refused, so read
    # one byte past it to tell a body of exactly the limit from a longer one.
    request.max_content_length = MAX_BODY_BYTES + 1
    try:
        data = request.get_data(cache=False)
    except RequestEntityTooLarge:
        return _errors(too_large, 413)
    if len(data) > MAX_BODY_BYTES:
        return _errors(too_large, 413)
    return data


@bp.post("/neuron")
@cache_control(NO_STORE)
@rate_limited(API)
@language_neutral
def neuron_post() -> tuple[Response, int]:
    """Any neuron of 1 to 1,000 inputs, from a JSON body."""
    data = _read_body()
    if not isinstance(data, bytes):
        return data
    parsed = parse_body(data)
    if parsed.request is None:
        return _errors(parsed.errors, 400)
    given = parsed.request
    try:
        trace = forward(given.x, given.w, given.b, given.activation)
        body = trace_json(trace)
    except ValueError:  # cannot happen within the limits; never a 500 if it does
        return _errors({"body": "These numbers are too large to compute with."}, 400)
    return jsonify(body), 200


@bp.post("/check")
@cache_control(NO_STORE)
@rate_limited(API)
@language_neutral
def check() -> tuple[Response, int]:
    """A learner's answers for any neuron: a verdict on each, and the exact values."""
    data = _read_body()
    if not isinstance(data, bytes):
        return data
    parsed = parse_body(data, also=("answers",))
    errors = dict(parsed.errors)
    given: dict[str, object] = {}
    if "answers" not in parsed.extra and "body" not in errors:
        errors["answers"] = 'answers is missing: give an object, like {"z": 1.8008}.'
    elif parsed.request is not None:
        given, answer_errors = parse_check_answers(parsed.extra["answers"], len(parsed.request.x))
        errors.update(answer_errors)
    if errors or parsed.request is None:
        return _errors(errors, 400)
    given_request = parsed.request
    try:
        trace = forward(given_request.x, given_request.w, given_request.b, given_request.activation)
    except ValueError:
        return _errors({"body": "These numbers are too large to compute with."}, 400)
    return jsonify(check_json(trace, given)), 200


@bp.get("/train")
@cache_control(PUBLIC)
@rate_limited(LEARNING)
@language_neutral
def train() -> tuple[Response, int]:
    """Train the height/weight neuron by gradient descent (the learning page's numbers)."""
    parsed = parse_training(request.args.to_dict(flat=False))
    if not parsed.ok:
        return _errors(parsed.errors, 400)
    training = counted_training(parsed.settings)
    lesson = share_url(learned_parameters(training), current().shared)
    body = training_json(training, parameters=dict(parsed.raw), lesson_url=lesson)
    return jsonify(body), 200


@bp.get("/openapi.json")
@cache_control(PUBLIC)
@rate_limited(API)
@language_neutral
def openapi() -> tuple[Response, int]:
    """The OpenAPI 3.1 description of this API, generated from the code's constants."""
    return jsonify(build_document()), 200

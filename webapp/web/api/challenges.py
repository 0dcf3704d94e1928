"""The challenges as JSON: /api/v1/challenges (the built-ins) and /api/v1/challenge
(one challenge and the learner's verdicts). The same parser as the pages; CORS as the
rest of the API (web/api/cors.py covers every path under /api/v1/)."""

from __future__ import annotations

from flask import Blueprint, Response, jsonify, request, url_for

from webapp.api.challenge_results import builtins_json, challenge_json
from webapp.challenges.builtins import LADDER
from webapp.challenges.link import parse_challenge
from webapp.challenges.verdict import attempt
from webapp.web.api import PREFIX
from webapp.web.caches.response_cache import mark_cacheable
from webapp.web.challenges.page import ladder_urls
from webapp.web.languages.request_language import language_neutral
from webapp.web.plumbing.caching import PUBLIC, cache_control
from webapp.web.plumbing.rate_limits import API, rate_limited

bp = Blueprint("challenges_api", __name__, url_prefix=PREFIX)


@bp.get("/challenges")
@cache_control(PUBLIC)
@language_neutral
def builtins() -> tuple[Response, int]:
    mark_cacheable()
    return jsonify(builtins_json(LADDER, ladder_urls())), 200


@bp.get("/challenge")
@cache_control(PUBLIC)
@rate_limited(API)
@language_neutral
def one() -> tuple[Response, int]:
    parsed = parse_challenge(request.args.to_dict(flat=False))
    mark_cacheable()
    if not parsed.ok or parsed.challenge is None:
        return jsonify(errors=parsed.errors), 400
    link = parsed.link()
    body = challenge_json(
        attempt(parsed.challenge, *parsed.effective()),
        share_url=url_for("challenges.show", _external=True) + "?" + link,
        embed_url=url_for("challenges.embed", _external=True) + "?" + link,
    )
    return jsonify(body), 200

"""Cache-Control per route: private where a page shows this browser's data, public
where the answer is the same for everyone.

The lesson page shows (and writes) the browser's history, /history and its downloads
are that history: a shared cache (a school's proxy) must never keep them, so they are
``private`` and ``Vary: Cookie``. The widget, the API's GETs, oEmbed and /learn are a
pure function of their URL: public, for a short while (a deployment may change them).
Static files and the preview image set their own (content-hashed, long). Every
endpoint must have a policy here: the app refuses to start otherwise, so a new route
cannot be cached by accident.
"""

from __future__ import annotations

from dataclasses import dataclass

from flask import Flask, Response, request

SHORT = 300  # seconds a public answer may be reused


@dataclass(frozen=True)
class Policy:
    cache_control: str | None  # None: the view sets its own
    vary_cookie: bool = False


PRIVATE = Policy("private, no-cache", vary_cookie=True)
PRIVATE_NO_STORE = Policy("private, no-store", vary_cookie=True)
PUBLIC = Policy(f"public, max-age={SHORT}")
NO_STORE = Policy("no-store")  # each answer differs (random weights, POST results)
OWN = Policy(None)

POLICIES = {
    "pages.index": PRIVATE,
    "pages.random_weights": NO_STORE,
    "history.index": PRIVATE_NO_STORE,
    "history.download_csv": PRIVATE_NO_STORE,
    "history.download_json": PRIVATE_NO_STORE,
    "history.clear": PRIVATE_NO_STORE,
    "history.delete": PRIVATE_NO_STORE,
    "embed.index": PUBLIC,
    "embed.random_weights": NO_STORE,
    "embed.oembed": PUBLIC,
    "api.neuron": PUBLIC,
    "api.neuron_post": NO_STORE,
    "api.train": PUBLIC,
    "api.openapi": PUBLIC,
    "learn.index": PUBLIC,
    "preview.image": OWN,
    "static": OWN,
    "accessibility.statement": PUBLIC,
    "api.check": NO_STORE,
    "practice.index": PRIVATE_NO_STORE,  # this browser's progress
    "practice.clear": PRIVATE_NO_STORE,
    "practice.new": NO_STORE,  # a fresh problem each time
    "practice.sheet": PUBLIC,
    "challenges.index": PRIVATE,  # which ones this browser solved
    "challenges.show": PRIVATE,  # records a solved challenge in the cookie
    "challenges.new": PUBLIC,
    "challenges.embed": PUBLIC,
    "challenges_api.builtins": PUBLIC,
    "challenges_api.one": PUBLIC,
}


def apply_policy(response: Response) -> Response:
    """Set the endpoint's policy, unless the answer already says (a 429, say)."""
    policy = POLICIES.get(request.endpoint or "")
    if policy is None:
        return response
    if policy.cache_control and "Cache-Control" not in response.headers:
        response.headers["Cache-Control"] = policy.cache_control
    if policy.vary_cookie:
        response.vary.add("Cookie")
    return response


def init_app(app: Flask) -> None:
    missing = sorted(set(app.view_functions) - set(POLICIES))
    if missing:
        raise RuntimeError(
            f"no Cache-Control policy for {missing} in webapp/web/plumbing/caching.py"
        )
    app.after_request(apply_policy)

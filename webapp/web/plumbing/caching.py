"""Cache-Control per route: private where a page shows this browser's data, public
where the answer is the same for everyone.

The lesson page shows (and writes) the browser's history, /history and its downloads
are that history: a shared cache (a school's proxy) must never keep them, so they are
``private`` and ``Vary: Cookie``. The widget, the API's GETs, oEmbed and /learn are a
pure function of their URL: public, for a short while (a deployment may change them).
Static files and the preview image set their own (content-hashed, long). Every view
declares its policy with ``@cache_control(…)``: the app refuses to start otherwise, so
a new route cannot be cached by accident.
"""

from __future__ import annotations

from collections.abc import Callable

from flask import Flask, Response, request

from webapp.web.plumbing.route_facts import F, Policy, RouteTable, declare

SHORT = 300  # seconds a public answer may be reused

PRIVATE = Policy("private, no-cache", vary_cookie=True)
PRIVATE_NO_STORE = Policy("private, no-store", vary_cookie=True)
PUBLIC = Policy(f"public, max-age={SHORT}")
NO_STORE = Policy("no-store")  # each answer differs (random weights, POST results)
OWN = Policy(None)


def cache_control(policy: Policy) -> Callable[[F], F]:
    """Declare how the view's answers may be cached (required of every view)."""
    return declare(cache=policy)


def policies(routes: RouteTable) -> dict[str, Policy]:
    """Each endpoint's policy; a view that declared none stops the start."""
    missing = sorted(endpoint for endpoint, facts in routes.items() if facts.cache is None)
    if missing:
        raise RuntimeError(f"no Cache-Control policy for {missing}: add @cache_control(…)")
    return {endpoint: facts.cache for endpoint, facts in routes.items() if facts.cache}


def init_app(app: Flask, routes: RouteTable) -> None:
    table = policies(routes)

    def apply_policy(response: Response) -> Response:
        """Set the endpoint's policy, unless the answer already says (a 429, say)."""
        policy = table.get(request.endpoint or "")
        if policy is None:
            return response
        if policy.cache_control and "Cache-Control" not in response.headers:
            response.headers["Cache-Control"] = policy.cache_control
        if policy.vary_cookie:
            response.vary.add("Cookie")
        return response

    app.after_request(apply_policy)

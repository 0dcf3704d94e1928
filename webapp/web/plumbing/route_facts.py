"""What a route says about itself, on its view, where the route is.

Each fact has a small decorator beside the machinery that acts on it, warehouse-style:
``@cache_control(PUBLIC)`` (plumbing/caching.py), ``@rate_limited(API)``
(plumbing/rate_limits.py), ``@framable`` (plumbing/security.py: any site may frame it,
and it never opens the session) and ``@language_neutral`` (languages/request_language.py:
JSON for programs, the same in every language). A decorator only records the fact on
the view function and returns the function itself, so the order of the decorators under
``@bp.get`` does not matter.

At start, once every blueprint is registered, ``read(app)`` collects each endpoint's
facts into the one table the plumbing derives its own from (``create_app`` passes it
on); nothing keys a table by endpoint names written by hand.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, replace
from typing import Any, TypeVar

from flask import Flask

F = TypeVar("F", bound=Callable[..., Any])
_ATTRIBUTE = "neuron_lab_route_facts"


@dataclass(frozen=True)
class Policy:
    """How an answer may be cached (plumbing/caching.py names the policies)."""

    cache_control: str | None  # None: the view sets its own
    vary_cookie: bool = False


@dataclass(frozen=True)
class RouteFacts:
    """Everything a route may declare; the defaults are what an undeclared fact means."""

    cache: Policy | None = None  # required: a route without one stops the start
    rate_limit: str | None = None  # the setting whose count it shares, if it is limited
    framable: bool = False  # any site may frame it; it never opens the session
    speaks_language: bool = True  # False: JSON for programs, the same in every language


RouteTable = Mapping[str, RouteFacts]  # endpoint → its facts, read at start


def declare(**facts: Any) -> Callable[[F], F]:
    """A decorator recording ``facts`` (RouteFacts' fields) on a view function."""

    def record(view: F) -> F:
        setattr(view, _ATTRIBUTE, replace(facts_of(view), **facts))
        return view

    return record


def facts_of(view: Callable[..., Any]) -> RouteFacts:
    """What ``view`` declared (the defaults for anything it did not)."""
    facts = getattr(view, _ATTRIBUTE, None)
    return facts if isinstance(facts, RouteFacts) else RouteFacts()


def read(app: Flask) -> RouteTable:
    """Every endpoint's declared facts, read once every view is registered."""
    return {endpoint: facts_of(view) for endpoint, view in app.view_functions.items()}

"""The accessibility statement (/accessibility), for schools choosing the lesson."""

from __future__ import annotations

from flask import Blueprint, render_template

from webapp.web.caches.response_cache import mark_cacheable
from webapp.web.plumbing.caching import PUBLIC, cache_control

bp = Blueprint("accessibility", __name__)


@bp.get("/accessibility")
@cache_control(PUBLIC)
def statement() -> str:
    """WCAG 2.2 AA, point by point: what the site meets, how it was tested, what not yet."""
    mark_cacheable()
    return render_template("accessibility/statement.html")

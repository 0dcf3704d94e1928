"""Every blueprint of the site, registered in one place."""

from __future__ import annotations

from flask import Flask

from webapp.web.accessibility import views as accessibility_views
from webapp.web.api import challenges as challenge_api_views
from webapp.web.api import views as api_views
from webapp.web.caches import page_cache
from webapp.web.challenges import views as challenge_views
from webapp.web.cookies import records_cookie
from webapp.web.embed import views as embed_views
from webapp.web.history import views as history_views
from webapp.web.learn import views as learn_views
from webapp.web.lesson import preview as preview_views
from webapp.web.lesson import views as lesson_views
from webapp.web.practice import views as practice_views


def register_blueprints(app: Flask) -> None:
    page_cache.init_app(app)
    records_cookie.init_app(app)
    for module in (
        lesson_views,
        history_views,
        embed_views,
        api_views,
        preview_views,
        learn_views,
        practice_views,
        accessibility_views,
        challenge_views,
        challenge_api_views,
    ):
        app.register_blueprint(module.bp)

"""Every blueprint of the site, registered in one place."""

from __future__ import annotations

from flask import Flask

from webapp.web import (
    accessibility_views,
    api_views,
    challenge_api_views,
    challenge_views,
    embed_views,
    history_views,
    learn_views,
    lesson_views,
    page_cache,
    practice_views,
    preview_views,
    records_cookie,
)


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

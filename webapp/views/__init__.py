"""The blueprints: views only parse, call the service and render."""

from __future__ import annotations

from flask import Flask


def register_blueprints(app: Flask) -> None:
    from . import api, embed, fragments, history, learn, pages, preview

    fragments.init_app(app)

    for module in (pages, history, embed, api, preview, learn):
        app.register_blueprint(module.bp)

"""The blueprints: views only parse, call the service and render."""

from __future__ import annotations

from flask import Flask


def register_blueprints(app: Flask) -> None:
    from . import api, embed, history, pages

    for module in (pages, history, embed, api):
        app.register_blueprint(module.bp)

"""Every room's blueprint, registered in one place (a new room adds its line here; a
new route in a room is a view in its views module, with its facts declared on it)."""

from __future__ import annotations

from flask import Flask

from webapp.web.accessibility import views as accessibility
from webapp.web.api import challenges as challenges_api
from webapp.web.api import views as api
from webapp.web.challenges import views as challenges
from webapp.web.embed import views as embed
from webapp.web.history import views as history
from webapp.web.learn import views as learn
from webapp.web.lesson import preview
from webapp.web.lesson import views as lesson
from webapp.web.practice import views as practice

ROOMS = (
    lesson,
    history,
    embed,
    api,
    preview,
    learn,
    practice,
    accessibility,
    challenges,
    challenges_api,
)


def register_blueprints(app: Flask) -> None:
    for room in ROOMS:
        app.register_blueprint(room.bp)

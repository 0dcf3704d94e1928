"""The learning page: the same neuron finds its weights by gradient descent."""

from __future__ import annotations

from flask import Blueprint, render_template, request

from webapp.learning.descent import (
    POPULATION,
    example_step,
    learned_parameters,
    make_people,
    trained,
)
from webapp.learning.params import parse_training
from webapp.pictures.learning_charts import accuracy_curve, loss_curve, plane
from webapp.web.links import share_url

bp = Blueprint("learn", __name__)


@bp.get("/learn")
def index() -> tuple[str, int]:
    form = parse_training(request.args.to_dict(flat=False))
    if not form.ok:
        return render_template("learn/index.html", form=form, training=None), 400
    training = trained(form.settings)
    people = make_people(training.n, training.seed)
    return (
        render_template(
            "learn/index.html",
            form=form,
            training=training,
            people=people,
            obese_share=float(people.y.mean()),
            population=POPULATION,
            step=example_step(training.lr),
            loss=loss_curve(training),
            accuracy=accuracy_curve(training),
            plane=plane(people, training),
            lesson_url=share_url(learned_parameters(training), external=False),
        ),
        200,
    )

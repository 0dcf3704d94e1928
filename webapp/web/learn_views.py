"""The learning page: the same neuron finds its weights by gradient descent."""

from __future__ import annotations

from functools import lru_cache

from flask import Blueprint, render_template, request

from webapp.learning.descent import Training, make_people, train, worked_step
from webapp.learning.params import ParsedTraining, parse_training
from webapp.lesson.numbers import significant
from webapp.lesson.params import LESSON_DEFAULTS
from webapp.pictures.learning_charts import accuracy_curve, loss_curve, plane
from webapp.web.links import share_url

bp = Blueprint("learn", __name__)

# The lesson's person and its random weights, for the one worked step.
EXAMPLE_X = (4.0, 80.0)
EXAMPLE_Y = 1.0  # BMI 53.8: obese by the WHO rule
EXAMPLE_W = (0.2, 0.00001)
EXAMPLE_B = 1.0


@lru_cache(maxsize=32)
def cached_training(lr: float, epochs: int, n: int, seed: int) -> Training:
    """Training is deterministic, so a repeated URL is answered from memory."""
    return train(lr, epochs, n, seed)


def learned_lesson_url(training: Training) -> str:
    """The lesson page for the example person with the learned weights."""
    raw = dict(LESSON_DEFAULTS)
    raw.update(
        w1=significant(training.w[0], 6),
        w2=significant(training.w[1], 6),
        b=significant(training.b, 6),
    )
    return share_url(raw, external=False)


@bp.get("/learn")
def index() -> tuple[str, int]:
    form: ParsedTraining = parse_training(request.args.to_dict(flat=False))
    if not form.ok:
        return render_template("learn/index.html", form=form, training=None), 400
    v = form.values
    training = cached_training(float(v["lr"]), int(v["epochs"]), int(v["n"]), int(v["seed"]))
    people = make_people(training.n, training.seed)
    return (
        render_template(
            "learn/index.html",
            form=form,
            training=training,
            people=people,
            obese_share=float(people.y.mean()),
            step=worked_step(EXAMPLE_X, EXAMPLE_Y, EXAMPLE_W, EXAMPLE_B, training.lr),
            loss=loss_curve(training),
            accuracy=accuracy_curve(training),
            plane=plane(people, training),
            lesson_url=learned_lesson_url(training),
        ),
        200,
    )

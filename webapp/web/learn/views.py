"""The learning page: the same neuron finds its weights by gradient descent."""

from __future__ import annotations

from flask import Blueprint, render_template, request

from webapp.language import local_number, ngettext
from webapp.learning.descent import (
    POPULATION,
    Training,
    example_step,
    learned_parameters,
    make_people,
)
from webapp.learning.params import ParsedTraining, parse_training
from webapp.pictures.learning_charts import accuracy_curve, loss_curve, plane
from webapp.web.languages.request_language import current
from webapp.web.languages.switcher import given
from webapp.web.learn.training import counted_training
from webapp.web.lesson.links import share_url
from webapp.web.plumbing.caching import PUBLIC, cache_control
from webapp.web.plumbing.rate_limits import LEARNING, rate_limited

bp = Blueprint("learn", __name__)


def train_title(training: Training, form: ParsedTraining) -> str:
    """Section 4's heading: the epochs and the learning rate as the learner typed it."""
    # English has always said "epochs" for one too; the translations have their forms.
    return ngettext(
        "4. Train: %(num)d epochs at η = %(lr)s",
        "4. Train: %(num)d epochs at η = %(lr)s",
        training.epochs,
        lr=local_number(form.raw["lr"]),
    )


@bp.get("/learn")
@cache_control(PUBLIC)
@rate_limited(LEARNING)
def index() -> tuple[str, int]:
    form = parse_training(request.args.to_dict(flat=False))
    query = given(form.raw, request.args)
    if not form.ok:
        return render_template("learn/index.html", form=form, training=None, page_query=query), 400
    training = counted_training(form.settings)
    people = make_people(training.n, training.seed)
    return (
        render_template(
            "learn/index.html",
            form=form,
            training=training,
            train_title=train_title(training, form),
            people=people,
            obese_share=float(people.y.mean()),
            population=POPULATION,
            step=example_step(training.lr),
            loss=loss_curve(training),
            accuracy=accuracy_curve(training),
            plane=plane(people, training),
            lesson_url=share_url(learned_parameters(training), current().shared, external=False),
            page_query=query,
        ),
        200,
    )

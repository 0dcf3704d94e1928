"""The activation registry: everything the site knows about each activation, in one place.

The form's options, the worked steps, the curve, the five-activation table, the luck
meter, the preview card, the API's enum and the OpenAPI prose are all derived from
``ACTIVATIONS``. Adding an activation is one ``register(...)`` call here plus its
worked-steps partial (``templates/lesson/activations/_<name>.html``). No Flask.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field

import numpy as np

from webapp.language import N_, gettext, lazy_formula, lazy_gettext, local_lists

# exp() overflows float64 just above 709.78; stay clear of it so no step ever
# holds inf and numpy never warns.
EXP_SAFE = 700.0

Intermediates = tuple[tuple[str, float], ...]


@dataclass(frozen=True)
class Activation:
    """One activation f and what a learner, a picture and the API need to know about it."""

    name: str  # the query value: activation=<name>
    symbol: str  # as written in ŷ = <symbol>(z): σ, tanh, relu, step, f
    # title, prose, form_label and what_it_does are lazy (lazy_gettext): each page shows them in its
    # language; str() them for JSON.
    title: str  # a heading: "Sigmoid"
    prose: str  # inside a sentence: "… sigmoid gives 0.8582"
    form_label: str  # the form's option
    # What f does to z, one clause without its full stop, said wherever the page
    # describes f (the worked step, the glossary): sigmoid and tanh squash z into their
    # range; ReLU, step and linear do not.
    what_it_does: str
    # formula, intermediate_labels and worked_text are plain English str (the API and
    # predict mode's patterns read them); the ones with words are marked N_, and said in
    # the page's language by translated_formula, intermediate_label and worded_text,
    # which also write a list the language's way (max(0; z) beside a decimal comma: the
    # language registry's list separator).
    formula: str  # plain text, for titles, tables and the API
    output_range: str  # plain text: "(0, 1)"
    threshold: float  # "Obese" when f(z) ≥ threshold
    # The z where f reaches the threshold: f is non-decreasing, so "output ≥ threshold"
    # is "z ≥ z*" (at z* itself the answer is already the positive label; boundary.py).
    z_star: float
    function: Callable[[np.ndarray], np.ndarray]  # vectorised f, for pictures and simulations
    # One value with the intermediate steps the lesson shows (e^(−z), …), in order.
    worked: Callable[[float], tuple[float, Intermediates]]
    # How to label each intermediate in the table of stored values.
    intermediate_labels: Mapping[str, str] = field(default_factory=dict)
    output_bounds: tuple[float | None, float | None] = (None, None)  # None: unbounded
    plot_half_width: float = 3.0  # the curve shows at least z ∈ [−w, w]
    smooth: bool = False  # sample the curve densely (else straight pieces)
    kinks: tuple[float, ...] = ()  # where straight pieces meet
    jumps: tuple[float, ...] = ()  # where f jumps (drawn as a hole and a dot)
    # Predict mode: how each intermediate value and the output ("output") is worked, as
    # text with ``{name}`` for an earlier value (z or an intermediate). Alternatives in
    # order: the first whose names are all in the trace is used (sigmoid works a very
    # negative z through e^z). The same text gives the formula (names as symbols) and
    # the numbers substituted, so no activation needs its own hints.
    worked_text: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    # The same steps as ``worked``, each from the learner's own earlier values where
    # given (their e^(−z) → their 1 + e^(−z) → their ŷ): for "right from your earlier
    # answer". Takes z and the learner's intermediates; None: ``worked`` from z alone.
    chained: Callable[[float, Mapping[str, float]], tuple[float, Intermediates]] | None = None

    def __hash__(self) -> int:
        # By name: its lazy texts cannot be hashed, and equal activations share a name,
        # so pictures and the luck meter can keep work per activation (functools caches).
        return hash(self.name)

    @property
    def steps_partial(self) -> str:
        """The template that works this activation's own steps with the numbers."""
        return f"lesson/activations/_{self.name}.html"

    @property
    def translated_formula(self) -> str:
        """The formula in the active language ("step(z) = 1, wenn z ≥ 0, sonst 0";
        "relu(z) = max(0; z)" beside a decimal comma)."""
        return local_lists(gettext(self.formula))

    @staticmethod
    def worded_text(text: str) -> str:
        """One of ``worked_text``'s texts in the active language, its lists too."""
        return local_lists(gettext(text))

    def intermediate_label(self, name: str) -> str:
        """How the intermediate value ``name`` is labelled, in the active language
        ("Nenner"; its name when the registry gives no label)."""
        return gettext(self.intermediate_labels.get(name, name))

    @property
    def uses_e(self) -> bool:
        """Whether its formula raises e to a power (a page then says what e is)."""
        return "e^" in self.formula

    @property
    def bounded(self) -> bool:
        return None not in self.output_bounds

    def worked_from(self, z: float, theirs: Mapping[str, float]) -> tuple[float, Intermediates]:
        """Every step from the learner's own z and intermediates (see ``chained``)."""
        if self.chained is None:
            return self.worked(z)
        return self.chained(z, theirs)

    def __call__(self, z: np.ndarray | float) -> np.ndarray:
        return self.function(np.asarray(z, dtype=np.float64))


ACTIVATIONS: dict[str, Activation] = {}
DEFAULT_ACTIVATION = "sigmoid"  # the name links and JSON bodies default to


def register(activation: Activation) -> Activation:
    """Add an activation to the registry (a test may register its own)."""
    ACTIVATIONS[activation.name] = activation
    return activation


def lookup(name: str) -> Activation:
    """The registered activation called ``name``, or ValueError naming the unknown one.

    Only the parsers call it (the query's, the JSON body's): below them the activation
    travels as the object, never by name (tests/unit/test_architecture.py)."""
    try:
        return ACTIVATIONS[name]
    except KeyError:
        raise ValueError(f"unknown activation {name!r}") from None


# -- the five activations of the lesson ------------------------------------------------


def _sigmoid(z: np.ndarray) -> np.ndarray:
    # Stable for any finite z: e^(−|z|) never overflows.
    e = np.exp(-np.abs(z))
    return np.where(z >= 0, 1.0 / (1.0 + e), e / (1.0 + e))


def _sigmoid_worked(z: float) -> tuple[float, Intermediates]:
    # 1 / (1 + e^(−z)) is what the lesson teaches and is accurate wherever e^(−z) is
    # finite; for very negative z the equal e^z / (1 + e^z) avoids the overflow.
    if z >= -EXP_SAFE:
        exp_neg_z = float(np.exp(-z))
        denominator = 1.0 + exp_neg_z
        return 1.0 / denominator, (("exp_neg_z", exp_neg_z), ("denominator", denominator))
    exp_z = float(np.exp(z))
    denominator = 1.0 + exp_z
    return exp_z / denominator, (("exp_z", exp_z), ("denominator", denominator))


def _divide(top: float, bottom: float) -> float:
    """top / bottom for a learner's own values (their denominator may be 0)."""
    return top / bottom if bottom != 0 else float("nan")


def _sigmoid_chained(z: float, theirs: Mapping[str, float]) -> tuple[float, Intermediates]:
    _, exact = _sigmoid_worked(z)
    first = exact[0][0]  # exp_neg_z, or exp_z for a very negative z
    e = theirs.get(first, exact[0][1])
    denominator = 1.0 + e
    top = e if first == "exp_z" else 1.0
    output = _divide(top, theirs.get("denominator", denominator))
    return output, ((first, exact[0][1]), ("denominator", denominator))


def _tanh_chained(z: float, theirs: Mapping[str, float]) -> tuple[float, Intermediates]:
    output, exact = _tanh_worked(z)
    if not exact:
        return output, exact
    exp_z = theirs.get("exp_z", exact[0][1])
    exp_neg_z = theirs.get("exp_neg_z", exact[1][1])
    numerator, denominator = exp_z - exp_neg_z, exp_z + exp_neg_z
    output = _divide(theirs.get("numerator", numerator), theirs.get("denominator", denominator))
    return output, (
        ("exp_z", exact[0][1]),
        ("exp_neg_z", exact[1][1]),
        ("numerator", numerator),
        ("denominator", denominator),
    )


def _tanh_worked(z: float) -> tuple[float, Intermediates]:
    output = float(np.tanh(z))
    if abs(z) > EXP_SAFE / 2:
        return output, ()  # e^z and e^(−z) would overflow: tanh is saturated at ±1
    exp_z, exp_neg_z = float(np.exp(z)), float(np.exp(-z))
    return output, (
        ("exp_z", exp_z),
        ("exp_neg_z", exp_neg_z),
        ("numerator", exp_z - exp_neg_z),
        ("denominator", exp_z + exp_neg_z),
    )


def _plain(
    function: Callable[[np.ndarray], np.ndarray],
) -> Callable[[float], tuple[float, Intermediates]]:
    """A worked step with no intermediate values: just f(z)."""
    return lambda z: (float(function(np.asarray(z, dtype=np.float64))), ())


def _relu(z: np.ndarray) -> np.ndarray:
    return np.maximum(0.0, z)


def _step(z: np.ndarray) -> np.ndarray:
    return np.where(z >= 0, 1.0, 0.0)


def _linear(z: np.ndarray) -> np.ndarray:
    return z.copy()


SIGMOID = register(
    Activation(
        name="sigmoid",
        symbol="σ",
        title=lazy_gettext("Sigmoid"),
        prose=lazy_gettext("sigmoid"),
        form_label=lazy_gettext("sigmoid σ(z)"),
        what_it_does=lazy_gettext("Sigmoid squashes any z into a number between 0 and 1"),
        formula="σ(z) = 1 / (1 + e^(−z))",
        output_range="(0, 1)",
        threshold=0.5,
        z_star=0.0,
        function=_sigmoid,
        worked=_sigmoid_worked,
        # e^(−z) and 1 + e^(−z); below z = −700, e^z and 1 + e^z instead
        intermediate_labels={
            "exp_neg_z": "e^(−z)",
            "exp_z": "e^z",
            "denominator": N_("denominator"),
        },
        worked_text={
            "exp_neg_z": ("e^(−{z})",),
            "exp_z": ("e^{z}",),
            "denominator": ("1 + {exp_z}", "1 + {exp_neg_z}"),
            "output": ("{exp_z} / {denominator}", "1 / {denominator}"),
        },
        chained=_sigmoid_chained,
        output_bounds=(0.0, 1.0),
        plot_half_width=6.0,
        smooth=True,
    )
)
register(
    Activation(
        name="tanh",
        symbol="tanh",
        title=lazy_gettext("Hyperbolic tangent"),
        prose=lazy_gettext("hyperbolic tangent"),
        form_label="tanh(z)",
        what_it_does=lazy_gettext("tanh squashes any z into a number between −1 and 1"),
        formula="tanh(z) = (e^z − e^(−z)) / (e^z + e^(−z))",
        output_range="(−1, 1)",
        threshold=0.0,
        z_star=0.0,
        function=np.tanh,
        worked=_tanh_worked,
        # none when |z| > 350: tanh is saturated
        intermediate_labels={
            "exp_z": "e^z",
            "exp_neg_z": "e^(−z)",
            "numerator": N_("numerator"),
            "denominator": N_("denominator"),
        },
        worked_text={
            "exp_z": ("e^{z}",),
            "exp_neg_z": ("e^(−{z})",),
            "numerator": ("{exp_z} − {exp_neg_z}",),
            "denominator": ("{exp_z} + {exp_neg_z}",),
            "output": ("{numerator} / {denominator}", "tanh({z})"),
        },
        chained=_tanh_chained,
        output_bounds=(-1.0, 1.0),
        plot_half_width=4.0,
        smooth=True,
    )
)
register(
    Activation(
        name="relu",
        symbol="relu",
        title="ReLU",
        prose="ReLU",
        form_label=lazy_formula("ReLU max(0, z)"),
        what_it_does=lazy_gettext("ReLU keeps a positive z and turns a negative one into 0"),
        # no words: beside a decimal comma its list is written max(0; z) (local_lists)
        formula="relu(z) = max(0, z)",
        output_range="[0, ∞)",
        threshold=0.5,
        z_star=0.5,
        function=_relu,
        worked=_plain(_relu),
        worked_text={"output": ("max(0, {z})",)},
        output_bounds=(0.0, None),
        kinks=(0.0,),
    )
)
register(
    Activation(
        name="step",
        symbol="step",
        title=lazy_gettext("Step"),
        prose=lazy_gettext("step"),
        form_label=lazy_gettext("step(z)"),
        what_it_does=lazy_gettext("The step function gives 1 when z ≥ 0 and 0 otherwise"),
        formula=N_("step(z) = 1 if z ≥ 0, else 0"),
        output_range="{0, 1}",
        threshold=0.5,
        z_star=0.0,
        function=_step,
        worked=_plain(_step),
        worked_text={"output": (N_("step({z}): 1 if {z} ≥ 0, else 0"),)},
        output_bounds=(0.0, 1.0),
        jumps=(0.0,),
    )
)
register(
    Activation(
        name="linear",
        symbol="f",
        title=lazy_gettext("Linear (identity)"),
        prose=lazy_gettext("linear (identity)"),
        form_label=lazy_gettext("linear f(z) = z"),
        what_it_does=lazy_gettext("The linear activation passes z through unchanged"),
        formula="f(z) = z",
        output_range="(−∞, ∞)",
        threshold=0.5,
        z_star=0.5,
        function=_linear,
        worked=_plain(_linear),
        worked_text={"output": ("{z}",)},
    )
)

"""The neuron diagram: x₁ and x₂ through their weights into Σ, then z, f and ŷ.

Every box, circle, arrow and text position is computed here; the partial
templates/pictures/_neuron.html only prints them.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from webapp.language import pgettext
from webapp.lesson.labels import label_for
from webapp.lesson.neuron import Trace
from webapp.pictures.scale import WIDTH, Label, r1, sign_class, text_width


@dataclass(frozen=True)
class Wire:
    """One contribution's way into Σ: its path, thickness and sign."""

    path: str
    width: float | int  # stroke width grows with |contribution|
    sign: str  # pos, neg or zero: the class (colour and dash pattern)


@dataclass(frozen=True)
class Box:
    """A rounded rectangle."""

    x: float | int
    y: float | int
    width: float | int
    height: float | int
    rx: float | int


@dataclass(frozen=True)
class Circle:
    cx: float | int
    cy: float | int
    r: float | int


@dataclass(frozen=True)
class Input:
    """x₁ or x₂: its box and the texts down its wire."""

    box: Box
    title: str  # "height" / "weight", in the page's language
    name: Label  # where the title goes
    value: Label  # "x₁ = 4 ft"
    weight: Label  # "× w₁ = 0.2", written across the wire's first gap
    product: Label  # "+0.8", across the second


@dataclass(frozen=True)
class Arrow:
    """A link between two nodes and its head."""

    path: str
    head: str


@dataclass(frozen=True)
class NeuronDiagram:
    """Top to bottom: x₁ and x₂, each wire through its weight into Σ (the bias from
    the left), then z, f and ŷ. Labels sit on the wires, so nothing needs rotating."""

    width: int
    height: int
    wires: tuple[Wire, Wire, Wire]  # x₁ → Σ, x₂ → Σ, b → Σ
    contributions: tuple[float, float, float]  # w₁x₁, w₂x₂, b
    inputs: tuple[Input, Input]
    bias: Box
    bias_label: Label
    sum: Circle  # Σ
    sum_label: Label
    to_f: Arrow  # Σ down to f, carrying z
    z_label: Label
    f: Circle
    f_label: Label
    f_big: bool  # a one-letter symbol (σ) is drawn large; tanh, relu… are words
    to_answer: Arrow  # f across to ŷ
    output_label: Label  # "ŷ = 0.8582"
    pill: Box  # the answer: Obese or Not Obese
    pill_label: Label
    reason: Label  # "as ŷ ≥ 0.5"


_HEIGHT = 336
_SUM = (170.0, 190.0)
_SUM_R = 26.0
_F = (170.0, 272.0)
_F_R = 22.0
_INPUT_X = (80.0, 260.0)  # the centres of the x₁ and x₂ boxes
_INPUT_HALF_WIDTH = 72.0
_INPUT_TOP, _INPUT_BOTTOM = 6.0, 50.0
_INPUT_TEXT_Y = (23.0, 42.0)  # the input's name, then its value
_BEND_Y = 132.0  # where each wire turns towards Σ
# The wire stops for each label written across it ("× w₁ = 0.2", then "+0.8").
_GAPS = ((66.0, 88.0), (102.0, 124.0))
_GAP_TEXT_RISE = 6.0  # a label's baseline sits this far above its gap's end
_BIAS_LEFT, _BIAS_FROM = 4.0, 86.0  # the bias box's edges; its wire starts on the right
_BIAS_HEIGHT = 28.0
_NODE_RX = 8.0
_ARROW_LENGTH, _ARROW_HALF_WIDTH = 9.0, 5.0
_ANSWER_X = 226.0  # the left edge of ŷ, its answer and the reason
_PILL_HEIGHT = 26.0
_PILL_FONT, _PILL_PADDING, _PILL_LEAST = 14.0, 14.4, 62.0  # "Not Obese" is 90 wide


def _edge_width(value: float, biggest: float) -> float | int:
    """1 to 8 units: thickness in proportion to the contribution's size."""
    if biggest == 0 or value == 0:
        return 1
    return r1(1.5 + 6.5 * abs(value) / biggest)


def _box(x0: float, y0: float, x1: float, y1: float, rx: float = _NODE_RX) -> Box:
    return Box(r1(x0), r1(y0), r1(x1 - x0), r1(y1 - y0), r1(rx))


def _circle(centre: tuple[float, float], r: float) -> Circle:
    return Circle(r1(centre[0]), r1(centre[1]), r1(r))


def _wires(trace: Trace) -> tuple[Wire, Wire, Wire]:
    """x₁ and x₂ down through their gaps and bent into Σ; the bias in from the left."""
    contributions = (trace.products[0], trace.products[1], trace.b)
    biggest = max(abs(c) for c in contributions)
    wires = []
    for x, c in zip(_INPUT_X, contributions[:2], strict=True):
        dx, dy = _SUM[0] - x, _SUM[1] - _BEND_Y
        length = math.hypot(dx, dy)
        ex, ey = _SUM[0] - dx / length * _SUM_R, _SUM[1] - dy / length * _SUM_R
        path = f"M{r1(x)} {r1(_INPUT_BOTTOM)}"
        path += "".join(f"V{r1(top)}M{r1(x)} {r1(bottom)}" for top, bottom in _GAPS)
        path += f"V{r1(_BEND_Y)}L{r1(ex)} {r1(ey)}"
        wires.append(Wire(path, _edge_width(c, biggest), sign_class(c)))
    bias = f"M{r1(_BIAS_FROM)} {r1(_SUM[1])}H{r1(_SUM[0] - _SUM_R)}"
    wires.append(Wire(bias, _edge_width(trace.b, biggest), sign_class(trace.b)))
    return wires[0], wires[1], wires[2]


def _input(x: float, title: str) -> Input:
    (_, weight_end), (_, product_end) = _GAPS
    return Input(
        box=_box(x - _INPUT_HALF_WIDTH, _INPUT_TOP, x + _INPUT_HALF_WIDTH, _INPUT_BOTTOM),
        title=title,
        name=Label(r1(x), r1(_INPUT_TEXT_Y[0]), "middle"),
        value=Label(r1(x), r1(_INPUT_TEXT_Y[1]), "middle"),
        weight=Label(r1(x), r1(weight_end - _GAP_TEXT_RISE), "middle"),
        product=Label(r1(x), r1(product_end - _GAP_TEXT_RISE), "middle"),
    )


def _arrow_down(x: float, y0: float, tip: float) -> Arrow:
    base = tip - _ARROW_LENGTH
    head = f"M{r1(x)} {r1(tip)}l-{r1(_ARROW_HALF_WIDTH)}-{r1(_ARROW_LENGTH)}"
    return Arrow(f"M{r1(x)} {r1(y0)}V{r1(base)}", head + f"h{r1(2 * _ARROW_HALF_WIDTH)}z")


def _arrow_right(y: float, x0: float, tip: float) -> Arrow:
    base = tip - _ARROW_LENGTH
    head = f"M{r1(tip)} {r1(y)}l-{r1(_ARROW_LENGTH)}-{r1(_ARROW_HALF_WIDTH)}"
    return Arrow(f"M{r1(x0)} {r1(y)}H{r1(base)}", head + f"v{r1(2 * _ARROW_HALF_WIDTH)}z")


def neuron_diagram(trace: Trace) -> NeuronDiagram:
    (sx, sy), (fx, fy) = _SUM, _F
    to_f = _arrow_down(sx, sy + _SUM_R, fy - _F_R - 1)
    z_label_y = fy - _F_R - 1 - _ARROW_LENGTH - 2  # just above the arrow's head
    f_big = len(trace.activation.symbol) == 1
    answer = str(label_for(trace.decision))
    pill_width = max(_PILL_LEAST, text_width(answer, _PILL_FONT) + _PILL_PADDING)
    answer_x = min(_ANSWER_X, WIDTH - 2 - pill_width)  # a long answer moves left to fit
    pill_y = fy - 2
    bias_top = sy - _BIAS_HEIGHT / 2
    return NeuronDiagram(
        width=WIDTH,
        height=_HEIGHT,
        wires=_wires(trace),
        contributions=(trace.products[0], trace.products[1], trace.b),
        # "weight" is the person's here, not the neuron's w: its own context
        inputs=(
            _input(_INPUT_X[0], pgettext("neuron input", "height")),
            _input(_INPUT_X[1], pgettext("neuron input", "weight")),
        ),
        bias=_box(_BIAS_LEFT, bias_top, _BIAS_FROM, bias_top + _BIAS_HEIGHT),
        bias_label=Label(r1((_BIAS_LEFT + _BIAS_FROM) / 2), r1(sy + 5), "middle"),
        sum=_circle(_SUM, _SUM_R),
        sum_label=Label(r1(sx), r1(sy + 8), "middle"),
        to_f=to_f,
        z_label=Label(r1(sx + 10), r1(z_label_y), "start"),
        f=_circle(_F, _F_R),
        f_label=Label(r1(fx), r1(fy + (7 if f_big else 5)), "middle"),
        f_big=f_big,
        to_answer=_arrow_right(fy, fx + _F_R, answer_x - 5),
        output_label=Label(r1(answer_x), r1(fy - 10), "start"),
        pill=_box(answer_x, pill_y, answer_x + pill_width, pill_y + _PILL_HEIGHT, 13),
        pill_label=Label(r1(answer_x + pill_width / 2), r1(pill_y + 18), "middle"),
        reason=Label(r1(answer_x), r1(pill_y + _PILL_HEIGHT + 18), "start"),
    )

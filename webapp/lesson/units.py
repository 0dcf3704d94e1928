"""Units of the lesson's person: the neuron reads feet and kilograms, people type others.

Exact definitions, so 30.48 cm is exactly 1 ft and 1 lb exactly 0.45359237 kg. No Flask.
"""

from __future__ import annotations

METRES_PER_FOOT = 0.3048
KG_PER_POUND = 0.45359237

# How many of the unit make one foot (divide by it to get feet).
HEIGHT_UNITS: dict[str, float] = {"ft": 1.0, "in": 12.0, "cm": 30.48, "m": METRES_PER_FOOT}
# Kilograms in one of the unit (multiply by it to get kilograms).
WEIGHT_UNITS: dict[str, float] = {"kg": 1.0, "lb": KG_PER_POUND}

# Upper limits in the unit given (inclusive): 10 ft and 700 kg, as the contract fixes them.
MAX_HEIGHT: dict[str, float] = {"ft": 10.0, "in": 120.0, "cm": 304.8, "m": 3.048}
MAX_WEIGHT: dict[str, float] = {"kg": 700.0, "lb": 1543.24}


def to_feet(value: float, unit: str) -> float:
    """Height in the given unit → feet (the neuron's x₁)."""
    return value / HEIGHT_UNITS[unit]


def to_kg(value: float, unit: str) -> float:
    """Weight in the given unit → kilograms (the neuron's x₂)."""
    return value * WEIGHT_UNITS[unit]

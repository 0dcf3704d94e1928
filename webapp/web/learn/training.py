"""A training run for the learning page and the training API, counted by its cost."""

from __future__ import annotations

from webapp.learning.descent import Training, TrainingSettings, memoised, trained
from webapp.web.plumbing.rate_limits import costly_training


def counted_training(settings: TrainingSettings) -> Training:
    """The training ``settings`` ask for; a run not already in memory counts its people ×
    epochs against this client's RATELIMIT_TRAINING (one from memory costs nothing)."""
    if memoised(settings):
        return trained(settings)
    return costly_training(settings.work, lambda: trained(settings))

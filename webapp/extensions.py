"""Flask extensions, created unbound here so that any module can import them
without importing the application factory (nothing imports upwards)."""

from __future__ import annotations

from flask_wtf.csrf import CSRFProtect

csrf = CSRFProtect()

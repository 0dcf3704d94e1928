"""Flask extensions, created unbound here so that any module can import them
without importing the application factory (nothing imports upwards)."""

from __future__ import annotations

from flask_compress import Compress
from flask_wtf.csrf import CSRFProtect

csrf = CSRFProtect()
# Compresses each page once (Brotli or gzip, as the browser accepts); the response
# cache (web/response_cache.py) keeps the compressed bytes.
compress = Compress()

"""gunicorn settings for production: ``gunicorn -c gunicorn.conf.py wsgi:app``.

Everything can be set from the environment: HOST, PORT (or BIND), WEB_CONCURRENCY.
"""

import multiprocessing
import os

bind = os.environ.get("BIND") or f"{os.environ.get('HOST', '127.0.0.1')}:{os.environ.get('PORT', '8000')}"
# The app is CPU-bound and keeps no server-side state: one worker per core, plus one.
workers = int(os.environ.get("WEB_CONCURRENCY", multiprocessing.cpu_count() + 1))
worker_class = "sync"
timeout = int(os.environ.get("GUNICORN_TIMEOUT", "30"))
graceful_timeout = 10
keepalive = 5
# Recycle workers now and then so no slow leak can build up.
max_requests = 10_000
max_requests_jitter = 1_000
accesslog = os.environ.get("ACCESS_LOG", "-") or None
errorlog = "-"
# Load the app once in the master so a broken configuration fails at start, and the
# instance folder's secret key is created before any worker forks.
preload_app = True

"""gunicorn settings for production: ``gunicorn -c gunicorn.conf.py wsgi:app``.

Everything can be set from the environment: HOST, PORT (or BIND), WEB_CONCURRENCY,
WORKER_CONNECTIONS, GUNICORN_TIMEOUT, FORWARDED_ALLOW_IPS, ACCESS_LOG (a path, ``-``
for stdout, empty for none) and GUNICORN_CONTROL_SOCKET (a path, to enable ``gunicornc``).
"""

# gevent patches the standard library before anything imports it: the app is loaded in
# the master (preload_app, below), where requests (the LTI tool's calls to a learning
# platform) imports ssl; patched only later, in each worker, ssl's SSLContext recurses
# forever on the first https request ("RecursionError: maximum recursion depth").
from gevent import monkey

monkey.patch_all()

import multiprocessing  # noqa: E402
import os  # noqa: E402

bind = (
    os.environ.get("BIND")
    or f"{os.environ.get('HOST', '127.0.0.1')}:{os.environ.get('PORT', '8000')}"
)
# The app is CPU-bound and keeps no server-side state: one worker per core, plus one.
workers = int(os.environ.get("WEB_CONCURRENCY") or multiprocessing.cpu_count() + 1)
# gevent workers: a request is a few milliseconds of CPU, but a client may be slow or
# idle; each connection waits in its own greenlet, so slow clients never hold a worker
# (sync workers could be stalled by as many idle connections as there are workers),
# and no reverse proxy is needed to buffer them. Measured faster than threads here.
# One address may hold at most CONNECTIONS_PER_CLIENT (from the environment too) of a
# worker's WORKER_CONNECTIONS (webapp/serving.py; 0: no cap), and the app reads a body
# within a deadline (FLASK_BODY_TIMEOUT), so thousands of slow clients cannot fill
# every slot.
from webapp.serving import capped_gevent_worker  # noqa: E402

worker_class = capped_gevent_worker(int(os.environ.get("CONNECTIONS_PER_CLIENT") or 200))
worker_connections = int(os.environ.get("WORKER_CONNECTIONS") or 1000)
timeout = int(os.environ.get("GUNICORN_TIMEOUT") or 30)
# SCRIPT_NAME and X-Forwarded-* headers are trusted only from the addresses named here
# (none by default): a local client must not be able to move the site's URLs.
forwarded_allow_ips = os.environ.get("FORWARDED_ALLOW_IPS", "")
graceful_timeout = 10
keepalive = 5
# Recycle workers now and then so no slow leak can build up.
max_requests = 10_000
max_requests_jitter = 1_000
accesslog = os.environ.get("ACCESS_LOG", "-") or None
errorlog = "-"
# Worker heartbeats go through a file; keep it in memory, not on a possibly slow disk.
if os.path.isdir("/dev/shm"):
    worker_tmp_dir = "/dev/shm"
# gunicorn 25+ opens a control socket at one fixed path per user ($HOME/.gunicorn/
# gunicorn.ctl), so two servers on one host would take it from each other. Off
# unless a path is given.
control_socket = os.environ.get("GUNICORN_CONTROL_SOCKET") or "gunicorn.ctl"
control_socket_disable = not os.environ.get("GUNICORN_CONTROL_SOCKET")
# Load the app once in the master so a broken configuration fails at start, and the
# instance folder's secret key is created before any worker forks.
preload_app = True


def when_ready(server) -> None:
    """Serve one request to ``/`` in the master, before any worker forks.

    Jinja compiles templates lazily and the lesson memoises pure results, both per
    process: without this every new worker (at start, and each time one is recycled)
    would spend its first request, about half a second, warming up. Forked from a warm
    master, workers share the compiled templates and start fast. With TRUSTED_HOSTS set
    the request names the first trusted host (any other would be refused), so the pages
    it warms are the ones served.
    """
    from werkzeug.test import Client

    try:
        app = server.app.wsgi()
        trusted = app.config.get("TRUSTED_HOSTS") or ["localhost"]
        response = Client(app).get("/", base_url=f"http://{trusted[0].lstrip('.')}")
        server.log.info("Warmed up in the master: GET / answered %s", response.status)
        response.close()
    except Exception:  # a failed warm-up must never stop the server
        server.log.exception("Warm-up request failed")

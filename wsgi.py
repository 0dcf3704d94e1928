"""WSGI entry point: ``gunicorn -c gunicorn.conf.py wsgi:app``, or ``python wsgi.py``.

A setting the app cannot start with ends the process with one line on stderr (what
to change) and exit status 1, not a traceback.
"""

import os
import sys

from webapp import create_app
from webapp.web.config.settings import ConfigError

try:
    app = create_app()
except ConfigError as error:
    sys.exit(f"Neuron Lab cannot start: {error}")

if __name__ == "__main__":
    # Development server only; production runs under gunicorn.
    app.run(host=os.environ.get("HOST", "127.0.0.1"), port=int(os.environ.get("PORT", "8000")))

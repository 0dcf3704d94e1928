"""WSGI entry point: ``gunicorn -c gunicorn.conf.py wsgi:app``, or ``python wsgi.py``."""

import os

from webapp import create_app

app = create_app()

if __name__ == "__main__":
    # Development server only; production runs under gunicorn.
    app.run(host=os.environ.get("HOST", "127.0.0.1"), port=int(os.environ.get("PORT", "8000")))

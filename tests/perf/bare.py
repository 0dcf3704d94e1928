"""The ceiling for the benchmark: one bare Flask route, served exactly like the app."""

from flask import Flask

app = Flask(__name__)


@app.get("/")
def index() -> str:
    return "ok"

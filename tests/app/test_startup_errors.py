"""A setting the app cannot start with ends the start with one clear line on stderr
and a non-zero exit, never a traceback (issue 13, finding 7): ``import wsgi`` as any
WSGI server does, and the production gunicorn."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
GOOD_KEY = "k" * 32


def start(command: list[str], env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    clean = {
        name: value
        for name, value in os.environ.items()
        if not name.startswith("FLASK_") and name not in {"SECRET_KEY", "NEURON_INSTANCE_PATH"}
    }
    full = {**clean, "BIND": "127.0.0.1:0", "ACCESS_LOG": "", **env}
    return subprocess.run(
        command, cwd=ROOT, env=full, capture_output=True, text=True, timeout=60, check=False
    )


IMPORT = [sys.executable, "-c", "import wsgi"]
GUNICORN = [sys.executable, "-m", "gunicorn", "-c", "gunicorn.conf.py", "wsgi:app"]


def faults(tmp_path: Path) -> dict[str, tuple[dict[str, str], str]]:
    """Each fault: its environment and what its one line must say."""
    a_file = tmp_path / "a-file"
    a_file.write_text("not a folder")
    key_is_a_folder = tmp_path / "instance"
    (key_is_a_folder / "secret_key").mkdir(parents=True)
    short_file = tmp_path / "short"
    short_file.mkdir()
    (short_file / "secret_key").write_text("short")
    return {
        "short key": ({"FLASK_SECRET_KEY": "x"}, "at least 32"),
        "short plain key": ({"SECRET_KEY": "x" * 31}, "31 characters"),
        "short fallback": (
            {"FLASK_SECRET_KEY": GOOD_KEY, "FLASK_SECRET_KEY_FALLBACKS": '["old"]'},
            "FLASK_SECRET_KEY_FALLBACKS",
        ),
        "unwritable instance folder": (
            {"NEURON_INSTANCE_PATH": str(a_file / "instance")},
            "Not a directory",
        ),
        "key file is a folder": (
            {"NEURON_INSTANCE_PATH": str(key_is_a_folder)},
            "Is a directory",
        ),
        "short key file": ({"NEURON_INSTANCE_PATH": str(short_file)}, "no usable secret key"),
        # issue 24, findings 6 and 8
        "blank key": ({"FLASK_SECRET_KEY": " " * 40}, "FLASK_SECRET_KEY (or SECRET_KEY) is blank"),
        "trusted hosts not a list": (
            {"FLASK_SECRET_KEY": GOOD_KEY, "FLASK_TRUSTED_HOSTS": "neuron.example"},
            """FLASK_TRUSTED_HOSTS must be a JSON list of host names, like '["neuron.example"]'""",
        ),
        "trusted hosts of no host": (
            {"FLASK_SECRET_KEY": GOOD_KEY, "FLASK_TRUSTED_HOSTS": '["neuron.example", 7]'},
            "FLASK_TRUSTED_HOSTS must be a JSON list of host names",
        ),
    }


FAULTS = [
    "short key",
    "short plain key",
    "short fallback",
    "unwritable instance folder",
    "key file is a folder",
    "short key file",
    "blank key",
    "trusted hosts not a list",
    "trusted hosts of no host",
]


@pytest.mark.parametrize("fault", FAULTS)
@pytest.mark.parametrize("command", [IMPORT, GUNICORN], ids=["import wsgi", "gunicorn"])
def test_a_bad_setting_ends_the_start_with_one_line(tmp_path, fault, command):
    env, says = faults(tmp_path)[fault]
    result = start(command, env)
    assert result.returncode != 0
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith("Neuron Lab cannot start: ") and says in lines[0]
    assert "Traceback" not in result.stderr + result.stdout


def test_a_good_key_starts(tmp_path):
    result = start(IMPORT, {"FLASK_SECRET_KEY": GOOD_KEY, "NEURON_INSTANCE_PATH": str(tmp_path)})
    assert result.returncode == 0, result.stderr
    assert "cannot start" not in result.stderr


def test_a_key_of_digits_is_read_as_the_string_it_is(tmp_path):
    """Issue 24, finding 8: 32 digits were parsed as JSON, a number, and refused as
    "0 characters long"; the key is those 32 characters, and it signs cookies."""
    digits = "12345678901234567890123456789012"
    check = (
        "import wsgi; key = wsgi.app.config['SECRET_KEY']; "
        "assert key == '12345678901234567890123456789012', key; print('key', len(key))"
    )
    result = start([sys.executable, "-c", check], {"FLASK_SECRET_KEY": digits})
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "key 32"

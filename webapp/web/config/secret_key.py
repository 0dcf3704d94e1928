"""The secret key: from the environment, or created once in the instance folder.

There is no hard-coded fallback. Without a configured key the first process to
start writes a random one to ``instance/secret_key``; the write is atomic
(a complete temporary file hard-linked into place, which fails if the name
exists), so gunicorn workers started together all end up reading the same key.
A key, from a file or the environment, has at least 32 characters: a short one
can be guessed offline from any signed cookie. What cannot work raises
``ConfigError`` with the fix in its message, never a bare OSError.
"""

from __future__ import annotations

import contextlib
import os
import secrets
import tempfile
from pathlib import Path

KEY_FILE_NAME = "secret_key"
MIN_KEY_LENGTH = 32


class ConfigError(RuntimeError):
    """A setting the app cannot start with; the message says what to change."""


def check_key(key: object, source: str) -> None:
    """Refuse a key shorter than MIN_KEY_LENGTH characters, or one of blanks only
    (``source`` names it)."""
    if isinstance(key, str | bytes) and key and not key.strip():
        raise ConfigError(
            f"{source} is blank: a secret key needs {MIN_KEY_LENGTH} characters or more"
        )
    if not isinstance(key, str | bytes) or len(key) < MIN_KEY_LENGTH:
        size = len(key) if isinstance(key, str | bytes) else 0
        raise ConfigError(
            f"{source} is {size} character{'' if size == 1 else 's'} long; a secret key "
            f"needs at least "
            f"{MIN_KEY_LENGTH} (make one with: python -c 'import secrets; "
            "print(secrets.token_hex(32))')"
        )


def _create(folder: Path, path: Path) -> None:
    fd, tmp_name = tempfile.mkstemp(dir=folder, prefix=".secret_key.")
    try:
        with os.fdopen(fd, "w") as tmp:
            tmp.write(secrets.token_hex(32))
            tmp.flush()
            os.fsync(tmp.fileno())
        os.chmod(tmp_name, 0o600)
        # atomic: fails, harmlessly, if a concurrent process linked its key first
        with contextlib.suppress(FileExistsError):
            os.link(tmp_name, path)
    finally:
        os.unlink(tmp_name)


def load_or_create_secret_key(instance_path: str | os.PathLike[str]) -> str:
    """Return the key stored in the instance folder, creating it first if needed."""
    folder = Path(instance_path)
    path = folder / KEY_FILE_NAME
    try:
        folder.mkdir(parents=True, exist_ok=True)
        if not path.exists():
            _create(folder, path)
        key = path.read_text().strip()
    except (OSError, UnicodeError) as error:
        reason = getattr(error, "strerror", None) or str(error)
        raise ConfigError(
            f"cannot keep a secret key in {path} ({reason}); set FLASK_SECRET_KEY, or "
            "NEURON_INSTANCE_PATH to a folder this user can write"
        ) from None
    if len(key) < MIN_KEY_LENGTH:
        raise ConfigError(f"{path} holds no usable secret key; delete it to make a new one")
    return key

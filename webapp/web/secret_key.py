"""The secret key: from the environment, or created once in the instance folder.

There is no hard-coded fallback. Without a configured key the first process to
start writes a random one to ``instance/secret_key``; the write is atomic
(a complete temporary file hard-linked into place, which fails if the name
exists), so gunicorn workers started together all end up reading the same key.
"""

from __future__ import annotations

import contextlib
import os
import secrets
import tempfile
from pathlib import Path

KEY_FILE_NAME = "secret_key"


def load_or_create_secret_key(instance_path: str | os.PathLike[str]) -> str:
    """Return the key stored in the instance folder, creating it first if needed."""
    folder = Path(instance_path)
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / KEY_FILE_NAME
    if not path.exists():
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
    key = path.read_text().strip()
    if len(key) < 32:
        raise RuntimeError(f"{path} holds no usable secret key; delete it to make a new one")
    return key

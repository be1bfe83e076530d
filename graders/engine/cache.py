"""Where the bank keeps its files: BANK_HOME if set (tests use it), else the platform's dirs."""

from __future__ import annotations

import hashlib
import json
import os
from pathlib import Path


def home() -> Path | None:
    value = os.environ.get("BANK_HOME")
    return Path(value).expanduser() if value else None


def cache_dir() -> Path:
    if home():
        return home() / "cache"
    from platformdirs import user_cache_dir

    return Path(user_cache_dir("interview-bank"))


def data_dir() -> Path:
    if home():
        return home() / "data"
    from platformdirs import user_data_dir

    return Path(user_data_dir("interview-bank"))


def digest(*parts: str | bytes) -> str:
    h = hashlib.sha256()
    for part in parts:
        h.update(part.encode() if isinstance(part, str) else part)
        h.update(b"\0")
    return h.hexdigest()[:32]


def read_json(key: str) -> dict | None:
    path = cache_dir() / f"{key}.json"
    try:
        return json.loads(path.read_text())
    except (OSError, ValueError):
        return None


def write_json(key: str, data: dict) -> None:
    folder = cache_dir()
    folder.mkdir(parents=True, exist_ok=True)
    tmp = folder / f".{key}.{os.getpid()}.tmp"
    tmp.write_text(json.dumps(data))
    tmp.replace(folder / f"{key}.json")  # atomic: concurrent graders never read half a file

"""Study progress in SQLite: one card per question (its FSRS state) and a log of every review.

The file lives under the platform's user data folder, or $BANK_HOME/data. Several `bank`
processes may run at once: WAL journaling plus a busy timeout serialise the writers, and every
change is one short transaction. Schema changes are numbered migrations tracked in
PRAGMA user_version, applied in order inside BEGIN IMMEDIATE so two processes never race them.
"""

from __future__ import annotations

import sqlite3
from contextlib import contextmanager
from datetime import datetime
from pathlib import Path

from graders.engine.cache import data_dir

MIGRATIONS = [
    # 1: cards and the review log
    """
    CREATE TABLE cards (
        question_id TEXT PRIMARY KEY,
        card_json TEXT NOT NULL,
        due TEXT NOT NULL,
        updated TEXT NOT NULL
    );
    CREATE TABLE reviews (
        id INTEGER PRIMARY KEY,
        question_id TEXT NOT NULL,
        reviewed_at TEXT NOT NULL,
        rating INTEGER NOT NULL,          -- 1 Again, 2 Hard, 3 Good, 4 Easy
        correct INTEGER,                  -- auto-checked answers all right (1), some wrong (0), none (NULL)
        score REAL,                       -- bank grade score, for coding questions
        max_score REAL,
        source TEXT NOT NULL,             -- 'quiz' or 'grade'
        scheduled_days REAL NOT NULL      -- the interval this review set
    );
    CREATE INDEX reviews_by_day ON reviews (reviewed_at);
    """,
    # 2: settings (desired retention)
    """
    CREATE TABLE settings (key TEXT PRIMARY KEY, value TEXT NOT NULL);
    """,
]


def database_path() -> Path:
    return data_dir() / "progress.sqlite3"


@contextmanager
def connect(path: Path | None = None):
    path = path or database_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    connection = sqlite3.connect(path, timeout=30, isolation_level=None)
    try:
        connection.execute("PRAGMA journal_mode=WAL")
        connection.execute("PRAGMA busy_timeout=30000")
        _migrate(connection)
        yield connection
    finally:
        connection.close()


@contextmanager
def transaction(connection: sqlite3.Connection):
    connection.execute("BEGIN IMMEDIATE")  # take the write lock now, not halfway through
    try:
        yield connection
    except BaseException:
        connection.execute("ROLLBACK")
        raise
    connection.execute("COMMIT")


def _migrate(connection: sqlite3.Connection) -> None:
    if connection.execute("PRAGMA user_version").fetchone()[0] >= len(MIGRATIONS):
        return
    with transaction(connection):
        version = connection.execute("PRAGMA user_version").fetchone()[0]  # re-read under the lock
        for number, script in enumerate(MIGRATIONS[version:], start=version + 1):
            for statement in filter(str.strip, script.split(";")):
                connection.execute(statement)
            connection.execute(f"PRAGMA user_version = {number}")


def iso(moment: datetime) -> str:
    return moment.isoformat(timespec="seconds")

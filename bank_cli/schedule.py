"""Spaced repetition with FSRS (the `fsrs` package): when each question comes back.

Ratings follow Anki: Again (forgot), Hard, Good, Easy. A passing `bank grade` counts as Good, a
failing one as Again. Fuzzing is off so the interval shown before rating is the one applied.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone

from . import store

RATINGS = {1: "Again", 2: "Hard", 3: "Good", 4: "Easy"}
DEFAULT_RETENTION = 0.9
MATURE_DAYS = 21  # Anki's "mature": an interval of three weeks or more


def now() -> datetime:
    return datetime.now(timezone.utc).replace(microsecond=0)


def scheduler(retention: float):
    from fsrs import Scheduler

    return Scheduler(desired_retention=retention, enable_fuzzing=False)


def humanize(delta: timedelta) -> str:
    seconds = delta.total_seconds()
    for unit, size in (("y", 365 * 86400), ("mo", 30 * 86400), ("d", 86400), ("h", 3600), ("m", 60)):
        if seconds >= size:
            value = seconds / size
            return f"{value:.0f}{unit}" if value >= 10 or unit in ("m", "h") else f"{value:.1f}{unit}".replace(".0", "")
    return "now"


@dataclass
class Progress:
    """Cards and reviews for one user, over one open connection."""

    connection: object
    retention: float = DEFAULT_RETENTION

    @classmethod
    def open_default(cls, connection) -> Progress:
        row = connection.execute("SELECT value FROM settings WHERE key = 'retention'").fetchone()
        return cls(connection, float(row[0]) if row else DEFAULT_RETENTION)

    def set_retention(self, retention: float) -> None:
        with store.transaction(self.connection):
            self.connection.execute("INSERT OR REPLACE INTO settings VALUES ('retention', ?)", (str(retention),))
        self.retention = retention

    def card(self, question_id: str):
        from fsrs import Card

        row = self.connection.execute("SELECT card_json FROM cards WHERE question_id = ?", (question_id,)).fetchone()
        return Card.from_json(row[0]) if row else Card()

    def previews(self, question_id: str, at: datetime) -> dict[int, timedelta]:
        """The interval each rating would give now: shown before the candidate rates."""
        from fsrs import Rating

        card = self.card(question_id)
        plan = scheduler(self.retention)
        return {r: plan.review_card(card, Rating(r), review_datetime=at)[0].due - at for r in RATINGS}

    def review(self, question_id: str, rating: int, at: datetime, *, source: str, correct: bool | None = None,
               score: float | None = None, max_score: float | None = None) -> datetime:
        """Apply a rating, log it, and return when the question is due next."""
        from fsrs import Rating

        card, _ = scheduler(self.retention).review_card(self.card(question_id), Rating(rating), review_datetime=at)
        with store.transaction(self.connection):
            self.connection.execute(
                "INSERT OR REPLACE INTO cards VALUES (?, ?, ?, ?)",
                (question_id, card.to_json(), store.iso(card.due), store.iso(at)))
            self.connection.execute(
                "INSERT INTO reviews (question_id, reviewed_at, rating, correct, score, max_score, source, scheduled_days) "
                "VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                (question_id, store.iso(at), rating, None if correct is None else int(correct), score, max_score, source,
                 (card.due - at).total_seconds() / 86400))
        return card.due

    def due_ids(self, at: datetime) -> list[str]:
        rows = self.connection.execute("SELECT question_id FROM cards WHERE due <= ? ORDER BY due", (store.iso(at),))
        return [r[0] for r in rows]

    def seen_ids(self) -> set[str]:
        return {r[0] for r in self.connection.execute("SELECT question_id FROM cards")}

    def reset(self, question_id: str | None) -> int:
        where, params = ("WHERE question_id = ?", (question_id,)) if question_id else ("", ())
        with store.transaction(self.connection):
            removed = self.connection.execute(f"DELETE FROM cards {where}", params).rowcount
            self.connection.execute(f"DELETE FROM reviews {where}", params)
        return removed

    def cards(self) -> dict[str, dict]:
        return {qid: json.loads(text) for qid, text in self.connection.execute("SELECT question_id, card_json FROM cards")}

    def reviews(self) -> list[tuple]:
        return self.connection.execute("SELECT question_id, reviewed_at, rating, correct, source FROM reviews ORDER BY id").fetchall()

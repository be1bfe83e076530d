"""`bank stats` and `bank reset`: what the study history says, and forgetting it."""

from __future__ import annotations

import json
from collections import Counter
from datetime import date, datetime, timedelta

from graders.engine.questions import get, load_all

from . import schedule, store
from .errors import EXIT_OK, UsageError
from .ui import UI

CHART_DAYS = 14
BLOCKS = " ▁▂▃▄▅▆▇█"


def register(commands) -> None:
    p = commands.add_parser("stats", help="Show study progress. Example: bank stats --format json")
    p.add_argument("--format", choices=["text", "json"], default="text")
    p.set_defaults(handler=stats)
    p = commands.add_parser("reset", help="Forget progress. Example: bank reset metrics/roc-auc")
    p.add_argument("id", nargs="?")
    p.add_argument("--all", action="store_true", help="forget every question's progress")
    p.add_argument("--yes", action="store_true", help="do not ask for confirmation")
    p.set_defaults(handler=reset)


def _streak(days: set[date], today: date) -> int:
    """Consecutive days with a review, ending today (or yesterday, if today has none yet)."""
    day = today if today in days else today - timedelta(days=1)
    count = 0
    while day in days:
        count += 1
        day -= timedelta(days=1)
    return count


def compute(now: datetime) -> dict:
    with store.connect() as connection:
        progress = schedule.Progress.open_default(connection)
        cards, reviews = progress.cards(), progress.reviews()
    questions = load_all()
    end_of_today = datetime.combine(now.date() + timedelta(days=1), datetime.min.time(), tzinfo=now.tzinfo)
    reviews_of = Counter(r[0] for r in reviews)
    lapses_of = Counter(r[0] for r in reviews if r[2] == 1)
    groups: dict[str, dict] = {}
    for qid, q in questions.items():
        for key in (f"topic:{q.topic}", f"difficulty:{q.difficulty}"):
            group = groups.setdefault(key, Counter(questions=0, seen=0, mastered=0, due_today=0, reviews=0, lapses=0))
            group["questions"] += 1
            group["reviews"] += reviews_of[qid]
            group["lapses"] += lapses_of[qid]
            card = cards.get(qid)
            if card:
                group["seen"] += 1
                due = datetime.fromisoformat(card["due"])
                interval = due - datetime.fromisoformat(card["last_review"]) if card.get("last_review") else timedelta(0)
                group["mastered"] += interval >= timedelta(days=schedule.MATURE_DAYS)
                group["due_today"] += due < end_of_today
    days = Counter(datetime.fromisoformat(r[1]).date() for r in reviews)
    lapses = sum(1 for r in reviews if r[2] == 1)
    return {
        "questions": len(questions), "seen": len(cards), "reviews": len(reviews),
        "due_today": sum(g["due_today"] for k, g in groups.items() if k.startswith("topic:")),
        "lapse_rate": round(lapses / len(reviews), 4) if reviews else 0.0,
        "streak_days": _streak(set(days), now.date()),
        "by_topic": {k.split(":", 1)[1]: _with_rate(g) for k, g in sorted(groups.items()) if k.startswith("topic:")},
        "by_difficulty": {k.split(":", 1)[1]: _with_rate(g) for k, g in groups.items() if k.startswith("difficulty:")},
        "activity": {(now.date() - timedelta(days=i)).isoformat(): days.get(now.date() - timedelta(days=i), 0)
                     for i in range(CHART_DAYS - 1, -1, -1)},
    }


def _with_rate(group: Counter) -> dict:
    """A group's counts plus its lapse rate: the share of its reviews rated Again."""
    return {**group, "lapse_rate": round(group["lapses"] / group["reviews"], 4) if group["reviews"] else 0.0}


def _chart(activity: dict[str, int]) -> str:
    peak = max(activity.values()) or 1
    bars = "".join(BLOCKS[min(8, round(8 * n / peak))] if n else "·" for n in activity.values())
    first, last = list(activity)[0], list(activity)[-1]
    return f"  {bars}   {first} .. {last}, peak {peak} review(s) a day"


def stats(args) -> int:
    data = compute(schedule.now())
    if args.format == "json":
        print(json.dumps(data, indent=2))
        return EXIT_OK
    ui = UI()
    ui.say(f"Seen {data['seen']}/{data['questions']} questions · {data['reviews']} reviews · "
           f"due today {data['due_today']} · lapse rate {data['lapse_rate']:.0%} · streak {data['streak_days']} day(s)")
    for title, rows in (("TOPIC", data["by_topic"]), ("DIFFICULTY", data["by_difficulty"])):
        ui.say(f"\n{title:<16} {'SEEN':>9} {'MASTERED':>9} {'DUE':>5} {'LAPSES':>7}")
        for name, g in rows.items():
            ui.say(f"{name:<16} {g['seen']:>4}/{g['questions']:<4} {g['mastered']:>9} {g['due_today']:>5} {g['lapse_rate']:>7.0%}")
    ui.say(f"\nLast {CHART_DAYS} days:\n{_chart(data['activity'])}")
    ui.say(f"(mastered = next review at least {schedule.MATURE_DAYS} days away)")
    return EXIT_OK


def reset(args) -> int:
    if bool(args.id) == bool(args.all):
        raise UsageError("name one question id, or pass --all")
    target = get(args.id).id if args.id else None
    if not args.yes:
        answer = UI().ask(f"Forget all progress for {target or 'every question'}? [y/N] ")
        if (answer or "").strip().lower() not in ("y", "yes"):
            print("Nothing changed.")
            return EXIT_OK
    with store.connect() as connection:
        removed = schedule.Progress.open_default(connection).reset(target)
    print(f"Forgot progress for {removed} question(s).")
    return EXIT_OK

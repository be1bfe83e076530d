"""`bank quiz`: study with spaced repetition. Due reviews come first, then new questions.

Concept answers are checked at once (numbers, choices, key points in free text), then the
reference answer and explanation, then a self-rating whose next interval is shown for each
choice, as Anki does. Coding questions are answered in a file; a later `bank grade` of it counts
as the review. Progress is saved after every answer, so Ctrl-C or end of input loses nothing.
"""

from __future__ import annotations

import random

from graders.engine import concept
from graders.engine.questions import Question

from . import schedule, store
from .catalog import selected, start_file
from .errors import EXIT_OK, UsageError
from .ui import UI

RATING_KEYS = {"1": 1, "a": 1, "again": 1, "2": 2, "h": 2, "hard": 2, "3": 3, "g": 3, "good": 3, "4": 4, "e": 4, "easy": 4}
DIFFICULTY_ORDER = {"easy": 0, "medium": 1, "hard": 2}


def register(commands) -> None:
    p = commands.add_parser("quiz", help="Study with spaced repetition. Example: bank quiz --topic metrics -n 5")
    p.add_argument("--topic")
    p.add_argument("--difficulty", choices=["easy", "medium", "hard"])
    p.add_argument("--kind", choices=["coding", "concept"])
    p.add_argument("--tag")
    p.add_argument("-n", "--count", type=int, default=10, help="how many questions this session (default 10)")
    which = p.add_mutually_exclusive_group()
    which.add_argument("--new", action="store_true", help="only questions never seen")
    which.add_argument("--due", action="store_true", help="only reviews that are due")
    p.add_argument("--retention", type=float, help="desired retention for scheduling, e.g. 0.9 (saved)")
    p.add_argument("--seed", type=int, help="shuffle new questions with this seed")
    p.set_defaults(handler=quiz)


def session_queue(questions: list[Question], progress: schedule.Progress, args, at) -> list[Question]:
    by_id = {q.id: q for q in questions}
    due = [by_id[i] for i in progress.due_ids(at) if i in by_id]
    seen = progress.seen_ids()
    new = sorted((q for q in questions if q.id not in seen), key=lambda q: (DIFFICULTY_ORDER[q.difficulty], q.id))
    if args.seed is not None:
        random.Random(args.seed).shuffle(new)
    queue = due if args.due else new if args.new else due + new
    return queue[: args.count]


def _ask_checks(ui: UI, q: Question) -> bool | None:
    """Ask every check; True if all right, False if any wrong, None if input ended."""
    all_right = True
    for check in q.checks:
        ui.say("")
        ui.markdown(check.prompt.strip())
        for key, text in check.options.items():
            ui.say(f"  {key}) {text}")
        how = {"number": "a number", "choice": "one letter", "multi": "letters, comma-separated",
               "keypoints": "a short answer on one line (English or Chinese)"}[check.type]
        answer = ui.ask(f"Your answer ({how}): ")
        if answer is None:
            return None
        verdict = concept.check_answer(q, check, answer)
        ui.say(("Correct. " if verdict.correct else "Not quite. ") + verdict.message, "green" if verdict.correct else "red")
        all_right &= verdict.correct
    return all_right


def _rate(ui: UI, progress: schedule.Progress, q: Question, suggested: int, correct: bool | None) -> bool:
    """Ask for a rating, showing each one's next interval; False if input ended."""
    at = schedule.now()
    previews = progress.previews(q.id, at)
    choices = "  ".join(f"{r}) {name} ({schedule.humanize(previews[r])})" for r, name in schedule.RATINGS.items())
    while True:
        answer = ui.ask(f"How well did you know it?  {choices}  [Enter = {schedule.RATINGS[suggested]}]: ")
        if answer is None:
            return False
        rating = suggested if not answer.strip() else RATING_KEYS.get(answer.strip().lower())
        if rating:
            due = progress.review(q.id, rating, at, source="quiz", correct=correct)
            ui.say(f"Saved: {schedule.RATINGS[rating]}. Next review in {schedule.humanize(due - at)}.")
            return True
        ui.say("Please answer 1-4 (or a/h/g/e).")


def _concept(ui: UI, progress: schedule.Progress, q: Question) -> bool:
    correct = _ask_checks(ui, q)
    if correct is None:
        return False
    ui.heading("Reference answer")
    ui.markdown(q.reference_answer)
    ui.heading("Why")
    ui.markdown(q.explanation)
    return _rate(ui, progress, q, suggested=3 if correct else 1, correct=correct)


def _coding(ui: UI, q: Question) -> bool:
    answer = ui.ask("Write the starter file to edit now? [y/N] ")
    if answer is None:
        return False
    if answer.strip().lower() in ("y", "yes"):
        try:
            path = start_file(q, None, force=False)
            ui.say(f"Wrote {path}. Edit it, then run: bank grade {path}")
        except UsageError as e:
            ui.say(f"{e}")
    else:
        ui.say(f"When ready: bank start {q.id}, edit the file, then bank grade FILE.")
    ui.say("A passing `bank grade` counts as a successful review; a failing one brings the question back soon.")
    return True


def quiz(args) -> int:
    if args.count < 1:
        raise UsageError("-n must be at least 1")
    if args.retention is not None and not 0.7 <= args.retention <= 0.99:
        raise UsageError("--retention must be between 0.7 and 0.99")
    ui = UI()
    questions = selected(args)
    if not questions:
        raise UsageError("no questions match those filters")
    with store.connect() as connection:
        progress = schedule.Progress.open_default(connection)
        if args.retention is not None:
            progress.set_retention(args.retention)
        queue = session_queue(questions, progress, args, schedule.now())
        if not queue:
            ui.say("Nothing due and nothing new here. Come back later, or try --new or another --topic.")
            return EXIT_OK
        try:
            for number, q in enumerate(queue, 1):
                ui.heading(f"{number}/{len(queue)} · {q.title} ({q.id}, {q.difficulty}, {q.kind})")
                ui.markdown(q.prompt)
                if not (_concept(ui, progress, q) if q.kind == "concept" else _coding(ui, q)):
                    ui.say("Progress saved. See you next time.")
                    return EXIT_OK
        except KeyboardInterrupt:
            ui.say("\nProgress saved. See you next time.")
            return EXIT_OK
    ui.say("\nSession done. `bank stats` shows your progress.")
    return EXIT_OK

"""`bank quiz`: a question at a time; concept answers are checked at once, coding ones via grade."""

from __future__ import annotations

import random
import sys

from graders.engine import concept
from graders.engine.questions import Question

from .catalog import selected
from .errors import EXIT_OK, UsageError


def register(commands) -> None:
    p = commands.add_parser("quiz", help="Practise questions one at a time. Example: bank quiz --topic metrics -n 3")
    p.add_argument("--topic")
    p.add_argument("--difficulty", choices=["easy", "medium", "hard"])
    p.add_argument("--kind", choices=["coding", "concept"])
    p.add_argument("-n", "--count", type=int, default=1, help="how many questions")
    p.add_argument("--seed", type=int, help="fix the order of questions")
    p.set_defaults(handler=quiz)


def _ask(prompt: str) -> str | None:
    print(prompt, end="", flush=True)
    line = sys.stdin.readline()
    if not line:  # end of input: stop cleanly
        print()
        return None
    return line.rstrip("\n")


def _concept(q: Question) -> bool:
    """Ask each check; return False if input ended."""
    for check in q.checks:
        print(f"\n{check.prompt.strip()}")
        for key, text in check.options.items():
            print(f"  {key}) {text}")
        how = {"number": "a number", "choice": "one letter", "multi": "letters, comma-separated",
               "keypoints": "a short answer on one line"}[check.type]
        answer = _ask(f"Your answer ({how}): ")
        if answer is None:
            return False
        verdict = concept.check_answer(q, check, answer)
        print(("Correct. " if verdict.correct else "Not quite. ") + verdict.message)
    return True


def quiz(args) -> int:
    questions = selected(args)
    if not questions:
        raise UsageError("no questions match those filters")
    if args.count < 1:
        raise UsageError("-n must be at least 1")
    random.Random(args.seed).shuffle(questions)
    for number, q in enumerate(questions[: args.count], 1):
        print(f"\n=== {number}. {q.title} ({q.id}, {q.difficulty}) ===\n")
        print(q.prompt.rstrip())
        if q.kind == "coding":
            print(f"\nThis one is answered in code: bank start {q.id}, edit the file, then bank grade FILE.")
            if _ask("Press Enter for the approach, or type q to quit: ") in (None, "q"):
                return EXIT_OK
        elif not _concept(q):
            return EXIT_OK
        print(f"\n--- Reference answer ---\n{q.reference_answer.rstrip()}")
        print(f"\n--- Why ---\n{q.explanation.rstrip()}")
    return EXIT_OK

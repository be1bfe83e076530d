"""`bank grade`: run submissions against their questions' graders."""

from __future__ import annotations

import sys
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from graders.engine.questions import get

from .errors import EXIT_FAILED, EXIT_OK, UsageError


def register(commands) -> None:
    p = commands.add_parser("grade", help="Grade .py/.ipynb files or folders of them. Example: bank grade my_solution.py")
    p.add_argument("paths", nargs="+", type=Path, metavar="PATH")
    p.add_argument("--question", help="the question id, when files lack a '# bank: ID' first line")
    p.add_argument("--device", choices=["auto", "cpu", "cuda"], default="auto")
    p.add_argument("--format", choices=["text", "json"], default="text")
    p.add_argument("--output", type=Path, help="write the report to this file instead of stdout")
    p.add_argument("--timeout", type=float, help="seconds per submission (default: the question's own)")
    p.add_argument("--jobs", type=int, default=1, help="grade this many submissions at once")
    p.add_argument("--require-isolation", action="store_true", help="refuse to grade without bubblewrap")
    p.add_argument("-v", "--verbose", action="store_true", help="list passed checks too")
    p.set_defaults(handler=grade)


def _plan(args) -> list:
    from graders.engine import submission

    files = submission.collect(args.paths)
    if not files:
        raise UsageError(f"no .py or .ipynb files found in {', '.join(map(str, args.paths))}")
    plan = []
    for path in files:
        sub = submission.read(path)
        question_id = args.question or sub.question_id
        if not question_id:
            raise UsageError(f"{path}: which question? Put '# bank: ID' on its first line or pass --question ID")
        get(question_id)  # an unknown id is a usage error, before anything runs
        plan.append((sub, question_id))
    return plan


def grade(args) -> int:
    if args.jobs < 1:
        raise UsageError("--jobs must be at least 1")
    if args.timeout is not None and args.timeout <= 0:
        raise UsageError("--timeout must be positive")
    from graders.engine.grading import grade_source

    plan = _plan(args)

    def run(item):
        sub, question_id = item
        result = grade_source(sub.source, get(question_id), device=args.device, timeout=args.timeout,
                              submission=str(sub.path), require_isolation=args.require_isolation)
        if sub.notes:
            result.message = "\n".join([*sub.notes, result.message]).strip()
        return result

    with ThreadPoolExecutor(max_workers=args.jobs) as pool:
        results = list(pool.map(run, plan))
    from .render import result_text, results_json

    report = results_json(results) if args.format == "json" else "\n\n".join(result_text(r, args.verbose) for r in results)
    if args.format == "text" and len(results) > 1:
        passed = sum(r.status == "passed" for r in results)
        report += f"\n\n{passed}/{len(results)} submissions passed"
    if args.output:
        args.output.write_text(report + "\n", encoding="utf-8")
        print(f"Wrote {args.output}", file=sys.stderr)
    else:
        print(report)
    return EXIT_OK if all(r.status == "passed" for r in results) else EXIT_FAILED

"""`bank grade`: run submissions against their questions' graders, one file or a whole batch.

A batch is a folder of candidates (DIR/<candidate>/<files>) or of files. A file that cannot be
graded (unreadable, no question named, unknown id) gets an error verdict and the batch goes on;
given alone, it is a usage error instead.
"""

from __future__ import annotations

import json
import sys
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

from graders.engine.errors import QuestionError, SubmissionError

from .errors import EXIT_FAILED, EXIT_OK, UsageError


def register(commands) -> None:
    p = commands.add_parser("grade", help="Grade .py/.ipynb files or folders of them. Example: bank grade my_solution.py")
    p.add_argument("paths", nargs="+", type=Path, metavar="PATH")
    p.add_argument("--question", help="the question id, when files lack a '# bank: ID' first line")
    p.add_argument("--device", choices=["auto", "cpu", "cuda"], default="auto")
    p.add_argument("--format", default="text", help="text, json, junit, gradescope, csv; several comma-separated need --output DIR")
    p.add_argument("--output", type=Path, help="a file (one format) or a folder (several formats)")
    p.add_argument("--timeout", type=float, help="seconds per submission (default: the question's own)")
    p.add_argument("--jobs", type=int, default=1, help="grade this many submissions at once")
    p.add_argument("--shard", help="grade only slice I of N (1-based), e.g. 2/4, for a CI matrix")
    p.add_argument("--require-isolation", action="store_true", help="refuse to grade without bubblewrap")
    p.add_argument("-v", "--verbose", action="store_true", help="list passed checks too")
    p.set_defaults(handler=grade)


@dataclass
class Item:
    path: Path
    candidate: str
    source: str = ""
    question_id: str = ""
    notes: tuple[str, ...] = ()
    problem: str = ""  # why it cannot be graded, if it cannot
    submission: object = None


def parse_formats(text: str) -> list[str]:
    from graders.engine.reports import FORMATS

    formats = list(dict.fromkeys(f.strip() for f in text.split(",") if f.strip()))
    unknown = [f for f in formats if f not in FORMATS]
    if unknown or not formats:
        raise UsageError(f"unknown format {', '.join(unknown) or '(none)'}; choose from {', '.join(FORMATS)}")
    return formats


def parse_shard(text: str | None) -> tuple[int, int]:
    if not text:
        return 1, 1
    try:
        index, count = (int(x) for x in text.split("/"))
    except ValueError:
        raise UsageError(f"--shard must look like I/N, e.g. 2/4; got {text!r}") from None
    if not 1 <= index <= count:
        raise UsageError(f"--shard {text}: I must be between 1 and N")
    return index, count


def _candidate(path: Path, roots: list[Path]) -> str:
    for root in roots:
        if root.is_dir() and root in path.parents:
            parts = path.relative_to(root).parts
            return parts[0] if len(parts) > 1 else path.stem
    return ""


def plan(args) -> list[Item]:
    from graders.engine import submission
    from graders.engine.questions import get

    files = submission.collect(args.paths)
    if not files:
        raise UsageError(f"no .py or .ipynb files found in {', '.join(map(str, args.paths))}")
    items = sorted((Item(path, _candidate(path, args.paths)) for path in files), key=lambda i: (i.candidate, str(i.path)))
    index, count = parse_shard(args.shard)
    items = items[index - 1::count]  # deterministic: every shard sorts the same way
    for item in items:
        try:
            sub = item.submission = submission.read(item.path)
            item.source, item.notes = sub.source, tuple(sub.notes)
            item.question_id = args.question or sub.question_id or ""
            if not item.question_id:
                raise SubmissionError(f"{item.path}: which question? Put '# bank: ID' on its first line or pass --question ID")
            get(item.question_id)
        except (SubmissionError, QuestionError) as e:
            item.problem = str(e)
    if len(files) == 1 and items and items[0].problem:
        raise UsageError(items[0].problem)  # one file given: bad input, not a verdict
    return items


def grade_item(item: Item, args) -> dict:
    from graders.engine.grading import GradingError, Result, grade_source
    from graders.engine.questions import get

    if not item.problem:
        try:
            result = grade_source(item.source, get(item.question_id), device=args.device, timeout=args.timeout,
                                  submission=str(item.path), require_isolation=args.require_isolation)
        except GradingError as e:
            if len(args.paths) == 1 and args.paths[0].is_file():
                raise
            item.problem = str(e)
    if item.problem:
        result = Result(item.question_id or "unknown", "error", 0.0, 0.0, message=item.problem, submission=str(item.path))
    result.candidate = item.candidate
    if item.submission is not None:
        result.message = item.submission.locate(result.message)
        for check in result.checks:
            check.message = item.submission.locate(check.message)
    if item.notes:
        result.message = "\n".join([*item.notes, result.message]).strip()
    return result.to_dict()


def write_reports(report: dict, formats: list[str], output: Path | None, verbose: bool) -> None:
    from graders.engine import reports

    renderers = {"text": lambda: reports.to_text(report, verbose), "json": lambda: reports.to_json(report),
                 "junit": lambda: reports.to_junit(report), "csv": lambda: reports.to_csv(report)}
    if len(formats) > 1 and output is None:
        raise UsageError("several formats need --output DIR")
    if output is None:
        if formats == ["gradescope"]:
            print(json.dumps(reports.to_gradescope(report["results"]), indent=2, ensure_ascii=False))
        else:
            print(renderers[formats[0]]())
        return
    folder = output if len(formats) > 1 else None
    if folder:
        folder.mkdir(parents=True, exist_ok=True)
    for fmt in formats:
        target = folder / reports.FILE_NAMES[fmt] if folder else output
        if fmt == "gradescope":
            _write_gradescope(report, target)
        else:
            target.write_text(renderers[fmt]() + ("\n" if fmt == "text" else ""), encoding="utf-8")
        print(f"Wrote {target}", file=sys.stderr)
    print(reports.summary_table(report["results"]))


def _write_gradescope(report: dict, target: Path) -> None:
    """One results.json per candidate: a single file when there is one, else a folder of them."""
    from graders.engine import reports

    grouped = reports.by_candidate(report["results"])
    if len(grouped) == 1:
        target.write_text(json.dumps(reports.to_gradescope(next(iter(grouped.values()))), indent=2), encoding="utf-8")
        return
    folder = target.with_suffix("") if target.suffix else target
    folder.mkdir(parents=True, exist_ok=True)
    for candidate, results in grouped.items():
        (folder / f"{candidate}.json").write_text(json.dumps(reports.to_gradescope(results), indent=2), encoding="utf-8")


def exit_code(results: list[dict]) -> int:
    return EXIT_OK if results and all(r["status"] == "passed" for r in results) else EXIT_FAILED


def grade(args) -> int:
    from graders.engine.reports import make_report

    if args.jobs < 1:
        raise UsageError("--jobs must be at least 1")
    if args.timeout is not None and args.timeout <= 0:
        raise UsageError("--timeout must be positive")
    formats = parse_formats(args.format)
    items = plan(args)
    with ThreadPoolExecutor(max_workers=args.jobs) as pool:
        results = list(pool.map(lambda item: grade_item(item, args), items))
    write_reports(make_report(results), formats, args.output, args.verbose)
    if len(items) == 1 and not items[0].problem:
        record_practice(results[0])
    return exit_code(results)


def record_practice(result: dict) -> None:
    """A candidate grading their own answer: a pass is a successful review, a fail a lapse.
    Batches (hiring) never touch the practice database; BANK_NO_RECORD=1 turns this off."""
    import os
    import sqlite3

    from . import schedule, store

    if not result["attempted"] or os.environ.get("BANK_NO_RECORD") == "1":
        return
    try:
        with store.connect() as connection:
            progress = schedule.Progress.open_default(connection)
            rating = 3 if result["status"] == "passed" else 1
            progress.review(result["question_id"], rating, schedule.now(), source="grade",
                            score=result["score"], max_score=result["max_score"])
    except sqlite3.Error as e:
        print(f"warning: progress not saved ({e})", file=sys.stderr)

"""Browsing the bank: list, show, hint, solution, start."""

from __future__ import annotations

import json
from pathlib import Path

from graders.engine import cache
from graders.engine.paths import module_name
from graders.engine.questions import Question, get, load_all

from .errors import EXIT_OK, UsageError


def register(commands) -> None:
    p = commands.add_parser("list", help="List questions. Example: bank list --topic metrics --difficulty easy")
    p.add_argument("--topic")
    p.add_argument("--difficulty", choices=["easy", "medium", "hard"])
    p.add_argument("--framework", choices=["numpy", "sklearn", "torch", "tensorflow", "transformers"])
    p.add_argument("--kind", choices=["coding", "concept"])
    p.add_argument("--format", choices=["text", "json"], default="text")
    p.set_defaults(handler=list_questions)

    p = commands.add_parser("show", help="Show a question's prompt. Example: bank show metrics/roc-auc")
    p.add_argument("id")
    p.set_defaults(handler=show)

    p = commands.add_parser("hint", help="Show the next hint. Example: bank hint metrics/roc-auc")
    p.add_argument("id")
    p.add_argument("--all", action="store_true", help="show every hint at once")
    p.add_argument("--reset", action="store_true", help="start the hints again from the first")
    p.set_defaults(handler=hint)

    p = commands.add_parser("solution", help="Show the reference answer and solution. Example: bank solution graph/pagerank")
    p.add_argument("id")
    p.set_defaults(handler=solution)

    p = commands.add_parser("start", help="Write a starter file to edit, then grade. Example: bank start ml/kmeans -o kmeans.py")
    p.add_argument("id")
    p.add_argument("-o", "--output", help="file to write (default: <slug>.py here)")
    p.add_argument("--force", action="store_true", help="overwrite an existing file")
    p.add_argument("--notebook", action="store_true", help="write a practice notebook (.ipynb) instead")
    p.set_defaults(handler=start)

    register_export(commands)


def register_export(commands) -> None:
    p = commands.add_parser("export", help="Write a study notebook of a topic. Example: bank export --topic metrics -o metrics.ipynb")
    p.add_argument("--topic", required=True)
    p.add_argument("--format", choices=["notebook"], default="notebook")
    p.add_argument("-o", "--output", help="file to write (default: <topic>.ipynb here)")
    p.add_argument("--force", action="store_true", help="overwrite an existing file")
    p.set_defaults(handler=export)


def _refuse_overwrite(path: Path, force: bool) -> None:
    if path.exists() and not force:
        raise UsageError(f"{path} already exists; use --force to overwrite it or -o to choose another name")


def export(args) -> int:
    from .notebooks import study_notebook

    questions = selected(args)
    path = Path(args.output or f"{args.topic}.ipynb")
    _refuse_overwrite(path, args.force)
    study_notebook(questions, f"Study notebook: {args.topic}", path)
    print(f"Wrote {path} ({len(questions)} questions)")
    return EXIT_OK


def selected(args) -> list[Question]:
    """The questions matching whichever filters this command has (--topic, --difficulty,
    --framework, --kind, --tag); a filter a command lacks matches everything."""
    questions = list(load_all().values())
    wanted = {name: getattr(args, name, None) for name in ("topic", "difficulty", "framework", "kind", "tag")}
    if wanted["topic"]:
        topics = sorted({q.topic for q in questions})
        if wanted["topic"] not in topics:
            raise UsageError(f"unknown topic '{wanted['topic']}'; topics: {', '.join(topics)}")
    return [
        q for q in questions
        if (not wanted["topic"] or q.topic == wanted["topic"])
        and (not wanted["difficulty"] or q.difficulty == wanted["difficulty"])
        and (not wanted["framework"] or wanted["framework"] in q.frameworks)
        and (not wanted["kind"] or q.kind == wanted["kind"])
        and (not wanted["tag"] or wanted["tag"] in q.tags)
    ]


def list_questions(args) -> int:
    questions = selected(args)
    if args.format == "json":
        rows = [{"id": q.id, "title": q.title, "topic": q.topic, "difficulty": q.difficulty, "kind": q.kind,
                 "frameworks": q.frameworks, "tags": q.tags} for q in questions]
        print(json.dumps(rows, indent=2, ensure_ascii=False))
        return EXIT_OK
    if not questions:
        print("No questions match.")
        return EXIT_OK
    width = max(len(q.id) for q in questions)
    print(f"{'ID':<{width}}  {'LEVEL':<6}  {'KIND':<7}  {'FRAMEWORKS':<22}  TITLE")
    for q in questions:
        print(f"{q.id:<{width}}  {q.difficulty:<6}  {q.kind:<7}  {','.join(q.frameworks):<22}  {q.title}")
    print(f"\n{len(questions)} question(s). Next: bank show ID, bank start ID")
    return EXIT_OK


def show(args) -> int:
    q = get(args.id)
    print(f"# {q.title}\n")
    print(f"{q.id} · {q.difficulty} · {q.kind} · {', '.join(q.frameworks)}\n")
    print(q.prompt.rstrip())
    if q.kind == "coding":
        print("\n## Signature\n\n```python\n" + q.starter.rstrip() + "\n```")
        print(f"\nNext: bank start {q.id}   (then edit the file and run bank grade FILE)")
    else:
        print("\n## Questions to answer\n")
        for check in q.checks:
            print(f"- [{check.id}] {check.prompt.strip()}")
            for key, text in check.options.items():
                print(f"    {key}) {text}")
        print(f"\nNext: bank quiz --topic {q.topic}   or   bank solution {q.id}")
    return EXIT_OK


def _hint_state_file() -> Path:
    return cache.data_dir() / "hints.json"


def hint(args) -> int:
    q = get(args.id)
    state_file = _hint_state_file()
    try:
        state = json.loads(state_file.read_text())
    except (OSError, ValueError):
        state = {}
    if args.reset:
        state.pop(q.id, None)
    if args.all:
        for i, text in enumerate(q.hints, 1):
            print(f"Hint {i}/{len(q.hints)}: {text.strip()}")
        return EXIT_OK
    shown = min(state.get(q.id, 0), len(q.hints) - 1)
    print(f"Hint {shown + 1}/{len(q.hints)}: {q.hints[shown].strip()}")
    if shown + 1 == len(q.hints):
        print("That was the last hint. The full answer: bank solution " + q.id)
    state[q.id] = shown + 1
    state_file.parent.mkdir(parents=True, exist_ok=True)
    state_file.write_text(json.dumps(state))
    return EXIT_OK


def solution(args) -> int:
    q = get(args.id)
    print(f"# {q.title}: reference answer\n\n{q.reference_answer.rstrip()}\n")
    print(f"## Why\n\n{q.explanation.rstrip()}\n")
    print("## Common mistakes\n")
    for p in q.pitfalls:
        print(f"- {p.summary} [{p.id}]")
    if q.kind == "coding":
        print("\n## Reference solution\n\n```python\n" + q.paths.solution.read_text(encoding="utf-8").rstrip() + "\n```")
    else:
        print("\n## Answer key\n")
        for check in q.checks:
            answer = check.answer if check.type != "keypoints" else "; ".join(k.point for k in check.keypoints)
            print(f"- [{check.id}] {answer}")
    return EXIT_OK


def starter_text(q: Question) -> str:
    return f"# bank: {q.id}\n{q.starter}"


def start_file(q: Question, output: str | None, force: bool, notebook: bool = False) -> Path:
    """Write the starter (a .py, or a practice notebook) and return its path."""
    if q.kind != "coding":
        raise UsageError(f"{q.id} is a concept question; practise it with: bank quiz --topic {q.topic}")
    path = Path(output or f"{module_name(q.slug)}{'.ipynb' if notebook else '.py'}")
    _refuse_overwrite(path, force)
    if notebook or path.suffix == ".ipynb":
        from .notebooks import practice_notebook

        practice_notebook(q, path)
    else:
        path.write_text(starter_text(q), encoding="utf-8")
    return path


def start(args) -> int:
    path = start_file(get(args.id), args.output, args.force, args.notebook)
    print(f"Wrote {path}. Edit it, then run: bank grade {path}")
    return EXIT_OK

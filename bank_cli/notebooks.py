"""Practice and study notebooks (nbformat v4).

A practice notebook holds the prompt, the starter in a code cell, a cell that grades the saved
notebook, and the hints folded away. Cells whose first line is `# bank: skip` are not part of the
answer: `bank grade` leaves them out.
"""

from __future__ import annotations

from pathlib import Path

from graders.engine.questions import Question

SKIP_MARK = "# bank: skip"


def _hints(q: Question) -> str:
    folded = [f"<details><summary>Hint {i}</summary>\n\n{hint.strip()}\n\n</details>" for i, hint in enumerate(q.hints, 1)]
    return "### Hints\n\n" + "\n\n".join(folded)


def _grade_cell(path: Path) -> str:
    return (f"{SKIP_MARK} (this cell grades the saved notebook; it is not part of your answer)\n"
            "# Save the notebook first (Ctrl-S), then run this cell.\n"
            "import subprocess, sys\n"
            f"subprocess.run([sys.executable, '-m', 'bank_cli', 'grade', {path.name!r}])")


def practice_notebook(q: Question, path: Path) -> None:
    import nbformat
    from nbformat.v4 import new_code_cell, new_markdown_cell, new_notebook

    cells = [
        new_markdown_cell(f"# {q.title}\n\n`{q.id}` · {q.difficulty} · {', '.join(q.frameworks)}\n\n{q.prompt}"),
        new_code_cell(f"# bank: {q.id}\n{q.starter}"),
        new_markdown_cell("## Check your answer"),
        new_code_cell(_grade_cell(path)),
        new_markdown_cell(_hints(q)),
    ]
    notebook = new_notebook(cells=cells, metadata={"kernelspec": {"name": "python3", "display_name": "Python 3", "language": "python"}})
    nbformat.validate(notebook)
    nbformat.write(notebook, str(path))


def study_notebook(questions: list[Question], title: str, path: Path) -> None:
    """Every question of a topic: prompt, starter or checks, hints and the reference answer folded."""
    import nbformat
    from nbformat.v4 import new_code_cell, new_markdown_cell, new_notebook

    cells = [new_markdown_cell(f"# {title}\n\n{len(questions)} question(s). Answers are folded under each question.")]
    for q in questions:
        cells.append(new_markdown_cell(f"## {q.title}\n\n`{q.id}` · {q.difficulty} · {q.kind}\n\n{q.prompt}"))
        if q.kind == "coding":
            cells.append(new_code_cell(f"# bank: {q.id}\n{q.starter}"))
        else:
            lines = [f"- **{c.prompt.strip()}**" + "".join(f"\n  - {k}) {v}" for k, v in c.options.items()) for c in q.checks]
            cells.append(new_markdown_cell("### Check yourself\n\n" + "\n".join(lines)))
        cells.append(new_markdown_cell(_hints(q)))
        cells.append(new_markdown_cell(f"<details><summary>Reference answer</summary>\n\n{q.reference_answer.strip()}\n\n"
                                       f"**Why.** {q.explanation.strip()}\n\n</details>"))
    notebook = new_notebook(cells=cells)
    nbformat.validate(notebook)
    nbformat.write(notebook, str(path))

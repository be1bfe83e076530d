"""The study loop: scripted quiz sessions over stdin and a real pseudo-terminal, FSRS intervals
against the library's own scheduler, progress in SQLite, stats, reset, and notebooks."""

import io
import json
import os
import pty
import select
import sqlite3
import subprocess
import sys
import time
from datetime import datetime, timedelta, timezone

import nbformat
import pytest

from bank_cli import schedule, store
from graders.engine.paths import REPO_ROOT

T0 = datetime(2026, 11, 2, 9, 0, tzinfo=timezone.utc)
LLM_RIGHT = "0.6667\n7.39\na\na\nperplexity is not helpfulness or factual correctness; use human evaluation\n"


@pytest.fixture
def home(tmp_path, monkeypatch):
    """A fresh user folder per test, and a clock the test controls."""
    monkeypatch.setenv("BANK_HOME", str(tmp_path / "home"))
    clock = {"now": T0}
    monkeypatch.setattr(schedule, "now", lambda: clock["now"])
    return clock


def quiz(bank, monkeypatch, answers: str, *args: str):
    monkeypatch.setattr(sys, "stdin", io.StringIO(answers))
    return bank("quiz", *args)


def test_session_answers_rates_quits_restarts_and_sees_due(bank, monkeypatch, home):
    code, out, _ = quiz(bank, monkeypatch, LLM_RIGHT + "1\n", "--tag", "bleu")
    assert code == 0
    assert "How well did you know it?  1) Again (1m)  2) Hard (6m)  3) Good (10m)  4) Easy (8d)  [Enter = Good]" in out
    assert "Saved: Again. Next review in 1m." in out

    home["now"] = T0 + timedelta(seconds=30)  # not due yet, and nothing new in llm
    code, out, _ = quiz(bank, monkeypatch, "", "--tag", "bleu")
    assert "Nothing due and nothing new here" in out

    home["now"] = T0 + timedelta(minutes=2)
    code, out, _ = quiz(bank, monkeypatch, "", "--due")  # input ends at the first answer: clean stop
    assert code == 0 and "1/1 · How are LLMs and classifiers evaluated?" in out and "Progress saved." in out

    code, out, _ = bank("stats", "--format", "json")
    data = json.loads(out)
    assert data["seen"] == 1 and data["reviews"] == 1 and data["lapse_rate"] == 1.0 and data["streak_days"] == 1
    assert data["by_topic"]["llm"] == {"questions": 6, "seen": 1, "mastered": 0, "due_today": 1, "reviews": 1,
                                       "lapses": 1, "lapse_rate": 1.0}
    assert data["by_topic"]["ml"]["lapse_rate"] == 0.0 and data["by_difficulty"]["medium"]["lapses"] == 1
    assert data["activity"]["2026-11-02"] == 1


def test_wrong_answers_suggest_again(bank, monkeypatch, home):
    code, out, _ = quiz(bank, monkeypatch, "0.675\n4\nb\nb\nno idea\n\n", "--tag", "bleu")
    assert "[Enter = Again]" in out and "Saved: Again." in out
    assert "That is the arithmetic mean of precision and recall" in out


def test_new_questions_come_in_a_stable_order_and_filters_apply(bank, monkeypatch, home):
    code, out, _ = quiz(bank, monkeypatch, "", "--kind", "coding", "--difficulty", "easy")
    assert "1/1 · Accuracy, precision, recall and F1 from scratch" in out


def test_intervals_follow_the_fsrs_library(home):
    from fsrs import Card, Rating, Scheduler

    ratings = [3, 3, 1, 3, 4, 2]
    expected, card = [], Card()
    library = Scheduler(desired_retention=0.9, enable_fuzzing=False)
    moments = [T0 + timedelta(days=d) for d in (0, 1, 4, 12, 13, 40)]
    for rating, at in zip(ratings, moments, strict=True):
        card, _ = library.review_card(card, Rating(rating), review_datetime=at)
        expected.append(card.due)
    with store.connect() as connection:
        progress = schedule.Progress.open_default(connection)
        got = [progress.review("ml/kmeans", r, at, source="quiz") for r, at in zip(ratings, moments, strict=True)]
    assert got == expected


def test_retention_is_saved_and_changes_intervals(bank, monkeypatch, home):
    quiz(bank, monkeypatch, "", "--retention", "0.8", "--tag", "bleu")
    with store.connect() as connection:
        progress = schedule.Progress.open_default(connection)
        assert progress.retention == 0.8
        loose = progress.previews("ml/kmeans", T0)[4]
        progress.set_retention(0.95)
        assert progress.previews("ml/kmeans", T0)[4] < loose  # higher retention: shorter intervals


def test_grade_counts_as_a_review_but_batches_do_not(bank, home, tmp_path):
    answer = tmp_path / "answer.py"
    answer.write_text("# bank: graph/pagerank\n" + (REPO_ROOT / "solutions/graph/pagerank.py").read_text())
    assert bank("grade", str(answer))[0] == 0
    folder = tmp_path / "batch"
    folder.mkdir()
    (folder / "a.py").write_text("# bank: ml/kmeans\n" + (REPO_ROOT / "solutions/ml/kmeans.py").read_text())
    (folder / "b.py").write_text("# bank: ml/kmeans\npass\n")
    bank("grade", str(folder))
    with store.connect() as connection:
        rows = connection.execute("SELECT question_id, rating, source, score FROM reviews").fetchall()
    assert rows == [("graph/pagerank", 3, "grade", 5.0)]


def test_reset_asks_first(bank, monkeypatch, home):
    quiz(bank, monkeypatch, LLM_RIGHT + "3\n", "--tag", "bleu")
    monkeypatch.setattr(sys, "stdin", io.StringIO("n\n"))
    assert bank("reset", "llm/evaluation-metrics")[1].endswith("Nothing changed.\n")
    monkeypatch.setattr(sys, "stdin", io.StringIO("y\n"))
    assert bank("reset", "llm/evaluation-metrics")[1].endswith("Forgot progress for 1 question(s).\n")
    code, _, err = bank("reset")
    assert code == 2 and err == "Error: name one question id, or pass --all\n"


def test_concurrent_writers_do_not_corrupt_the_database(home, tmp_path):
    script = ("import sys\nfrom datetime import datetime, timezone\nfrom bank_cli import schedule, store\n"
              "with store.connect() as c:\n    p = schedule.Progress.open_default(c)\n"
              "    for i in range(40):\n        p.review(f'q/{sys.argv[1]}-{i % 5}', 3, datetime.now(timezone.utc), source='quiz')\n")
    env = {**os.environ, "BANK_HOME": os.environ["BANK_HOME"]}
    writers = [subprocess.Popen([sys.executable, "-c", script, str(n)], env=env) for n in range(3)]
    assert [w.wait(timeout=120) for w in writers] == [0, 0, 0]
    connection = sqlite3.connect(store.database_path())
    assert connection.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    assert connection.execute("SELECT COUNT(*) FROM reviews").fetchone()[0] == 120
    assert connection.execute("SELECT COUNT(*) FROM cards").fetchone()[0] == 15
    assert connection.execute("PRAGMA user_version").fetchone()[0] == len(store.MIGRATIONS)


def _read_until(fd: int, marker: bytes, timeout: float = 30) -> bytes:
    seen, deadline = b"", time.monotonic() + timeout
    while marker not in seen:
        ready, _, _ = select.select([fd], [], [], max(0.0, deadline - time.monotonic()))
        if not ready:
            raise AssertionError(f"no {marker!r} in: {seen.decode(errors='replace')[-800:]}")
        try:
            seen += os.read(fd, 4096)
        except OSError:
            break
    return seen


def test_quiz_through_a_real_terminal(tmp_path):
    main, secondary = pty.openpty()
    env = {**os.environ, "BANK_HOME": str(tmp_path / "home"), "NO_COLOR": "1", "TERM": "dumb", "COLUMNS": "100"}
    process = subprocess.Popen([sys.executable, "-m", "bank_cli", "quiz", "--tag", "bleu"], stdin=secondary,
                               stdout=secondary, stderr=secondary, env=env, close_fds=True)
    os.close(secondary)
    try:
        for answer in LLM_RIGHT.splitlines():
            _read_until(main, b"Your answer")
            os.write(main, answer.encode() + b"\n")
        screen = _read_until(main, b"[Enter = Good]")
        os.write(main, b"4\n")
        screen += _read_until(main, b"Session done")
        assert process.wait(timeout=30) == 0
    finally:
        process.kill()
        os.close(main)
    assert b"Saved: Easy. Next review in 8d." in screen
    assert b"\x1b[3" not in screen  # NO_COLOR: no colour codes


def test_practice_notebook_round_trip(bank, home, tmp_path):
    path = tmp_path / "kmeans.ipynb"
    assert bank("start", "ml/kmeans", "--notebook", "-o", str(path))[0] == 0
    notebook = nbformat.read(str(path), as_version=4)
    nbformat.validate(notebook)
    code_cells = [c for c in notebook.cells if c.cell_type == "code"]
    assert code_cells[0].source.startswith("# bank: ml/kmeans\n")
    assert "<details><summary>Hint 1</summary>" in notebook.cells[-1].source

    code, out, _ = bank("grade", str(path))
    assert code == 1 and "NOT ATTEMPTED" in out

    def fill(source: str) -> None:
        code_cells[0].source = "# bank: ml/kmeans\n" + source
        nbformat.write(notebook, str(path))

    fill((REPO_ROOT / "solutions/ml/kmeans.py").read_text())
    code, out, _ = bank("grade", str(path))
    assert code == 0 and "PASS 5/5" in out

    fill((REPO_ROOT / "tests/wrong_solutions/ml/kmeans/empty_cluster_nan.py").read_text())
    code, out, _ = bank("grade", str(path))
    assert code == 1 and "Likely mistake [empty-cluster-nan]" in out

    fill("import numpy as np\n\ndef kmeans(X, k, n_init=10, max_iter=300, seed=0):\n    raise ValueError('oops')\n")
    code, out, _ = bank("grade", str(path))
    assert f"{path}, cell 2, line 5, in kmeans" in out  # line 1 of the cell is the header


def test_export_study_notebook(bank, home, tmp_path):
    path = tmp_path / "metrics.ipynb"
    code, out, _ = bank("export", "--topic", "metrics", "-o", str(path))
    assert code == 0 and out == f"Wrote {path} (2 questions)\n"
    notebook = nbformat.read(str(path), as_version=4)
    text = "\n".join(c.source for c in notebook.cells)
    assert "## ROC AUC from scores, with ties" in text and "<summary>Reference answer</summary>" in text

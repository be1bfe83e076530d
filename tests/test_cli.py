"""The `bank` command, driven in-process: exit codes and exact output."""

import io
import json
import subprocess
import sys

import pytest

from bank_cli.main import GROUPS, build_parser
from graders.engine.paths import REPO_ROOT

REFERENCE = (REPO_ROOT / "solutions" / "metrics" / "classification_metrics.py").read_text()
WRONG = (REPO_ROOT / "tests" / "wrong_solutions" / "metrics" / "classification_metrics" / "arithmetic_mean_f1.py").read_text()


def test_list_table(bank):
    code, out, _ = bank("list", "--topic", "metrics")
    assert code == 0
    lines = out.splitlines()
    assert lines[0].split() == ["ID", "LEVEL", "KIND", "FRAMEWORKS", "TITLE"]
    assert lines[1].startswith("metrics/classification-metrics  easy    coding   numpy")
    assert lines[-1] == "2 question(s). Next: bank show ID, bank start ID"


def test_list_json_and_filters(bank):
    code, out, _ = bank("list", "--framework", "torch", "--format", "json")
    ids = {row["id"] for row in json.loads(out)}
    assert code == 0 and ids == {"attention/scaled-dot-product", "transformers/bert-classifier"}


def test_unknown_topic_is_one_error_line(bank):
    code, out, err = bank("list", "--topic", "astrology")
    assert code == 2 and out == ""
    assert err.startswith("Error: unknown topic 'astrology'; topics: ") and err.count("\n") == 1


def test_unknown_id(bank):
    code, _, err = bank("show", "metrics/f2")
    assert code == 2 and err == "Error: unknown question id 'metrics/f2'. Run `bank list` to see the ids.\n"


def test_bad_usage_is_an_error_line_not_a_traceback(bank):
    code, _, err = bank("grade")
    assert code == 2 and err.startswith("Error: the following arguments are required: PATH")


def test_show_has_signature(bank):
    code, out, _ = bank("show", "graph/pagerank")
    assert code == 0 and out.startswith("# PageRank with damping and dangling nodes\n")
    assert "def pagerank(adj, damping=0.85, tol=1e-10, max_iter=1000) -> np.ndarray:" in out


def test_start_then_grade_reference_passes(bank, tmp_path):
    path = tmp_path / "answer.py"
    code, out, _ = bank("start", "metrics/classification-metrics", "-o", str(path))
    assert code == 0 and out == f"Wrote {path}. Edit it, then run: bank grade {path}\n"
    assert path.read_text().splitlines()[0] == "# bank: metrics/classification-metrics"
    code, out, _ = bank("grade", str(path))
    assert code == 1 and "NOT ATTEMPTED" in out
    path.write_text("# bank: metrics/classification-metrics\n" + REFERENCE)
    code, out, _ = bank("grade", str(path))
    assert code == 0 and out.startswith(f"metrics/classification-metrics [{path}]: PASS 5/5")


def test_start_refuses_to_overwrite(bank, tmp_path):
    path = tmp_path / "answer.py"
    path.write_text("mine")
    code, _, err = bank("start", "ml/kmeans", "-o", str(path))
    assert code == 2 and "already exists" in err and path.read_text() == "mine"


def test_wrong_answer_fails_with_actionable_message(bank, tmp_path):
    path = tmp_path / "answer.py"
    path.write_text("# bank: metrics/classification-metrics\n" + WRONG)
    code, out, _ = bank("grade", str(path))
    assert code == 1
    assert "x  balanced: f1: expected 0.731707, got 0.732143 (abs diff 0.000436)" in out
    assert "Likely mistake [arithmetic-mean-f1]: F1 looks like the arithmetic mean" in out


def test_grade_json(bank, tmp_path):
    path = tmp_path / "answer.py"
    path.write_text(WRONG)
    code, out, _ = bank("grade", str(path), "--question", "metrics/classification-metrics", "--format", "json")
    report = json.loads(out)
    assert code == 1 and report["schema_version"] == 1
    result = report["results"][0]
    assert result["status"] == "failed" and result["pitfalls"] == ["arithmetic-mean-f1"]
    assert result["max_score"] == 5 and 0 < result["score"] < 5


def test_grade_notebook_skips_magics(bank, tmp_path):
    cells = [{"cell_type": "markdown", "source": "# notes", "metadata": {}},
             {"cell_type": "code", "source": "# bank: metrics/classification-metrics\n!pip install numpy\n%time 1",
              "metadata": {}, "outputs": [], "execution_count": None},
             {"cell_type": "code", "source": REFERENCE, "metadata": {}, "outputs": [], "execution_count": None}]
    path = tmp_path / "answer.ipynb"
    path.write_text(json.dumps({"cells": cells, "metadata": {}, "nbformat": 4, "nbformat_minor": 5}))
    code, out, _ = bank("grade", str(path))
    assert code == 0 and "PASS 5/5" in out
    assert "cell 2: skipped shell/magic line: !pip install numpy" in out


@pytest.mark.parametrize("content, message", [
    (b"\xff\xfe not utf-8", "not UTF-8 text; save it as UTF-8"),
    (b"def f():\n    pass\n", "which question? Put '# bank: ID' on its first line or pass --question ID"),
    (b"# bank: metrics/nope\n", "unknown question id 'metrics/nope'"),
])
def test_bad_submissions_are_one_error_line(bank, tmp_path, content, message):
    path = tmp_path / "answer.py"
    path.write_bytes(content)
    code, _, err = bank("grade", str(path))
    assert code == 2 and message in err and err.startswith("Error: ") and err.count("\n") == 1


def test_empty_folder(bank, tmp_path):
    code, _, err = bank("grade", str(tmp_path))
    assert code == 2 and err == f"Error: no .py or .ipynb files found in {tmp_path}\n"


def test_cuda_on_a_numpy_question(bank, tmp_path):
    path = tmp_path / "answer.py"
    path.write_text("# bank: graph/pagerank\n" + REFERENCE)
    code, _, err = bank("grade", str(path), "--device", "cuda")
    assert code == 2 and "graph/pagerank runs on CPU only" in err


def test_hints_advance(bank):
    assert bank("hint", "ml/kmeans")[1].startswith("Hint 1/4: ")
    assert bank("hint", "ml/kmeans")[1].startswith("Hint 2/4: ")
    assert bank("hint", "ml/kmeans", "--reset")[1].startswith("Hint 1/4: ")


def test_solution_shows_code(bank):
    code, out, _ = bank("solution", "graph/pagerank")
    assert code == 0 and "## Reference solution" in out and "def pagerank(" in out


def test_quiz_reads_answers_from_stdin(bank, monkeypatch):
    monkeypatch.setattr(sys, "stdin", io.StringIO("0.675\n7.39\nb\na\n"))
    code, out, _ = bank("quiz", "--tag", "bleu")
    assert code == 0
    assert "Not quite. expected 0.6667, got 0.675. That is the arithmetic mean" in out
    assert "Correct. correct: 7.389" in out
    assert "ROC plots the true positive rate" in out
    assert "=== Reference answer ===" not in out and "Progress saved." in out  # input ended at the free-text check


def test_every_command_is_documented():
    commands = build_parser()._subparsers._group_actions[0].choices
    readme = (REPO_ROOT / "README.md").read_text()
    assert len(GROUPS) == 6
    for name in commands:
        assert f"bank {name}" in readme, f"README does not mention `bank {name}`"


def test_startup_imports_no_framework():
    code = ("import sys\nfrom bank_cli.main import main\nmain(['list'])\n"
            "print(sorted(m for m in ('torch', 'tensorflow', 'transformers', 'keras', 'sklearn') if m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.splitlines()[-1] == "[]"


def test_missing_framework_names_the_extra(bank, tmp_path, monkeypatch):
    import importlib.util

    real = importlib.util.find_spec
    monkeypatch.setattr(importlib.util, "find_spec", lambda name, *a: None if name == "torch" else real(name, *a))
    path = tmp_path / "answer.py"
    path.write_text("# bank: attention/scaled-dot-product\npass\n")
    code, _, err = bank("grade", str(path))
    assert code == 2
    assert err == "Error: attention/scaled-dot-product needs torch (pip install 'interview-bank[torch]')\n"


def test_require_isolation_without_bubblewrap(bank, tmp_path, monkeypatch):
    monkeypatch.setenv("BANK_ISOLATION", "subprocess")
    path = tmp_path / "answer.py"
    path.write_text("# bank: metrics/classification-metrics\n" + REFERENCE)
    code, _, err = bank("grade", str(path), "--require-isolation")
    assert code == 2 and err.startswith("Error: --require-isolation: bubblewrap is not available here")


def test_folder_graded_in_parallel(bank, tmp_path):
    (tmp_path / "alice.py").write_text("# bank: metrics/classification-metrics\n" + REFERENCE)
    (tmp_path / "bob.py").write_text("# bank: metrics/classification-metrics\n" + WRONG)
    code, out, _ = bank("grade", str(tmp_path), "--jobs", "2")
    assert code == 1
    assert out.index("alice.py]: PASS") < out.index("bob.py]: FAIL")  # input order kept
    assert out.rstrip().endswith("1/2 submissions passed")


def test_workflow_commands_parse():
    """The GitHub Actions workflow and the CI guide use flags the CLI really has."""
    import shlex

    import yaml

    workflow = yaml.safe_load((REPO_ROOT / ".github" / "workflows" / "grade-submissions.yml").read_text())
    scripts = [step.get("run", "") for job in workflow["jobs"].values() for step in job["steps"]]
    commands = [line.strip().rstrip("\\").strip() for script in scripts for line in script.replace("\\\n", " ").splitlines()]
    bank_lines = [c.split("||")[0] for c in commands if c.startswith((".venv/bin/bank ", "bank "))]
    assert len(bank_lines) == 2
    for line in bank_lines:
        argv = shlex.split(line.replace("$extra", "").replace("${{ matrix.shard }}", "1"))[1:]
        build_parser().parse_args(argv)  # raises UsageError on an unknown flag


def test_bad_files_in_a_batch_get_error_verdicts_and_the_batch_goes_on(bank, tmp_path):
    (tmp_path / "good.py").write_text("# bank: metrics/classification-metrics\n" + REFERENCE)
    (tmp_path / "corrupt.ipynb").write_text("{not json")
    (tmp_path / "empty.ipynb").write_text(json.dumps({"cells": [], "metadata": {}, "nbformat": 4, "nbformat_minor": 5}))
    (tmp_path / "latin1.py").write_bytes(b"# bank: metrics/roc-auc\n# caf\xe9\n")
    (tmp_path / "syntax.py").write_text("# bank: metrics/roc-auc\ndef roc_auc(:\n")
    code, out, err = bank("grade", str(tmp_path), "--format", "json")
    results = {r["submission"].rsplit("/", 1)[1]: r for r in json.loads(out)["results"]}
    assert code == 1 and err == ""
    assert results["good.py"]["status"] == "passed"
    assert "not a readable Jupyter notebook" in results["corrupt.ipynb"]["message"]
    assert "the notebook has no code cells" in results["empty.ipynb"]["message"]
    assert "not UTF-8 text" in results["latin1.py"]["message"]
    assert "SyntaxError" in results["syntax.py"]["message"]
    assert all(results[name]["status"] == "error" for name in results if name != "good.py")

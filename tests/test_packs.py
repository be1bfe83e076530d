"""Private question packs: kept outside the repository, added with --bank-dir or BANK_PATH."""

import shutil

import pytest

from graders.engine import paths
from graders.engine.paths import REPO_ROOT
from graders.engine.questions import load_all


@pytest.fixture
def pack(tmp_path, monkeypatch):
    """A pack holding one private question: classification metrics under a new id."""
    monkeypatch.setattr(paths, "_extra_packs", [])
    load_all.cache_clear()
    yield_files = {
        "questions/metrics/classification-metrics.yaml": "questions/hiring/private-f1.yaml",
        "solutions/metrics/classification_metrics.py": "solutions/hiring/private_f1.py",
        "graders/metrics/classification_metrics.py": "graders/hiring/private_f1.py",
        "graders/metrics/classification_metrics_driver.py": "graders/hiring/private_f1_driver.py",
    }
    for source, target in yield_files.items():
        (tmp_path / target).parent.mkdir(parents=True, exist_ok=True)
        text = (REPO_ROOT / source).read_text()
        (tmp_path / target).write_text(text.replace("topic: metrics", "topic: hiring"))
    shutil.copytree(REPO_ROOT / "tests/wrong_solutions/metrics/classification_metrics",
                    tmp_path / "tests/wrong_solutions/hiring/private_f1")
    yield tmp_path
    load_all.cache_clear()


def test_bank_dir_adds_and_verifies_a_pack(bank, pack):
    code, out, _ = bank("verify", "hiring/private-f1", "--bank-dir", str(pack))
    assert code == 0, out
    assert "ok   hiring/private-f1" in out and "wrong solution zero_division.py fails naming zero-division" in out
    code, out, _ = bank("list", "--topic", "hiring")
    assert code == 0 and "hiring/private-f1" in out


def test_bank_path_adds_a_pack(bank, pack, monkeypatch, tmp_path):
    monkeypatch.setenv("BANK_PATH", str(pack))
    load_all.cache_clear()
    answer = tmp_path / "answer.py"
    answer.write_text("# bank: hiring/private-f1\n" + (pack / "solutions/hiring/private_f1.py").read_text())
    code, out, _ = bank("grade", str(answer))
    assert code == 0 and "hiring/private-f1" in out and "PASS 5/5" in out


def test_not_a_pack(bank, tmp_path):
    code, _, err = bank("list", "--bank-dir", str(tmp_path))
    assert code == 2 and err == f"Error: {tmp_path}: not a question pack (it has no questions/ folder)\n"

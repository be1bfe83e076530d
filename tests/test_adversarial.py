"""Cheating submissions, graded as one batch under each isolation level: every one ends failed,
error or timeout for the reason it declares, the batch goes on, no secret leaks, nothing
connects out, no process survives, and no file of the bank changes."""

import hashlib
import json
import os
import re
import socket
from pathlib import Path

import pytest

from graders.engine import sandbox
from graders.engine.child import confine
from graders.engine.paths import REPO_ROOT

FOLDER = Path(__file__).parent / "adversarial"
LEVELS = ["subprocess"] + (["bubblewrap"] if sandbox.bubblewrap_available() else [])
SECRET = "hunter2-do-not-leak"
SKIP_DIRS = {".venv", ".git", "__pycache__", ".pytest_cache", ".ruff_cache"}


def expectation(path: Path) -> tuple[set[str], str]:
    """'# expect: STATUS[,STATUS] | REASON-REGEX' on the second line of each submission."""
    line = path.read_text().splitlines()[1]
    statuses, reason = line.removeprefix("# expect:").split("|", 1)
    return {s.strip() for s in statuses.split(",")}, reason.strip()


def bank_snapshot() -> dict[str, str]:
    files = {}
    for path in REPO_ROOT.rglob("*"):
        if path.is_file() and not SKIP_DIRS & set(path.relative_to(REPO_ROOT).parts):
            files[str(path.relative_to(REPO_ROOT))] = hashlib.sha256(path.read_bytes()).hexdigest()
    return files


def runners_alive() -> list[int]:
    alive = []
    for entry in os.scandir("/proc"):
        if entry.name.isdigit():
            try:
                cmdline = Path(f"/proc/{entry.name}/cmdline").read_bytes()
            except OSError:
                continue
            if b"runner.py" in cmdline and int(entry.name) != os.getpid():
                alive.append(int(entry.name))
    return alive


@pytest.fixture
def listener():
    server = socket.socket()
    server.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    try:
        server.bind(("127.0.0.1", 47123))
    except OSError:
        pytest.skip("port 47123 is busy")
    server.listen(8)
    server.setblocking(False)
    yield server
    server.close()


@pytest.mark.parametrize("level", LEVELS)
def test_cheating_submissions_are_caught(level, bank, tmp_path, monkeypatch, listener):
    if level == "subprocess":
        if confine.landlock_abi() == 0:
            pytest.skip("no Landlock in this kernel: a plain subprocess cannot hide the bank's files (documented)")
        monkeypatch.setenv("BANK_ISOLATION", "subprocess")
    monkeypatch.setenv("BANK_TEST_SECRET_TOKEN", SECRET)
    submissions = tmp_path / "submissions"
    submissions.mkdir()
    for path in FOLDER.glob("*.py"):
        # Without bubblewrap, only Landlock's signal scoping (ABI >= 6) protects the grader itself.
        if path.name == "kill_the_grader.py" and level == "subprocess" and confine.landlock_abi() < 6:
            continue
        (submissions / path.name).write_text(path.read_text())
    before = bank_snapshot()

    code, out, _ = bank("grade", str(submissions), "--jobs", "2", "--timeout", "8", "--format", "json",
                        "--output", str(tmp_path / "report.json"))

    report = json.loads((tmp_path / "report.json").read_text())
    results = {Path(r["submission"]).name: r for r in report["results"]}
    assert code == 1 and len(results) == len(list(submissions.glob("*.py")))
    for name, result in results.items():
        status, reason = expectation(FOLDER / name)
        text = result["message"] + "\n".join(c["message"] for c in result["checks"])
        assert result["status"] in status, f"{name}: {result['status']}: {text[:500]}"
        assert re.search(reason, text), f"{name}: reason /{reason}/ not in: {text[:800]}"
        assert result["score"] < result["max_score"], name
        assert result["isolation"].startswith(level)
    assert SECRET not in json.dumps(report) and SECRET not in out
    with pytest.raises(BlockingIOError):
        listener.accept()  # nothing connected
    assert not runners_alive()
    assert bank_snapshot() == before
    assert not (REPO_ROOT / "planted.py").exists()

"""Submissions that hang, crash, exit early, eat memory or lie get a clear verdict, and the
grader survives. Run under both isolation levels when bubblewrap is available."""

import hashlib

import pytest

from graders.engine import sandbox
from graders.engine.grading import grade_source
from graders.engine.paths import REPO_ROOT
from graders.engine.questions import get

LEVELS = ["subprocess"] + (["bubblewrap"] if sandbox.bubblewrap_available() else [])
QUESTION = "metrics/classification-metrics"
HEADER = "def classification_metrics(y_true, y_pred):\n"


@pytest.fixture(params=LEVELS)
def isolation(request, monkeypatch):
    if request.param == "subprocess":
        monkeypatch.setenv("BANK_ISOLATION", "subprocess")
    return request.param


def grade(source, timeout=None):
    return grade_source(source, get(QUESTION), device="cpu", timeout=timeout)


def test_hang_times_out(isolation):
    result = grade("import time\n" + HEADER + "    time.sleep(3600)\n", timeout=3)
    assert result.status == "timeout" and result.isolation.startswith(isolation)
    assert "timed out after 3 s" in result.message


def test_import_error_is_reported(isolation):
    result = grade("import numpy as np\nraise RuntimeError('boom at import')\n")
    assert result.status == "error"
    assert result.message.startswith("your file could not be loaded: RuntimeError: boom at import")


def test_syntax_error_is_reported(isolation):
    result = grade(HEADER + "    return {\n")
    assert result.status == "error" and "SyntaxError" in result.message


def test_missing_function(isolation):
    result = grade("def something_else():\n    pass\n")
    assert result.status == "error"
    assert "does not define classification_metrics" in result.message


def test_os_exit_mid_run_is_not_a_pass(isolation):
    result = grade("import os\n" + HEADER + "    print('PASSED 5/5')\n    os._exit(0)\n")
    assert result.status == "error" and result.score == 0
    assert "ended early" in result.message


def test_sys_exit_inside_a_call(isolation):
    result = grade("import sys\n" + HEADER + "    sys.exit(0)\n")
    assert result.status == "failed" and result.score == 0
    assert "called sys.exit()" in result.checks[0].message


def test_memory_bomb_is_stopped(isolation):
    result = grade(HEADER + "    blocks = []\n    while True:\n        blocks.append(bytearray(100 << 20))\n")
    assert result.status in ("failed", "error") and result.score == 0
    assert "MemoryError" in "\n".join(c.message for c in result.checks) + result.message


def test_always_equal_object_fails(isolation):
    source = ("class Anything(dict):\n    def __eq__(self, other):\n        return True\n"
              "    def __getitem__(self, key):\n        return self\n" + HEADER + "    return Anything()\n")
    result = grade(source)
    assert result.status == "failed" and result.score == 0


def test_secrets_do_not_reach_the_child(isolation, monkeypatch):
    monkeypatch.setenv("BANK_TEST_SECRET", "hunter2")
    source = ("import os\n" + HEADER +
              "    raise RuntimeError(os.environ.get('BANK_TEST_SECRET', 'no secret'))\n")
    result = grade(source)
    assert "no secret" in result.checks[0].message and "hunter2" not in result.checks[0].message


@pytest.mark.skipif("bubblewrap" not in LEVELS, reason="bubblewrap is not available here")
def test_bubblewrap_hides_the_bank_and_the_network(monkeypatch):
    solution = REPO_ROOT / "solutions" / "metrics" / "classification_metrics.py"
    before = hashlib.sha256(solution.read_bytes()).hexdigest()
    source = f"""import os, socket
{HEADER}    seen = os.path.exists({str(solution)!r})
    try:
        open({str(solution)!r}, 'a').write('# tampered')
        wrote = True
    except OSError:
        wrote = False
    try:
        socket.create_connection(('1.1.1.1', 80), timeout=2)
        net = True
    except OSError:
        net = False
    raise RuntimeError(f'seen={{seen}} wrote={{wrote}} net={{net}}')
"""
    result = grade(source)
    assert result.isolation == "bubblewrap+landlock"
    assert "seen=False wrote=False net=False" in result.checks[0].message
    assert hashlib.sha256(solution.read_bytes()).hexdigest() == before


def test_output_the_judge_cannot_read_is_a_failed_check():
    # A dict whose values are dicts: the judge expects numbers. No traceback, a verdict.
    result = grade(HEADER + "    return {k: {'nested': 1} for k in ('accuracy', 'precision', 'recall', 'f1')}\n")
    assert result.status == "failed" and result.score == 0
    assert "expected a number, got dict" in result.checks[0].message


def test_a_judge_that_trips_gives_a_verdict_not_a_traceback(monkeypatch):
    from graders.engine import grading

    real = grading.load_judge

    def tripping(question):
        module = real(question)

        class Tripping:
            cases = staticmethod(module.cases)

            @staticmethod
            def judge(*args):
                raise KeyError("accuracy")

        return Tripping

    monkeypatch.setattr(grading, "load_judge", tripping)
    result = grade((REPO_ROOT / "solutions" / "metrics" / "classification_metrics.py").read_text())
    assert result.status == "failed"
    assert "the grader could not read your output (KeyError: 'accuracy')" in result.checks[0].message

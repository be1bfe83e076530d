"""`make bench`: start-up and grading overhead as ratios measured in one run (this machine is
shared and noisy, so only ratios of commands timed side by side mean anything)."""

import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
BIN = Path(sys.executable).parent
PYTHON = sys.executable
ENV = {**os.environ, "BANK_HOME": tempfile.mkdtemp(prefix="bank-bench-")}


# The sandboxed child runs one math thread (see sandbox.py); the direct baseline does the same,
# so the ratio measures the bank's own overhead, not a threading difference.
ONE_THREAD = {"OMP_NUM_THREADS": "1", "MKL_NUM_THREADS": "1", "OPENBLAS_NUM_THREADS": "1"}


def timed(command: list[str], repeat: int, extra_env: dict | None = None) -> float:
    """Median wall time of a command, in seconds."""
    times = []
    for _ in range(repeat):
        started = time.perf_counter()
        subprocess.run(command, cwd=ROOT, env={**ENV, **(extra_env or {})}, stdin=subprocess.DEVNULL,
                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        times.append(time.perf_counter() - started)
    return statistics.median(times)


def _batch(count: int) -> Path:
    """A folder of `count` submissions to one numpy question, a mix of right and wrong answers."""
    folder = Path(tempfile.mkdtemp(prefix="bank-bench-batch-"))
    right = (ROOT / "solutions/metrics/classification_metrics.py").read_text()
    wrong = (ROOT / "tests/wrong_solutions/metrics/classification_metrics/arithmetic_mean_f1.py").read_text()
    for i in range(count):
        body = right if i % 2 else wrong
        (folder / f"candidate{i:03d}.py").write_text("# bank: metrics/classification-metrics\n" + body)
    return folder


def batch_throughput(count: int = 100) -> None:
    print(f"\n== batch throughput: {count} submissions to metrics/classification-metrics")
    folder = _batch(count)
    seconds = {}
    for jobs in (1, 2):
        seconds[jobs] = timed([str(BIN / "bank"), "grade", str(folder), "--jobs", str(jobs), "--format", "csv",
                               "--output", str(folder / f"jobs{jobs}.csv")], 1)
        print(f"--jobs {jobs}: {seconds[jobs]:6.1f} s  {count / seconds[jobs] * 60:6.0f} submissions/min")
    print(f"speed-up --jobs 2 vs --jobs 1: {seconds[1] / seconds[2]:.2f}x")


def sandbox_cost(count: int = 30) -> None:
    """Per-submission cost of each isolation level, as a ratio to the plain subprocess."""
    print(f"\n== sandbox cost per submission ({count} submissions, --jobs 1)")
    folder = _batch(count)
    levels = {"subprocess (rlimits only)": {"BANK_ISOLATION": "subprocess", "BANK_LANDLOCK": "0"},
              "subprocess+landlock": {"BANK_ISOLATION": "subprocess"},
              "bubblewrap+landlock": {}}
    per_submission = {}
    for name, env in levels.items():
        if name.startswith("bubblewrap") and not _bubblewrap_works():
            print(f"{name:<28} unavailable here")
            continue
        per_submission[name] = timed([str(BIN / "bank"), "grade", str(folder), "--format", "csv",
                                      "--output", str(folder / "out.csv")], 1, env) / count
    plain = per_submission["subprocess (rlimits only)"]
    for name, seconds in per_submission.items():
        print(f"{name:<28} {seconds * 1000:6.0f} ms   ratio {seconds / plain:.2f}x")


def _bubblewrap_works() -> bool:
    sys.path.insert(0, str(ROOT))
    from graders.engine.sandbox import bubblewrap_available

    return bubblewrap_available()


def main() -> None:
    sys.path.insert(0, str(ROOT))
    from graders.engine.questions import load_all

    print("== start-up (median of 9)")
    empty = timed([PYTHON, "-c", "pass"], 9)
    listing = timed([str(BIN / "bank"), "list"], 9)
    print(f"python -c pass {empty * 1000:7.0f} ms")
    print(f"bank list      {listing * 1000:7.0f} ms   ratio {listing / empty:.1f}x")
    # The first question is on screen when the quiz waits for input; with stdin at its end it
    # stops right there, so the whole run is the time to the first question.
    first_question = timed([str(BIN / "bank"), "quiz", "-n", "1"], 9)
    print(f"bank quiz      {first_question * 1000:7.0f} ms   to the first question (opens the progress database)")

    print("\n== grading overhead: bank grade (reference, warm cache) vs calling the reference directly (median of 3)")
    print(f"{'question':<32} {'direct':>8} {'grade':>8} {'ratio':>6}")
    for question in load_all().values():
        if question.kind != "coding":
            continue
        grade = [str(BIN / "bank"), "grade", str(question.paths.solution), "--question", question.id, "--device", "cpu"]
        timed(grade, 1)  # warms the cache of reference outputs, as any second grading finds it
        direct = timed([PYTHON, str(ROOT / "benchmarks" / "direct.py"), question.id], 3, ONE_THREAD)
        graded = timed(grade, 3)
        print(f"{question.id:<32} {direct:7.2f}s {graded:7.2f}s {graded / direct:5.2f}x")

    batch_throughput()
    sandbox_cost()

    print("\n== bank verify, all questions, --jobs 2 (one run, cold cache)")
    ENV["BANK_HOME"] = tempfile.mkdtemp(prefix="bank-bench-cold-")
    print(f"bank verify {timed([str(BIN / 'bank'), 'verify'], 1):.1f} s")


if __name__ == "__main__":
    main()

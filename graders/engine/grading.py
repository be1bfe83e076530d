"""Grade one submission for one question: run it sandboxed, judge its data, score the checks."""

from __future__ import annotations

import collections
import importlib.util
import json
import os
import signal
import sys
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import asdict, dataclass, field

from . import cache, checks, sandbox
from .cases import Case
from .checks import ERROR, FAILED, PASSED, TIMEOUT, Check
from .child import wire
from .errors import GradingError
from .questions import FRAMEWORK_MODULES, Question

RUNTIME_VERSION = "1"


@dataclass
class Result:
    question_id: str
    status: str
    score: float
    max_score: float
    checks: list[Check] = field(default_factory=list)
    seconds: float = 0.0
    isolation: str = ""
    device: str = "cpu"
    attempted: bool = True
    message: str = ""
    submission: str = ""
    candidate: str = ""
    log: str = ""
    feedback: dict[str, str] = field(default_factory=dict)  # pitfall id -> what to fix

    @property
    def pitfalls(self) -> list[str]:
        return list(dict.fromkeys(c.pitfall for c in self.checks if c.pitfall))

    def to_dict(self) -> dict:
        d = asdict(self)
        d["pitfalls"] = self.pitfalls
        return d


# ---------------------------------------------------------------- set-up

def missing_frameworks(question: Question) -> list[str]:
    """Install hints for the frameworks this question needs that are not installed (no imports)."""
    missing = []
    for framework in question.frameworks:
        module, extra = FRAMEWORK_MODULES[framework]
        if importlib.util.find_spec(module) is None:
            missing.append(f"{framework} (pip install 'interview-bank[{extra}]')" if extra else framework)
    return missing


def cuda_present() -> bool:
    return os.path.exists("/proc/driver/nvidia/version") or os.path.exists("/dev/nvidia0")


def resolve_device(requested: str, question: Question) -> str:
    if requested == "cpu":
        return "cpu"
    if requested == "cuda":
        if "cuda" not in question.devices:
            raise GradingError(f"{question.id} runs on CPU only ({', '.join(question.frameworks)}); use --device cpu or auto")
        if not cuda_present():
            raise GradingError("--device cuda was asked for, but this machine has no NVIDIA GPU")
        return "cuda"
    return "cuda" if "cuda" in question.devices and cuda_present() else "cpu"


def load_judge(question: Question):
    path = question.paths.judge
    spec = importlib.util.spec_from_file_location(f"bank_judge_{question.id.replace('/', '_').replace('-', '_')}", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _wire_cases(cases: list[Case]) -> list[dict]:
    return [{"name": c.name, "inputs": wire.to_plain(c.inputs)} for c in cases]


def _run(question: Question, source: str, cases: list[Case], device: str, timeout: float,
         with_oracle: bool = False, require_isolation: bool = False) -> sandbox.ChildRun:
    return sandbox.run_child(
        submission_source=source, driver=question.paths.driver, entrypoints=question.entrypoints,
        cases=_wire_cases(cases), device=device, timeout=timeout, memory_mb=question.memory_mb,
        with_oracle=with_oracle, require_isolation=require_isolation,
    )


def _versions(question: Question) -> str:
    from importlib import metadata

    names = {"numpy", *(FRAMEWORK_MODULES[f][0] for f in question.frameworks)}
    names = {"scikit-learn" if n == "sklearn" else n for n in names}
    found = []
    for name in sorted(names):
        try:
            found.append(f"{name}={metadata.version(name)}")
        except metadata.PackageNotFoundError:
            found.append(f"{name}=none")
    return ",".join(found)


_reference_locks: dict[str, threading.Lock] = collections.defaultdict(threading.Lock)


def reference_run(question: Question, cases: list[Case], device: str, timeout: float) -> sandbox.ChildRun:
    """The reference solution's outputs (and the driver's trusted oracle), cached on disk by a
    hash of everything they depend on, so grading usually costs one child run, not two."""
    paths = question.paths
    sources = [p.read_bytes() for p in (paths.solution, paths.driver, paths.judge)]
    sources += [(sandbox.CHILD_DIR / name).read_bytes() for name in sandbox.RUNTIME_FILES]
    key = cache.digest(RUNTIME_VERSION, question.id, device, sys.version, _versions(question),
                       json.dumps(_wire_cases(cases), sort_keys=True), *sources)
    with _reference_locks[key]:  # parallel gradings of one question compute it once
        cached = cache.read_json(key)
        if cached is not None:
            run = sandbox.ChildRun(isolation=cached["isolation"], raw=cached["raw"])
            sandbox.parse_records(run, run.raw)
            return run
        run = _run(question, paths.solution.read_text(encoding="utf-8"), cases, device, timeout, with_oracle=True)
        if run.finished and not any("error" in r for r in run.case_records.values()):
            cache.write_json(key, {"isolation": run.isolation, "raw": run.raw})
        return run


# ---------------------------------------------------------------- grading

def is_unedited_starter(source: str, question: Question) -> bool:
    def body(text: str) -> str:
        lines = [line.rstrip() for line in text.strip().splitlines()]
        return "\n".join(line for line in lines if not line.startswith("# bank:"))
    return body(source) == body(question.starter)


def grade_source(source: str, question: Question, *, device: str = "auto", timeout: float | None = None,
                 submission: str = "", require_isolation: bool = False) -> Result:
    started = time.perf_counter()
    missing = missing_frameworks(question)
    if missing:
        raise GradingError(f"{question.id} needs {', '.join(missing)}")
    device = resolve_device(device, question)
    timeout = timeout or question.timeout
    result = Result(question.id, FAILED, 0.0, 0.0, device=device, submission=submission)
    judge = load_judge(question)
    cases: list[Case] = judge.cases()
    result.max_score = float(sum(c.points for c in cases))
    if is_unedited_starter(source, question):
        result.attempted = False
        result.message = f"not attempted: the file is still the starter. Implement {', '.join(question.entrypoints)} and grade again."
        result.seconds = time.perf_counter() - started
        return result
    with ThreadPoolExecutor(max_workers=2) as pool:
        reference = pool.submit(reference_run, question, cases, device, max(timeout, question.timeout))
        candidate = _run(question, source, cases, device, timeout, require_isolation=require_isolation)
        expected = reference.result()
    result.isolation, result.log = candidate.level, candidate.log
    _own_paths(candidate, submission or "your file")
    if not expected.finished:
        raise GradingError(f"the reference solution of {question.id} failed to run on {device}: "
                           f"{expected.protocol_error or expected.log[-2000:]}")
    _judge_run(result, candidate, expected, cases, judge, question, timeout)
    result.seconds = time.perf_counter() - started
    return result


def _own_paths(run: sandbox.ChildRun, shown_as: str) -> None:
    """Tracebacks name the sandbox's copy of the file; show the candidate's own name instead."""
    for record in run.records:
        for key in ("error", "load_error"):
            err = record.get(key)
            if isinstance(err, wire.RemoteError) and err.traceback:
                text = err.traceback.replace(sandbox.SUBMISSION_MARK, shown_as)
                record[key] = wire.RemoteError(err.type, err.message, text)


def _run_level_failure(run: sandbox.ChildRun, question: Question, timeout: float) -> tuple[str, str] | None:
    """(status, message) when the run as a whole went wrong before any case could be judged."""
    if run.first("confine_error"):
        return ERROR, f"the sandbox could not be set up: {run.first('confine_error')} (BANK_LANDLOCK=0 turns Landlock off)"
    load_error = run.first("load_error")
    if load_error is not None:
        return ERROR, f"your file could not be loaded: {load_error}\n{load_error.traceback}".rstrip()
    missing = run.first("missing")
    if missing:
        names = ", ".join(missing)
        return ERROR, f"your file does not define {names}; the question needs {', '.join(question.entrypoints)}"
    if run.protocol_error:
        return ERROR, run.protocol_error
    if run.too_many_processes:
        return ERROR, f"stopped: your code started more than {sandbox.MAX_PROCESSES} processes"
    if run.first("loaded") is None and run.timed_out:
        return TIMEOUT, f"timed out after {timeout:g} s while loading your file"
    if run.first("loaded") is None:
        return ERROR, f"the process ended before loading your file ({_exit_reason(run, question)})"
    return None


def _exit_reason(run: sandbox.ChildRun, question: Question) -> str:
    code = run.exit_code
    if code is None:
        return "no exit code"
    if code < 0:
        name = signal.Signals(-code).name
        hint = f"; the memory limit is {question.memory_mb} MiB" if name in ("SIGKILL", "SIGSEGV", "SIGABRT") else ""
        return f"killed by {name}{hint}"
    return f"exit code {code}, which usually means the code called os._exit() or sys.exit() at import"


def _judge_run(result: Result, run: sandbox.ChildRun, expected: sandbox.ChildRun, cases: list[Case],
               judge, question: Question, timeout: float) -> None:
    failure = _run_level_failure(run, question, timeout)
    if failure:
        result.status, result.message = failure
        return
    got_by_case, expected_by_case = run.case_records, expected.case_records
    errors = [r["error"] for r in got_by_case.values() if "error" in r]
    if len(errors) == len(cases) and all(e.type == "NotImplementedError" for e in errors):
        result.attempted = False
        result.message = "not attempted: every function still raises NotImplementedError"
        return
    for case in cases:
        record = got_by_case.get(case.name)
        if record is None:
            status = TIMEOUT if run.timed_out else ERROR
            reason = f"timed out after {timeout:g} s" if run.timed_out else f"the process ended early ({_exit_reason(run, question)})"
            result.checks.append(Check(case.name, status, f"{case.name}: not run: {reason}", max_score=case.points))
            continue
        if "error" in record:
            err = record["error"]
            message = f"{case.name}: your code raised {err}"
            if err.type == "SystemExit":
                message = f"{case.name}: your code called sys.exit() ({err.message or 0}); return a value instead"
            pitfall = judge.error_pitfall(case, err) if hasattr(judge, "error_pitfall") else None
            check = Check(case.name, ERROR, f"{message}\n{err.traceback}".rstrip(), pitfall=pitfall)
            _score([check], case, question)
            result.checks.append(check)
            continue
        try:
            found = judge.judge(case, record["output"], expected_by_case[case.name], record)
        except Exception as e:  # noqa: BLE001 - an output so odd the judge trips on it is still a verdict
            found = [checks.fail(case.name, f"{case.name}: the grader could not read your output "
                                 f"({type(e).__name__}: {e}); check the return type against the prompt")]
        _score(found, case, question)
        result.checks.extend(found)
    result.score = round(sum(c.score for c in result.checks), 6)
    result.feedback = {p: question.pitfall(p).feedback for p in result.pitfalls}
    if run.timed_out:
        result.status, result.message = TIMEOUT, f"timed out after {timeout:g} s"
    elif not run.finished:
        result.status, result.message = ERROR, f"the process ended early ({_exit_reason(run, question)})"
    else:
        result.status = PASSED if result.checks and all(c.passed for c in result.checks) else FAILED


def _score(found: list[Check], case: Case, question: Question) -> None:
    """Split the case's points over its checks by weight, and attach pitfall feedback."""
    total = sum(c.weight for c in found) or 1.0
    for c in found:
        c.max_score = case.points * c.weight / total
        c.score = c.max_score if c.passed else 0.0
    if not found:
        found.append(checks.fail(case.name, "the judge produced no checks"))

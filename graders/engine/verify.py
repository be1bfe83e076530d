"""`bank verify`: every question proves its grader.

For a coding question: the reference passes, the starter is "not attempted", each wrong solution
fails naming its pitfall, and grading twice gives the same verdict. For a concept question: each
check accepts its own answer key and each pitfall is reachable through a wrong option or value.
"""

from __future__ import annotations

import time
from dataclasses import dataclass, field

from . import concept
from .grading import Result, grade_source
from .questions import Question, wrong_solutions


@dataclass
class Finding:
    ok: bool
    what: str


@dataclass
class Verification:
    question_id: str
    findings: list[Finding] = field(default_factory=list)
    seconds: float = 0.0

    @property
    def ok(self) -> bool:
        return all(f.ok for f in self.findings)

    def add(self, ok: bool, what: str) -> None:
        self.findings.append(Finding(ok, what))


def _verdict(result: Result) -> tuple:
    return (result.status, round(result.score, 6), tuple((c.name, c.status, c.pitfall) for c in result.checks))


def _failing_detail(result: Result) -> str:
    bad = next((c for c in result.checks if not c.passed), None)
    text = result.message or (bad.message if bad else "")
    return text.splitlines()[0] if text else ""


def verify_coding(question: Question, device: str = "cpu") -> Verification:
    report = Verification(question.id)
    reference = question.paths.solution.read_text(encoding="utf-8")
    first = grade_source(reference, question, device=device)
    report.add(first.status == "passed",
               f"reference passes ({first.score:g}/{first.max_score:g}, {first.seconds:.1f} s)"
               + ("" if first.status == "passed" else f": {first.status}: {_failing_detail(first)}"))
    starter = grade_source(question.starter, question, device=device)
    report.add(not starter.attempted, "starter is reported as not attempted")
    for wrong in wrong_solutions(question):
        result = grade_source(wrong.path.read_text(encoding="utf-8"), question, device=device)
        caught = result.status != "passed" and wrong.pitfall in result.pitfalls
        detail = "" if caught else f" (status {result.status}, named {result.pitfalls or 'no pitfall'}: {_failing_detail(result)})"
        report.add(caught, f"wrong solution {wrong.path.name} fails naming {wrong.pitfall}{detail}")
    second = grade_source(reference, question, device=device)
    report.add(_verdict(first) == _verdict(second), "grading twice gives the same verdict")
    return report


def verify_concept(question: Question) -> Verification:
    report = Verification(question.id)
    for check in question.checks:
        answered = concept.check_answer(question, check, concept.reference_text(check))
        report.add(answered.correct, f"check {check.id} accepts its answer key")
        for key, pitfall in check.wrong_options.items():
            wrong = concept.check_answer(question, check, key)
            report.add(not wrong.correct and wrong.pitfall == pitfall, f"check {check.id}: option {key} is rejected naming {pitfall}")
        for wrong_value in check.wrong_values:
            wrong = concept.check_answer(question, check, repr(wrong_value.value))
            report.add(not wrong.correct and wrong.pitfall == wrong_value.pitfall,
                       f"check {check.id}: {wrong_value.value:g} is rejected naming {wrong_value.pitfall}")
    linked = {p for c in question.checks for p in [*c.wrong_options.values(), *(w.pitfall for w in c.wrong_values)]}
    for pitfall in question.pitfalls:
        if pitfall.id not in linked:
            report.add(True, f"pitfall {pitfall.id} is taught in the explanation (no auto-check names it)")
    return report


def verify(question: Question, device: str = "cpu") -> Verification:
    started = time.perf_counter()
    report = verify_coding(question, device) if question.kind == "coding" else verify_concept(question)
    report.seconds = time.perf_counter() - started
    return report

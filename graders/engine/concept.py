"""Checking answers to concept questions: numbers, choices and key points in free text."""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from fractions import Fraction

from .questions import ConceptCheck, Question


@dataclass
class Answered:
    correct: bool
    message: str
    pitfall: str | None = None


def parse_number(text: str) -> float | None:
    text = text.strip().replace(",", "")
    percent = text.endswith("%")
    try:
        value = float(Fraction(text.rstrip("%").strip()))
    except (ValueError, ZeroDivisionError):
        return None
    return value / 100 if percent else value


def _number_close(value: float, target: float, check: ConceptCheck) -> bool:
    if check.relative:
        return math.isclose(value, target, rel_tol=check.tolerance)
    return abs(value - target) <= check.tolerance + 1e-12


def check_answer(question: Question, check: ConceptCheck, text: str) -> Answered:
    text = text.strip()
    if check.type == "number":
        value = parse_number(text)
        if value is None:
            return Answered(False, f"'{text}' is not a number (write e.g. 0.75, 3/4 or 75%)")
        if _number_close(value, float(check.answer), check):
            return Answered(True, f"correct: {check.answer:g}")
        for wrong in check.wrong_values:
            if _number_close(value, wrong.value, check):
                return Answered(False, f"expected {check.answer:g}, got {value:g}. "
                                f"{question.pitfall(wrong.pitfall).feedback}", wrong.pitfall)
        return Answered(False, f"expected {check.answer:g}, got {value:g}")
    if check.type in ("choice", "multi"):
        keys = {k.strip().lower() for k in re.split(r"[,\s]+", text) if k.strip()}
        expected = {check.answer.lower()} if isinstance(check.answer, str) else {a.lower() for a in check.answer}
        if keys == expected:
            return Answered(True, f"correct: {', '.join(sorted(expected))}")
        wrong = next((check.wrong_options[k] for k in check.wrong_options if k.lower() in keys), None)
        feedback = f" {question.pitfall(wrong).feedback}" if wrong else ""
        return Answered(False, f"expected {', '.join(sorted(expected))}, got {', '.join(sorted(keys)) or 'nothing'}.{feedback}", wrong)
    lowered = text.lower()
    covered = [kp for kp in check.keypoints if any(term.lower() in lowered for term in kp.any_of)]
    missed = [kp.point for kp in check.keypoints if kp not in covered]
    ratio = len(covered) / len(check.keypoints)
    lines = [f"covered {len(covered)} / {len(check.keypoints)} key points"]
    lines += [f"  + {kp.point}" for kp in covered] + [f"  - missed: {point}" for point in missed]
    return Answered(ratio >= check.pass_ratio, "\n".join(lines))


def reference_text(check: ConceptCheck) -> str:
    """The answer that should pass a check, used by `bank verify` to prove the key is consistent."""
    if check.type == "number":
        return repr(float(check.answer))
    if check.type == "choice":
        return check.answer
    if check.type == "multi":
        return ",".join(check.answer)
    return " ".join(kp.any_of[0] for kp in check.keypoints)

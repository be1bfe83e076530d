"""Turning results into text a candidate can act on, or JSON a machine can read."""

from __future__ import annotations

import json

from graders.engine.grading import Result

JSON_SCHEMA_VERSION = 1
MARKS = {"passed": "PASS", "failed": "FAIL", "error": "ERROR", "timeout": "TIMEOUT"}


def _indent(text: str, prefix: str = "      ") -> str:
    return "\n".join(prefix + line for line in text.splitlines())


def result_text(result: Result, verbose: bool = False) -> str:
    status = MARKS[result.status] if result.attempted else "NOT ATTEMPTED"
    where = f" [{result.submission}]" if result.submission else ""
    head = (f"{result.question_id}{where}: {status} {result.score:g}/{result.max_score:g} "
            f"({result.seconds:.1f} s, {result.device}, isolation: {result.isolation or 'none needed'})")
    lines = [head]
    if result.message:
        lines.append(_indent(result.message, "  "))
    for check in result.checks:
        if check.passed and not verbose:
            continue
        mark = "ok " if check.passed else "x  "
        first, *rest = (check.message or check.name).splitlines()
        lines.append(f"  {mark}{first}")
        lines += [f"     {line}" for line in rest]
    for pitfall, feedback in result.feedback.items():
        lines.append(f"  Likely mistake [{pitfall}]: {feedback}")
    passed = sum(c.passed for c in result.checks)
    if result.checks:
        lines.append(f"  {passed}/{len(result.checks)} checks passed")
    if result.status in ("error", "timeout") and result.log.strip():
        lines.append("  output of your code (last lines):")
        lines.append(_indent("\n".join(result.log.strip().splitlines()[-15:])))
    return "\n".join(lines)


def results_json(results: list[Result]) -> str:
    return json.dumps({"schema_version": JSON_SCHEMA_VERSION, "results": [r.to_dict() for r in results]},
                      indent=2, ensure_ascii=False, default=str)

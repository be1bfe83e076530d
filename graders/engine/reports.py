"""Reports in the formats people and CI systems read. Every renderer takes the versioned JSON
report (a dict), so `bank report merge` can re-render shard reports in any format.

Schema (version 1), documented in docs/grading-in-ci.md:
{"schema_version": 1, "results": [{"candidate", "question_id", "submission", "status", "score",
 "max_score", "seconds", "isolation", "device", "attempted", "message", "pitfalls", "feedback",
 "checks": [{"name", "status", "message", "pitfall", "score", "max_score"}], "log"}]}
"""

from __future__ import annotations

import csv
import io
import json
import xml.etree.ElementTree as ET

SCHEMA_VERSION = 1
FORMATS = ("text", "json", "junit", "gradescope", "csv")
FILE_NAMES = {"text": "report.txt", "json": "report.json", "junit": "junit.xml",
              "gradescope": "results.json", "csv": "summary.csv"}
MARKS = {"passed": "PASS", "failed": "FAIL", "error": "ERROR", "timeout": "TIMEOUT"}


def make_report(results: list[dict]) -> dict:
    return {"schema_version": SCHEMA_VERSION, "results": results}


def sort_key(result: dict) -> tuple:
    return (result.get("candidate") or "", result["question_id"], result.get("submission") or "")


def merge(reports: list[dict]) -> dict:
    for report in reports:
        if report.get("schema_version") != SCHEMA_VERSION:
            raise ValueError(f"report schema version {report.get('schema_version')!r}, expected {SCHEMA_VERSION}")
    return make_report(sorted((r for report in reports for r in report["results"]), key=sort_key))


def status_label(result: dict) -> str:
    return MARKS[result["status"]] if result["attempted"] else "NOT ATTEMPTED"


# ---------------------------------------------------------------- text

def _indent(text: str, prefix: str) -> str:
    return "\n".join(prefix + line for line in text.splitlines())


def result_text(result: dict, verbose: bool = False) -> str:
    where = f" [{result['submission']}]" if result.get("submission") else ""
    lines = [f"{result['question_id']}{where}: {status_label(result)} {result['score']:g}/{result['max_score']:g} "
             f"({result['seconds']:.1f} s, {result['device']}, isolation: {result['isolation'] or 'none needed'})"]
    if result["message"]:
        lines.append(_indent(result["message"], "  "))
    for check in result["checks"]:
        if check["status"] == "passed" and not verbose:
            continue
        first, *rest = (check["message"] or check["name"]).splitlines()
        lines.append(f"  {'ok ' if check['status'] == 'passed' else 'x  '}{first}")
        lines += [f"     {line}" for line in rest]
    for pitfall, feedback in result["feedback"].items():
        lines.append(f"  Likely mistake [{pitfall}]: {feedback}")
    if result["checks"]:
        passed = sum(c["status"] == "passed" for c in result["checks"])
        lines.append(f"  {passed}/{len(result['checks'])} checks passed")
    if result["status"] in ("error", "timeout") and result.get("log", "").strip():
        lines.append("  output of your code (last lines):")
        lines.append(_indent("\n".join(result["log"].strip().splitlines()[-15:]), "      "))
    return "\n".join(lines)


def summary_table(results: list[dict]) -> str:
    rows = [(r.get("candidate") or "-", r["question_id"], f"{r['score']:g}/{r['max_score']:g}",
             status_label(r), f"{r['seconds']:.1f}s") for r in results]
    header = ("CANDIDATE", "QUESTION", "SCORE", "STATUS", "TIME")
    widths = [max(len(str(x)) for x in column) for column in zip(header, *rows, strict=False)]
    lines = ["  ".join(f"{x:<{w}}" for x, w in zip(row, widths, strict=True)).rstrip() for row in [header, *rows]]
    passed = sum(r["status"] == "passed" for r in results)
    return "\n".join(lines + [f"\n{passed}/{len(results)} submissions passed"])


def to_text(report: dict, verbose: bool = False) -> str:
    results = report["results"]
    body = "\n\n".join(result_text(r, verbose) for r in results)
    return body + ("\n\n" + summary_table(results) if len(results) > 1 else "")


# ---------------------------------------------------------------- machine formats

def to_json(report: dict) -> str:
    return json.dumps(report, indent=2, ensure_ascii=False)


def _checks_of(result: dict) -> list[dict]:
    """A result's checks; one standing for the whole grading when it stopped before any
    (unreadable file, load error, timeout), so every report format shows it as a test."""
    return result["checks"] or [{"name": "grading", "status": result["status"], "message": result["message"],
                                 "score": 0.0, "max_score": result["max_score"], "pitfall": None}]


def _suite_name(result: dict) -> str:
    return f"{result['candidate']}/{result['question_id']}" if result.get("candidate") else result["question_id"]


def to_junit(report: dict) -> str:
    """One testsuite per candidate and question, one testcase per check (JUnit/Ant format, as read
    by GitHub, GitLab and Jenkins test reporters)."""
    root = ET.Element("testsuites", name="interview-bank")
    totals = {"tests": 0, "failures": 0, "errors": 0, "skipped": 0}
    for result in report["results"]:
        suite = ET.SubElement(root, "testsuite", name=_suite_name(result))
        classname = _suite_name(result).replace("/", ".")
        checks = _checks_of(result)
        counts = {"tests": len(checks), "failures": 0, "errors": 0, "skipped": 0}
        for check in checks:
            case = ET.SubElement(suite, "testcase", name=check["name"], classname=classname, time="0")
            message = check["message"] or check["name"]
            if check.get("pitfall"):
                message += f"\nLikely mistake [{check['pitfall']}]: {result['feedback'].get(check['pitfall'], '')}"
            if not result["attempted"]:
                ET.SubElement(case, "skipped", message="not attempted")
                counts["skipped"] += 1
            elif check["status"] == "failed":
                ET.SubElement(case, "failure", message=message.splitlines()[0], type="failed").text = message
                counts["failures"] += 1
            elif check["status"] in ("error", "timeout"):
                ET.SubElement(case, "error", message=message.splitlines()[0], type=check["status"]).text = message
                counts["errors"] += 1
        suite.attrib.update({k: str(v) for k, v in counts.items()})
        suite.set("time", f"{result['seconds']:.3f}")
        if result.get("log"):
            ET.SubElement(suite, "system-out").text = result["log"]
        for k in totals:
            totals[k] += counts[k]
    root.attrib.update({k: str(v) for k, v in totals.items()})
    ET.indent(root)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="unicode") + "\n"


def to_gradescope(results: list[dict]) -> dict:
    """Gradescope's results.json for one submission (one candidate): every check is a test."""
    tests = []
    for result in results:
        for check in _checks_of(result):
            output = check["message"] or ""
            if check.get("pitfall"):
                output += f"\nLikely mistake: {result['feedback'].get(check['pitfall'], '')}"
            tests.append({"name": f"{result['question_id']}: {check['name']}", "score": round(check["score"], 6),
                          "max_score": round(check["max_score"], 6),
                          "status": "passed" if check["status"] == "passed" else "failed",
                          "output": output.strip(), "visibility": "visible"})
    return {"score": round(sum(r["score"] for r in results), 6), "max_score": round(sum(r["max_score"] for r in results), 6),
            "execution_time": round(sum(r["seconds"] for r in results), 3),
            "output": "\n".join(f"{r['question_id']}: {status_label(r)} {r['score']:g}/{r['max_score']:g}" for r in results),
            "tests": tests}


def to_csv(report: dict) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(["candidate", "question", "score", "max_score", "status", "seconds", "pitfalls", "submission"])
    for r in report["results"]:
        status = r["status"] if r["attempted"] else "not-attempted"
        writer.writerow([r.get("candidate") or "", r["question_id"], f"{r['score']:g}", f"{r['max_score']:g}", status,
                         f"{r['seconds']:.3f}", " ".join(r["pitfalls"]), r.get("submission") or ""])
    return buffer.getvalue()


def by_candidate(results: list[dict]) -> dict[str, list[dict]]:
    grouped: dict[str, list[dict]] = {}
    for r in results:
        grouped.setdefault(r.get("candidate") or "submission", []).append(r)
    return grouped

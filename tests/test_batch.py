"""A hiring team's batch: 20 candidates x 3 questions, some right, some wrong, some cheating,
graded with --jobs 2 into JSON, JUnit, Gradescope and CSV reports that validate; then the same
batch in three CI shards, merged, gives the same verdicts."""

import csv
import json
from pathlib import Path

import jsonschema
import pytest
from junitparser import JUnitXml
from lxml import etree

from graders.engine.paths import REPO_ROOT

SCHEMAS = Path(__file__).parent / "schemas"
QUESTIONS = {  # id -> (module name, a cheat that must not pass)
    "metrics/classification-metrics": ("classification_metrics", (Path(__file__).parent / "adversarial" / "monkeypatch_checks.py").read_text()),
    "metrics/roc-auc": ("roc_auc", "import os\n\ndef roc_auc(y_true, y_score):\n    print('PASS 8/8')\n    os._exit(0)\n"),
    "graph/pagerank": ("pagerank", "class Same:\n    def __eq__(self, other):\n        return True\n\n\n"
                                   "def pagerank(adj, damping=0.85, tol=1e-10, max_iter=1000):\n    return Same()\n"),
}
KINDS = ("right", "wrong", "cheat")


def source(question_id: str, kind: str) -> str:
    module, cheat = QUESTIONS[question_id]
    topic = question_id.split("/")[0]
    if kind == "right":
        body = (REPO_ROOT / "solutions" / topic / f"{module}.py").read_text()
    elif kind == "wrong":
        body = sorted((REPO_ROOT / "tests" / "wrong_solutions" / topic / module).glob("*.py"))[0].read_text()
    else:
        body = cheat
    return f"# bank: {question_id}\n{body}"


@pytest.fixture(scope="module")
def batch(tmp_path_factory):
    root = tmp_path_factory.mktemp("batch")
    expected = {}
    for i in range(1, 21):
        candidate = f"cand{i:02d}"
        (root / "submissions" / candidate).mkdir(parents=True)
        for j, question_id in enumerate(QUESTIONS):
            kind = KINDS[(i + j) % 3]
            (root / "submissions" / candidate / f"{QUESTIONS[question_id][0]}.py").write_text(source(question_id, kind))
            expected[(candidate, question_id)] = kind
    return root, expected


@pytest.fixture(scope="module")
def graded(batch):
    from bank_cli.main import main

    root, expected = batch
    code = main(["grade", str(root / "submissions"), "--jobs", "2", "--format", "json,junit,gradescope,csv",
                 "--output", str(root / "reports")])
    return root, expected, code


def test_verdicts(graded):
    root, expected, code = graded
    report = json.loads((root / "reports" / "report.json").read_text())
    assert code == 1 and report["schema_version"] == 1 and len(report["results"]) == 60
    for r in report["results"]:
        kind = expected[(r["candidate"], r["question_id"])]
        assert (r["status"] == "passed") == (kind == "right"), (r["candidate"], r["question_id"], kind, r["status"])


def test_junit_validates_and_parses(graded):
    root, expected, _ = graded
    path = root / "reports" / "junit.xml"
    schema = etree.XMLSchema(etree.parse(str(SCHEMAS / "junit.xsd")))
    document = etree.parse(str(path))
    assert schema.validate(document), schema.error_log
    suites = list(JUnitXml.fromfile(str(path)))
    assert len(suites) == 60
    by_name = {s.name: s for s in suites}
    right = by_name["cand03/metrics/classification-metrics"]
    assert expected[("cand03", "metrics/classification-metrics")] == "right"
    assert right.failures == right.errors == 0 and right.tests == 20
    failing = [s for name, s in by_name.items() if expected[tuple(name.split("/", 1))] != "right"]
    assert all(s.failures + s.errors > 0 for s in failing)


def test_gradescope_results_validate(graded):
    root, expected, _ = graded
    schema = json.loads((SCHEMAS / "gradescope.schema.json").read_text())
    files = sorted((root / "reports" / "results").glob("*.json"))
    assert [f.stem for f in files] == [f"cand{i:02d}" for i in range(1, 21)]
    for f in files:
        data = json.loads(f.read_text())
        jsonschema.validate(data, schema)
        assert data["score"] == pytest.approx(sum(t["score"] for t in data["tests"]))
        assert data["max_score"] == pytest.approx(sum(t["max_score"] for t in data["tests"]))


def test_csv_summary(graded):
    root, expected, _ = graded
    rows = list(csv.DictReader((root / "reports" / "summary.csv").open()))
    assert list(rows[0]) == ["candidate", "question", "score", "max_score", "status", "seconds", "pitfalls", "submission"]
    assert len(rows) == 60
    assert {(r["candidate"], r["question"]) for r in rows if r["status"] == "passed"} == \
        {key for key, kind in expected.items() if kind == "right"}


def test_shards_merge_to_the_same_verdicts(graded, bank):
    root, _, _ = graded
    shards = []
    for i in (1, 2, 3):
        out = root / f"shard-{i}.json"
        bank("grade", str(root / "submissions"), "--shard", f"{i}/3", "--format", "json", "--output", str(out))
        shards.append(out)
    sizes = [len(json.loads(s.read_text())["results"]) for s in shards]
    assert sizes == [20, 20, 20]
    code, _, _ = bank("report", "merge", *map(str, shards), "--output", str(root / "merged.json"))
    merged = json.loads((root / "merged.json").read_text())["results"]
    full = json.loads((root / "reports" / "report.json").read_text())["results"]
    verdict = lambda results: sorted((r["candidate"], r["question_id"], r["status"], r["score"]) for r in results)  # noqa: E731
    assert code == 1 and verdict(merged) == verdict(full)


def test_merge_rejects_other_schema_versions(bank, tmp_path):
    path = tmp_path / "old.json"
    path.write_text(json.dumps({"schema_version": 99, "results": []}))
    code, _, err = bank("report", "merge", str(path))
    assert code == 2 and err == "Error: cannot merge: report schema version 99, expected 1\n"

"""Every question proves its grader: the reference passes, the starter is not attempted, each
wrong solution fails naming its pitfall, and two gradings agree. This is `bank verify`."""

import pytest

from graders.engine.questions import load_all, wrong_solutions
from graders.engine.verify import verify

QUESTIONS = sorted(load_all())


@pytest.mark.parametrize("question_id", QUESTIONS)
def test_question_proves_its_grader(question_id):
    report = verify(load_all()[question_id])
    failed = [f.what for f in report.findings if not f.ok]
    assert not failed, "\n".join(failed)


@pytest.mark.parametrize("question_id", [q for q in QUESTIONS if load_all()[q].kind == "coding"])
def test_every_pitfall_has_a_wrong_solution(question_id):
    question = load_all()[question_id]
    covered = {w.pitfall for w in wrong_solutions(question)}
    assert covered == {p.id for p in question.pitfalls}


def test_the_eight_foundation_questions_exist():
    assert {
        "metrics/classification-metrics", "metrics/roc-auc", "graph/pagerank", "ml/kmeans",
        "attention/scaled-dot-product", "sequence/lstm-forecast-keras",
        "transformers/bert-classifier", "llm/evaluation-metrics",
    } <= set(QUESTIONS)


def test_the_concept_questions_from_the_source_material_exist():
    concept = {
        "llm/core-principles", "llm/nlp-applications", "llm/training-challenges", "llm/training-optimizations",
        "llm/nlp-outlook", "nlp/nlp-in-large-models", "marketing/content-marketing-evaluation",
        "recsys/llm-ecommerce-search", "recsys/llm-recommendation-framework", "recsys/cf-vs-content",
        "generative/gan-vs-vae", "generative/text-gan",
    }
    assert concept <= set(QUESTIONS)
    assert all(load_all()[q].kind == "concept" and load_all()[q].checks for q in concept)

"""Judge for metrics/roc-auc: the value against scikit-learn; ties, PR-area and one class named."""

import numpy as np

from graders.engine import checks
from graders.engine.cases import Case


def cases() -> list[Case]:
    rng = np.random.default_rng(11)
    y = (rng.random(80) < 0.4).astype(np.int64)
    noisy = y + rng.normal(0, 0.9, 80)
    skewed = (rng.random(120) < 0.1).astype(np.int64)
    made = [
        ("random scores", y, noisy, False),
        ("heavily tied scores", y, np.round(1 / (1 + np.exp(-noisy)), 1), False),
        ("rare positives, tied", skewed, np.round(skewed * 0.3 + rng.random(120), 1), False),
        ("python lists", y[:30], np.round(noisy[:30], 2), True),
        ("perfect ranking", np.array([0, 0, 1, 1, 0, 1]), np.array([0.1, 0.2, 0.8, 0.9, 0.3, 0.7]), False),
        ("inverted ranking", np.array([1, 1, 0, 0]), np.array([0.1, 0.2, 0.8, 0.9]), False),
        ("all scores equal", np.array([0, 1, 0, 1, 1]), np.full(5, 0.5), False),
        ("only one class", np.ones(6, dtype=np.int64), np.linspace(0, 1, 6), False),
    ]
    # AUC is undefined with one class. scikit-learn >= 1.7 returns nan with a warning; this
    # question's contract is to raise ValueError, so that case is judged by the spec alone.
    return [Case(name, {"y_true": t, "y_score": s, "as_lists": lists}, {"must_raise": len(set(t.tolist())) < 2})
            for name, t, s, lists in made]


def _pairwise_auc(y_true, y_score, tie_value):
    """AUC over all (positive, negative) pairs, a tie counting tie_value."""
    pos, neg = y_score[y_true == 1], y_score[y_true == 0]
    diff = pos[:, None] - neg[None, :]
    return float(((diff > 0) + tie_value * (diff == 0)).mean())


def _average_precision(y_true, y_score):
    order = np.argsort(-y_score, kind="mergesort")
    y, s = y_true[order], y_score[order]
    last_of_threshold = np.r_[s[1:] != s[:-1], True]
    tp = np.cumsum(y)[last_of_threshold]
    predicted = (np.arange(1, len(y) + 1))[last_of_threshold]
    precision, recall = tp / predicted, tp / y.sum()
    return float(np.sum(np.diff(np.r_[0.0, recall]) * precision))


def _pitfall(value, y_true, y_score):
    if any(np.isclose(value, _pairwise_auc(y_true, y_score, t)) for t in (0.0, 1.0)):
        return "ties-ignored"
    if np.isclose(value, _average_precision(y_true, y_score)):
        return "precision-recall-axes"
    return None


def judge(case, got, expected, record):
    truth = expected["oracle"]
    y_true, y_score = case.inputs["y_true"], case.inputs["y_score"]
    if case.private["must_raise"]:
        raised = got.get("raised")
        return [checks.that(f"{case.name}: raises ValueError", raised == "ValueError",
                            f"{case.name}: expected ValueError (AUC is undefined with one class), "
                            + (f"got {raised}" if raised else f"got the value {got.get('returned')!r}"),
                            pitfall=None if raised else "single-class-not-rejected")]
    if "raised" in got:
        return [checks.fail(f"{case.name}: auc", f"{case.name}: expected {truth['returned']:.6g}, but your code raised {got['raised']}: {got['message']}")]
    value = got["returned"]
    check = checks.number(f"{case.name}: auc", value, truth["returned"], rtol=1e-9, atol=1e-12)
    if not check.passed and checks.is_number(checks.values(value)):
        check.pitfall = _pitfall(float(value), y_true, y_score)
    return [check]

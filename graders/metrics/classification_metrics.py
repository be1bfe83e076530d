"""Judge for metrics/classification-metrics: each metric against scikit-learn, mistakes named."""

import numpy as np

from graders.engine import checks
from graders.engine.cases import Case

KEYS = ("accuracy", "precision", "recall", "f1")


def _labels(rng, n, positive_rate, accuracy):
    y_true = (rng.random(n) < positive_rate).astype(np.int64)
    flip = rng.random(n) > accuracy
    return y_true, np.where(flip, 1 - y_true, y_true)


def cases() -> list[Case]:
    rng = np.random.default_rng(7)
    made = [
        ("balanced", *_labels(rng, 40, 0.5, 0.7), False),
        ("skewed classes", *_labels(rng, 60, 0.15, 0.8), False),
        ("python lists", *_labels(rng, 25, 0.4, 0.6), True),
        # Precision is 0/0 here: the classifier never predicts the positive class.
        ("never predicts positive", np.array([0, 1, 1, 0, 1, 0]), np.zeros(6, dtype=np.int64), False),
        ("perfect", np.array([1, 0, 1, 1, 0]), np.array([1, 0, 1, 1, 0]), False),
    ]
    return [Case(name, {"y_true": t, "y_pred": p, "as_lists": lists}) for name, t, p, lists in made]


def _pitfall(key, value, expected):
    """Name the known mistake that explains a wrong value, if one does."""
    p, r = expected["precision"], expected["recall"]
    if not checks.is_number(value):
        return None
    if not np.isfinite(value):
        return "zero-division" if (p == 0 or r == 0) else None
    if key == "f1" and abs(p - r) > 1e-9 and np.isclose(value, (p + r) / 2):
        return "arithmetic-mean-f1"
    if key in ("precision", "recall") and abs(p - r) > 1e-9:
        other = r if key == "precision" else p
        if np.isclose(value, other):
            return "precision-recall-swapped"
    return None


def judge(case, got, expected, record):
    truth = expected["oracle"]
    if not isinstance(got, dict):
        return [checks.fail("returns a dict", f"expected a dict with keys {list(KEYS)}, got {checks.describe(got)}")]
    missing = [k for k in KEYS if k not in got]
    if missing:
        return [checks.fail("returns a dict", f"the dict lacks keys {missing}; it has {sorted(map(str, got))}")]
    found = []
    for key in KEYS:
        value = got[key]
        check = checks.number(f"{case.name}: {key}", value, truth[key], rtol=1e-9, atol=1e-12)
        if not check.passed:
            check.pitfall = _pitfall(key, value, truth)
        found.append(check)
    return found


def error_pitfall(case, error):
    return "zero-division" if error.type in ("ZeroDivisionError", "FloatingPointError") else None

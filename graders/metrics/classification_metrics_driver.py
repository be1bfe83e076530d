"""Runs in the sandbox: call the candidate's function on each label vector."""

KEYS = ("accuracy", "precision", "recall", "f1")


def run(solution, inputs, ctx):
    as_lists = inputs["as_lists"]
    y_true, y_pred = inputs["y_true"], inputs["y_pred"]
    if as_lists:
        y_true, y_pred = y_true.tolist(), y_pred.tolist()
    return solution.classification_metrics(y_true, y_pred)


def oracle(inputs, ctx):
    """Trusted values from scikit-learn (only run beside the reference, never beside a candidate)."""
    from sklearn import metrics

    y_true, y_pred = inputs["y_true"], inputs["y_pred"]
    return {
        "accuracy": metrics.accuracy_score(y_true, y_pred),
        "precision": metrics.precision_score(y_true, y_pred, zero_division=0),
        "recall": metrics.recall_score(y_true, y_pred, zero_division=0),
        "f1": metrics.f1_score(y_true, y_pred, zero_division=0),
    }

"""Runs in the sandbox: call roc_auc on each case; the one-class case must raise."""

import bank_runtime


def run(solution, inputs, ctx):
    y_true, y_score = inputs["y_true"], inputs["y_score"]
    if inputs["as_lists"]:
        y_true, y_score = y_true.tolist(), y_score.tolist()
    return bank_runtime.raised(solution.roc_auc, y_true, y_score)


def oracle(inputs, ctx):
    """scikit-learn's value, run only beside the reference solution."""
    from sklearn.metrics import roc_auc_score

    return bank_runtime.raised(roc_auc_score, inputs["y_true"], inputs["y_score"])

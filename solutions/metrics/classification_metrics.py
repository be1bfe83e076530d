"""Binary classification metrics from the confusion matrix."""

import numpy as np


def _ratio(numerator: float, denominator: float) -> float:
    # scikit-learn's zero_division=0 convention: an undefined ratio scores 0, not nan.
    return float(numerator / denominator) if denominator else 0.0


def classification_metrics(y_true, y_pred) -> dict:
    y_true, y_pred = np.asarray(y_true), np.asarray(y_pred)
    tp = np.sum((y_pred == 1) & (y_true == 1))
    fp = np.sum((y_pred == 1) & (y_true == 0))
    fn = np.sum((y_pred == 0) & (y_true == 1))
    precision = _ratio(tp, tp + fp)
    recall = _ratio(tp, tp + fn)
    return {
        "accuracy": _ratio(np.sum(y_true == y_pred), len(y_true)),
        "precision": precision,
        "recall": recall,
        # 2TP / (2TP + FP + FN) is the harmonic mean of P and R, and is defined when both are 0.
        "f1": _ratio(2 * tp, 2 * tp + fp + fn),
    }

# expect-pitfall: precision-recall-axes
import numpy as np


def roc_auc(y_true, y_score):
    # Sweeps thresholds but accumulates precision over recall steps: the PR area, not ROC.
    y_true, y_score = np.asarray(y_true), np.asarray(y_score, dtype=float)
    if y_true.min() == y_true.max():
        raise ValueError("one class")
    order = np.argsort(-y_score, kind="mergesort")
    y, s = y_true[order], y_score[order]
    keep = np.r_[s[1:] != s[:-1], True]
    tp = np.cumsum(y)[keep]
    precision = tp / np.arange(1, len(y) + 1)[keep]
    recall = tp / y.sum()
    return float(np.sum(np.diff(np.r_[0.0, recall]) * precision))

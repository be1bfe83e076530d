# expect-pitfall: ties-ignored
import numpy as np


def roc_auc(y_true, y_score):
    y_true, y_score = np.asarray(y_true), np.asarray(y_score, dtype=float)
    pos, neg = y_score[y_true == 1], y_score[y_true == 0]
    if len(pos) == 0 or len(neg) == 0:
        raise ValueError("one class")
    return float(np.mean(pos[:, None] > neg[None, :]))  # a tie counts as a loss

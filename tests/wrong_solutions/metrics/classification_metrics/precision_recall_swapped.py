# expect-pitfall: precision-recall-swapped
import numpy as np


def classification_metrics(y_true, y_pred):
    y_true, y_pred = np.asarray(y_true), np.asarray(y_pred)
    tp = np.sum((y_pred == 1) & (y_true == 1))
    pp, ap = np.sum(y_pred == 1), np.sum(y_true == 1)
    recall = tp / pp if pp else 0.0  # divides by the predicted positives: that is precision
    precision = tp / ap if ap else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"accuracy": float(np.mean(y_true == y_pred)), "precision": float(precision),
            "recall": float(recall), "f1": float(f1)}

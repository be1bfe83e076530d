# expect-pitfall: arithmetic-mean-f1
import numpy as np


def classification_metrics(y_true, y_pred):
    y_true, y_pred = np.asarray(y_true), np.asarray(y_pred)
    tp = np.sum((y_pred == 1) & (y_true == 1))
    pp, ap = np.sum(y_pred == 1), np.sum(y_true == 1)
    precision = tp / pp if pp else 0.0
    recall = tp / ap if ap else 0.0
    return {"accuracy": float(np.mean(y_true == y_pred)), "precision": float(precision),
            "recall": float(recall), "f1": float((precision + recall) / 2)}

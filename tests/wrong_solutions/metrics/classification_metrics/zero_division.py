# expect-pitfall: zero-division
def classification_metrics(y_true, y_pred):
    pairs = list(zip(list(y_true), list(y_pred)))
    tp = sum(1 for t, p in pairs if t == 1 and p == 1)
    fp = sum(1 for t, p in pairs if t == 0 and p == 1)
    fn = sum(1 for t, p in pairs if t == 1 and p == 0)
    precision = tp / (tp + fp)  # ZeroDivisionError when nothing is predicted positive
    recall = tp / (tp + fn)
    return {"accuracy": sum(t == p for t, p in pairs) / len(pairs), "precision": precision,
            "recall": recall, "f1": 2 * precision * recall / (precision + recall)}

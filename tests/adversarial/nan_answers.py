# bank: metrics/classification-metrics
# expect: failed | got nan
def classification_metrics(y_true, y_pred):
    return {k: float("nan") for k in ("accuracy", "precision", "recall", "f1")}

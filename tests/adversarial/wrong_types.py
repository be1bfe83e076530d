# bank: metrics/classification-metrics
# expect: failed | expected a number, got str
def classification_metrics(y_true, y_pred):
    return {k: "0.75" for k in ("accuracy", "precision", "recall", "f1")}

# bank: metrics/classification-metrics
# expect: error | ended early
import os


def classification_metrics(y_true, y_pred):
    os._exit(0)

# bank: metrics/classification-metrics
# expect: timeout | timed out
import time


def classification_metrics(y_true, y_pred):
    while True:
        time.sleep(60)

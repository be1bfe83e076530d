# bank: metrics/classification-metrics
# expect: error | more than 64 processes
import os
import time


def classification_metrics(y_true, y_pred):
    for _ in range(400):  # bounded, so a broken sandbox cannot take the test machine down
        if os.fork() == 0:
            time.sleep(600)
            os._exit(0)
    time.sleep(600)

# bank: metrics/classification-metrics
# expect: failed | PermissionError|ProcessLookupError|no process to kill
import os
import signal


def classification_metrics(y_true, y_pred):
    parent = os.getppid()
    if parent <= 1:
        raise RuntimeError("no process to kill")
    os.kill(parent, signal.SIGKILL)
    return {"accuracy": 1.0, "precision": 1.0, "recall": 1.0, "f1": 1.0}

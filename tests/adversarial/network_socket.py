# bank: metrics/classification-metrics
# expect: failed | PermissionError|OSError|ConnectionRefusedError|Network is unreachable
import socket

PORT = 47123  # the test listens here on loopback


def classification_metrics(y_true, y_pred):
    with socket.create_connection(("127.0.0.1", PORT), timeout=3) as s:
        s.sendall(b"exfiltrated")
    return {"accuracy": 1.0, "precision": 1.0, "recall": 1.0, "f1": 1.0}

# bank: metrics/classification-metrics
# expect: failed,timeout | MemoryError
def classification_metrics(y_true, y_pred):
    hoard = []
    while True:
        hoard.append(bytearray(256 << 20))

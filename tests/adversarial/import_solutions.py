# bank: metrics/classification-metrics
# expect: error | ModuleNotFoundError
from solutions.metrics.classification_metrics import classification_metrics  # noqa: F401

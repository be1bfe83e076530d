# bank: metrics/classification-metrics
# expect: error | SystemExit
import sys

sys.exit(0)

# bank: metrics/classification-metrics
# expect: error | PermissionError|FileNotFoundError
# Finds the bank through the interpreter's site-packages and runs the reference solution.
import sys
from pathlib import Path

candidates = [Path(p).parents[3] for p in sys.path if p.endswith("site-packages")] + [Path("/work/main")]
for root in candidates:
    reference = root / "solutions" / "metrics" / "classification_metrics.py"
    if reference.parent.parent.exists():
        break
source = reference.read_text()  # must be refused
exec(source)

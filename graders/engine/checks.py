"""Small, composable checks. Each returns a Check whose message reads like pytest's: a summary
line first, then the detail (shapes, mismatch counts, max differences, the first mismatches)."""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Any

import numpy as np

from .child.wire import RemoteError, Tensor, Unsupported

PASSED, FAILED, ERROR, TIMEOUT = "passed", "failed", "error", "timeout"


@dataclass
class Check:
    name: str
    status: str
    message: str = ""
    pitfall: str | None = None
    weight: float = 1.0
    score: float = 0.0
    max_score: float = 0.0

    @property
    def passed(self) -> bool:
        return self.status == PASSED


def ok(name: str, message: str = "", weight: float = 1.0) -> Check:
    return Check(name, PASSED, message, weight=weight)


def fail(name: str, message: str, pitfall: str | None = None, weight: float = 1.0) -> Check:
    return Check(name, FAILED, message, pitfall=pitfall, weight=weight)


def that(name: str, condition: bool, message: str, pitfall: str | None = None, weight: float = 1.0) -> Check:
    """A property check: passes when condition holds, else fails with message."""
    return ok(name, weight=weight) if condition else fail(name, message, pitfall, weight)


def values(x: Any) -> Any:
    """The values of a tensor from the wire, or x itself."""
    return x.values if isinstance(x, Tensor) else x


def describe(x: Any) -> str:
    """How a value looks to a candidate: its type, and shape for arrays."""
    if isinstance(x, Tensor):
        return f"{x.framework} tensor {x.dtype} of shape {tuple(x.values.shape)} on {x.device}"
    if isinstance(x, np.ndarray):
        return f"numpy array {x.dtype} of shape {x.shape}"
    if isinstance(x, Unsupported):
        return f"an object of type {x.type}"
    if isinstance(x, RemoteError):
        return f"an exception ({x})"
    return f"{type(x).__name__} {x!r}"[:200]


def _fmt(v: Any) -> str:
    if isinstance(v, (float, np.floating)):
        return f"{float(v):.6g}"
    return repr(v.item() if isinstance(v, np.generic) else v)


def is_number(x: Any) -> bool:
    return isinstance(x, (int, float)) and not isinstance(x, bool)


def number(name: str, got: Any, expected: float, rtol: float = 1e-6, atol: float = 1e-9,
           pitfall: str | None = None, weight: float = 1.0) -> Check:
    """A scalar compared with a tolerance. A 0-d or size-1 array counts as a number."""
    got = values(got)
    if isinstance(got, np.ndarray) and got.size == 1 and got.dtype.kind in "fiu":
        got = got.item()
    if not is_number(got):
        return fail(name, f"{name}: expected a number, got {describe(got)}", weight=weight)
    if math.isnan(got):
        return fail(name, f"{name}: expected {_fmt(expected)}, got nan", pitfall, weight)
    if math.isclose(got, expected, rel_tol=rtol, abs_tol=atol):
        return ok(name, weight=weight)
    return fail(name, f"{name}: expected {_fmt(expected)}, got {_fmt(got)} (abs diff {abs(got - expected):.3g})", pitfall, weight)


def shape(name: str, got: Any, expected: tuple[int, ...], weight: float = 1.0) -> Check:
    arr = values(got)
    if not isinstance(arr, np.ndarray):
        return fail(name, f"{name}: expected an array of shape {expected}, got {describe(got)}", weight=weight)
    if tuple(arr.shape) != tuple(expected):
        return fail(name, f"{name}: expected shape {tuple(expected)}, got shape {tuple(arr.shape)}", weight=weight)
    return ok(name, weight=weight)


def dtype_kind(name: str, got: Any, kinds: str, what: str, weight: float = 1.0) -> Check:
    """kinds: numpy kind letters, e.g. "f" for floating, "iu" for integers."""
    arr = values(got)
    if not isinstance(arr, np.ndarray):
        return fail(name, f"{name}: expected an array of {what}, got {describe(got)}", weight=weight)
    return that(name, arr.dtype.kind in kinds, f"{name}: expected {what}, got dtype {arr.dtype}", weight=weight)


def arrays(name: str, got: Any, expected: Any, rtol: float = 1e-5, atol: float = 1e-8,
           pitfall: str | None = None, weight: float = 1.0, max_rows: int = 5) -> Check:
    """Element-wise closeness, with a message like pytest's approx: mismatches k / n, the largest
    absolute and relative differences, and an index | got | expected table."""
    got_values, expected = values(got), np.asarray(values(expected))
    if is_number(got_values) or isinstance(got_values, list):
        try:
            got_values = np.asarray(got_values, dtype=float)
        except (TypeError, ValueError):
            return fail(name, f"{name}: expected an array, got {describe(got)}", weight=weight)
    if not isinstance(got_values, np.ndarray) or got_values.dtype.kind not in "biuf":
        return fail(name, f"{name}: expected a numeric array, got {describe(got)}", weight=weight)
    if got_values.shape != expected.shape:
        return fail(name, f"{name}: shapes differ: expected {expected.shape}, got {got_values.shape}", weight=weight)
    a, b = got_values.astype(float), expected.astype(float)
    close = np.isclose(a, b, rtol=rtol, atol=atol, equal_nan=False)
    if close.all():
        return ok(name, weight=weight)
    bad = np.argwhere(~close)
    with np.errstate(divide="ignore", invalid="ignore"):
        abs_diff = np.abs(a - b)
        rel_diff = np.where(b != 0, abs_diff / np.abs(b), np.inf)
    # A nan in the answer is the worst possible difference.
    abs_diff, rel_diff = (np.where(np.isnan(d), np.inf, d) for d in (abs_diff, rel_diff))
    worst = np.unravel_index(np.argmax(abs_diff), a.shape) if a.ndim else ()
    lines = [
        f"{name}: values differ: {len(bad)} / {a.size} elements mismatched (rtol={rtol:g}, atol={atol:g})",
        f"  max abs diff {abs_diff.max():.3g} at index {tuple(int(i) for i in worst)}; "
        f"max rel diff {rel_diff[~close].max():.3g}",
        f"  {'index':<14} | {'got':>12} | {'expected':>12}",
    ]
    for idx in bad[:max_rows]:
        i = tuple(int(j) for j in idx)
        lines.append(f"  {str(i):<14} | {_fmt(a[i]):>12} | {_fmt(b[i]):>12}")
    if len(bad) > max_rows:
        lines.append(f"  ... and {len(bad) - max_rows} more")
    return fail(name, "\n".join(lines), pitfall, weight)


def matches(got: Any, expected: Any, rtol: float = 1e-5, atol: float = 1e-8) -> bool:
    """True when got equals expected within tolerance (used to recognise a pitfall's signature)."""
    try:
        a, b = np.asarray(values(got), dtype=float), np.asarray(values(expected), dtype=float)
    except (TypeError, ValueError):
        return False
    return a.shape == b.shape and bool(np.allclose(a, b, rtol=rtol, atol=atol))


def beats_baseline(name: str, metric: str, got: float, baseline: float, margin: float,
                   higher_is_better: bool = True, pitfall: str | None = None, weight: float = 1.0) -> Check:
    """A convergence check: the model's held-out metric beats a trivial baseline by a margin."""
    target = baseline * margin if not higher_is_better else baseline + margin
    good = got <= target if not higher_is_better else got >= target
    relation = f"<= {target:.4g} ({margin:g} x the baseline)" if not higher_is_better else f">= {target:.4g}"
    return that(name, bool(good) and not math.isnan(got),
                f"{name}: held-out {metric} {got:.4g} does not beat the baseline's {baseline:.4g}: needs {relation}",
                pitfall, weight)

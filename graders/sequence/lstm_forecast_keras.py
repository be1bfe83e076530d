"""Judge for sequence/lstm-forecast-keras: exact windows, then a held-out forecast that must
beat the naive last-value baseline by a clear margin within a time budget."""

import numpy as np

from graders.engine import checks
from graders.engine.cases import Case

WINDOW = 20
BASELINE_RATIO = 0.5  # the model's MSE must be at most half the naive forecast's
FIT_BUDGET_SECONDS = 60


def trusted_windows(series, window):
    index = np.arange(window)[None, :] + np.arange(len(series) - window)[:, None]
    return series[index][..., None].astype("float32"), series[window:].astype("float32")


def cases() -> list[Case]:
    rng = np.random.default_rng(1)
    t = np.arange(600)
    series = (np.sin(2 * np.pi * t / 25) + 0.5 * np.sin(2 * np.pi * t / 7.3) + rng.normal(0, 0.1, 600)).astype("float32")
    X_train, y_train = trusted_windows(series[:450], WINDOW)
    X_test, y_test = trusted_windows(series[450 - WINDOW:], WINDOW)
    small = np.arange(12, dtype="float32") * 1.5 + 0.25  # distinct values make off-by-one visible
    return [
        Case("windows", {"task": "windows", "series": small, "window": 4}, points=1),
        Case("held-out forecast", {"task": "forecast", "X_train": X_train, "y_train": y_train, "X_test": X_test},
             {"y_test": y_test}, points=3),
    ]


def _judge_windows(case, got, expected):
    series, window = case.inputs["series"], case.inputs["window"]
    n = len(series) - window
    X, y = got["X"], got["y"]
    shape = checks.shape("windows: X shape", X, (n, window, 1))
    if not shape.passed and getattr(X, "shape", None) == (n, window):
        shape.pitfall = "windows-2d"
    found = [shape, checks.shape("windows: y shape", y, (n,))]
    if shape.passed:
        found.append(checks.arrays("windows: X values", X, expected["X"]))
    if found[1].passed:
        value = checks.arrays("windows: y values", y, expected["y"])
        if not value.passed and checks.matches(y, series[window - 1:-1]):
            value.pitfall = "target-off-by-one"
        found.append(value)
    return found


def _judge_forecast(case, got):
    if got.get("model_type") != "keras.Model":
        return [checks.fail("returns a keras.Model", f"fit_forecaster must return a trained keras.Model, got {got.get('model_type')}")]
    y_test, X_test = case.private["y_test"], case.inputs["X_test"]
    predictions = got["predictions"]
    if predictions.shape != y_test.shape:
        return [checks.fail("one prediction per window", f"model.predict gave {predictions.size} values for {len(y_test)} windows")]
    mse = float(np.mean((predictions - y_test) ** 2))
    naive = float(np.mean((X_test[:, -1, 0] - y_test) ** 2))
    activations = got["lstm_activations"]
    return [
        checks.beats_baseline("held-out MSE vs last-value baseline", "MSE", mse, naive, BASELINE_RATIO,
                              higher_is_better=False, pitfall="no-better-than-naive", weight=3),
        checks.that("training time", got["fit_seconds"] <= FIT_BUDGET_SECONDS,
                    f"training took {got['fit_seconds']:.0f} s; the budget is {FIT_BUDGET_SECONDS} s on a CPU"),
        checks.that("uses an LSTM layer", bool(activations), "the model has no keras.layers.LSTM layer"),
        checks.that("LSTM keeps its tanh activation", all(a == "tanh" for a in activations),
                    f"LSTM activation(s) {activations}; expected the default 'tanh'", pitfall="relu-lstm"),
    ]


def judge(case, got, expected, record):
    if case.inputs["task"] == "windows":
        return _judge_windows(case, got, expected["output"])
    return _judge_forecast(case, got)

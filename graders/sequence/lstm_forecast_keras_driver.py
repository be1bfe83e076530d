"""Runs in the sandbox: check the windowing on a small series, then train the candidate's
forecaster on trusted windows and predict the held-out windows (their targets stay outside)."""

import time

import keras
import numpy as np


def _lstm_activations(model):
    found = []
    for layer in getattr(model, "layers", []):
        inner = getattr(layer, "forward_layer", None) or layer  # look inside Bidirectional
        if "LSTM" in type(inner).__name__:
            found.append(str(inner.get_config().get("activation")))
    return found


def run(solution, inputs, ctx):
    if inputs["task"] == "windows":
        X, y = solution.make_windows(inputs["series"].copy(), inputs["window"])
        return {"X": np.asarray(X), "y": np.asarray(y)}
    started = time.perf_counter()
    model = solution.fit_forecaster(inputs["X_train"], inputs["y_train"])
    fit_seconds = time.perf_counter() - started
    if not isinstance(model, keras.Model):
        return {"model_type": type(model).__name__}
    predictions = np.asarray(model.predict(inputs["X_test"], verbose=0), dtype="float64").reshape(-1)
    return {"model_type": "keras.Model", "predictions": predictions, "fit_seconds": fit_seconds,
            "lstm_activations": _lstm_activations(model)}

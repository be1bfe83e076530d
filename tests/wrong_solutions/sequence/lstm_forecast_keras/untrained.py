# expect-pitfall: no-better-than-naive
import keras
import numpy as np


def make_windows(series, window):
    series = np.asarray(series, dtype="float32")
    X = np.array([series[i:i + window] for i in range(len(series) - window)])[..., None]
    return X, series[window:]


def fit_forecaster(X, y):
    model = keras.Sequential([keras.Input(shape=X.shape[1:]), keras.layers.LSTM(8), keras.layers.Dense(1)])
    model.compile(optimizer="adam", loss="mse")  # compiled but never fitted
    return model

# expect-pitfall: windows-2d
import keras
import numpy as np


def make_windows(series, window):
    series = np.asarray(series, dtype="float32")
    X = np.array([series[i:i + window] for i in range(len(series) - window)])  # no features axis
    return X, series[window:]


def fit_forecaster(X, y):
    model = keras.Sequential([keras.Input(shape=X.shape[1:]), keras.layers.LSTM(32), keras.layers.Dense(1)])
    model.compile(optimizer=keras.optimizers.Adam(1e-2), loss="mse")
    model.fit(X, y, epochs=30, batch_size=32, verbose=0)
    return model

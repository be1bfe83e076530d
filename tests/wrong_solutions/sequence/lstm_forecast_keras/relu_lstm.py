# expect-pitfall: relu-lstm
import keras
import numpy as np


def make_windows(series, window):
    series = np.asarray(series, dtype="float32")
    X = np.array([series[i:i + window] for i in range(len(series) - window)])[..., None]
    return X, series[window:]


def fit_forecaster(X, y):
    model = keras.Sequential([
        keras.Input(shape=X.shape[1:]),
        keras.layers.LSTM(50, activation="relu"),  # unbounded recurrent state
        keras.layers.Dense(1),
    ])
    model.compile(optimizer="adam", loss="mse")
    model.fit(X, y, epochs=20, batch_size=32, verbose=0)
    return model

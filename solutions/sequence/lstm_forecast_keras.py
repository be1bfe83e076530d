"""One-step-ahead forecasting of a univariate series with a small Keras LSTM."""

import numpy as np


def make_windows(series, window):
    """Sliding windows: X[i] = series[i : i + window] and y[i] = series[i + window], the next value.

    X gets a trailing feature axis because a Keras LSTM reads (batch, timesteps, features).
    """
    series = np.asarray(series, dtype="float32")
    n = len(series) - window
    index = np.arange(window)[None, :] + np.arange(n)[:, None]  # (n, window)
    return series[index][..., None], series[window:]


def fit_forecaster(X, y, units=32, epochs=30, batch_size=32, learning_rate=1e-2):
    import keras

    model = keras.Sequential([
        keras.Input(shape=X.shape[1:]),
        keras.layers.LSTM(units),  # the default tanh activation keeps the recurrent state bounded
        keras.layers.Dense(1),
    ])
    model.compile(optimizer=keras.optimizers.Adam(learning_rate), loss="mse")
    model.fit(X, y, epochs=epochs, batch_size=batch_size, verbose=0)
    return model

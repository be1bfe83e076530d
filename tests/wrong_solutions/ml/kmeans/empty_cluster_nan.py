# expect-pitfall: empty-cluster-nan
import numpy as np


def _lloyd(X, centroids, max_iter):
    for _ in range(max_iter):
        labels = ((X[:, None] - centroids[None]) ** 2).sum(-1).argmin(1)
        # The mean of an empty cluster is nan, and nan spreads to every later step.
        centroids = np.array([X[labels == j].mean(0) for j in range(len(centroids))])
    return centroids, labels


def kmeans(X, k, n_init=10, max_iter=300, seed=0):
    X = np.asarray(X, dtype=float)
    rng = np.random.default_rng(seed)
    # Random rows as seeds may pick duplicates of one point: then a cluster ends up empty.
    centroids, labels = _lloyd(X, X[rng.choice(len(X), k, replace=False)], max_iter)
    return centroids, labels

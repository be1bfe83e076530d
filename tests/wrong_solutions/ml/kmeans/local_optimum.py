# expect-pitfall: local-optimum
import numpy as np


def kmeans(X, k, n_init=10, max_iter=300, seed=0):
    X = np.asarray(X, dtype=float)
    rng = np.random.default_rng(seed)
    # One run, seeded with k distinct data points chosen uniformly: no k-means++, no restarts.
    unique = np.unique(X, axis=0)
    centroids = unique[rng.choice(len(unique), k, replace=False)]
    for _ in range(max_iter):
        labels = ((X[:, None] - centroids[None]) ** 2).sum(-1).argmin(1)
        centroids = np.array([X[labels == j].mean(0) if (labels == j).any() else centroids[j] for j in range(k)])
    labels = ((X[:, None] - centroids[None]) ** 2).sum(-1).argmin(1)
    return centroids, labels

"""k-means: k-means++ seeding, Lloyd iterations, best of n_init restarts."""

import numpy as np


def _squared_distances(X: np.ndarray, centroids: np.ndarray) -> np.ndarray:
    # ||x - c||^2 = ||x||^2 - 2 x.c + ||c||^2, clipped because rounding can make it slightly < 0.
    d = (X**2).sum(1)[:, None] - 2 * X @ centroids.T + (centroids**2).sum(1)[None, :]
    return np.maximum(d, 0.0)  # (n, k)


def _kmeans_plus_plus(X: np.ndarray, k: int, rng: np.random.Generator) -> np.ndarray:
    """Each next centre is drawn with probability proportional to its squared distance to the
    nearest centre so far: spread-out seeds, O(log k)-competitive in expectation."""
    centroids = [X[rng.integers(len(X))]]
    for _ in range(1, k):
        d2 = _squared_distances(X, np.array(centroids)).min(1)
        centroids.append(X[rng.choice(len(X), p=d2 / d2.sum())])
    return np.array(centroids)


def _lloyd(X, centroids, max_iter, tol=1e-10):
    for _ in range(max_iter):
        labels = _squared_distances(X, centroids).argmin(1)
        moved = centroids.copy()
        for j in range(len(centroids)):
            members = X[labels == j]
            if len(members):  # an empty cluster keeps its centre instead of becoming nan
                moved[j] = members.mean(0)
        shift = ((moved - centroids) ** 2).sum()
        centroids = moved
        if shift <= tol:
            break
    distances = _squared_distances(X, centroids)
    labels = distances.argmin(1)  # final labels match the final centroids
    return centroids, labels, distances[np.arange(len(X)), labels].sum()


def kmeans(X, k, n_init=10, max_iter=300, seed=0):
    X = np.asarray(X, dtype=float)
    rng = np.random.default_rng(seed)
    best = None
    for _ in range(n_init):
        run = _lloyd(X, _kmeans_plus_plus(X, k, rng), max_iter)
        if best is None or run[2] < best[2]:
            best = run
    centroids, labels, _ = best
    return centroids, labels

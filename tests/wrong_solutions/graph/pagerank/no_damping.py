# expect-pitfall: no-damping
import numpy as np


def pagerank(adj, damping=0.85, tol=1e-10, max_iter=1000):
    adj = np.asarray(adj, dtype=float)
    n = len(adj)
    out = adj.sum(axis=1)
    p = np.divide(adj, out[:, None], out=np.full_like(adj, 1.0 / n), where=out[:, None] != 0)
    r = np.full(n, 1.0 / n)
    for _ in range(max_iter):
        new = p.T @ r  # the damping argument is never used
        if np.abs(new - r).sum() < tol:
            return new
        r = new
    return r

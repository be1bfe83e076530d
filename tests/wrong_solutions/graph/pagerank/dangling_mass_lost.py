# expect-pitfall: dangling-mass-lost
import numpy as np


def pagerank(adj, damping=0.85, tol=1e-10, max_iter=1000):
    adj = np.asarray(adj, dtype=float)
    n = len(adj)
    out = adj.sum(axis=1)
    p = np.divide(adj, out[:, None], out=np.zeros_like(adj), where=out[:, None] != 0)
    r = np.full(n, 1.0 / n)
    for _ in range(max_iter):
        new = damping * p.T @ r + (1 - damping) / n  # dangling rank leaks away every step
        if np.abs(new - r).sum() < tol:
            break
        r = new
    return new  # sums to less than 1: the leaked rank is simply gone

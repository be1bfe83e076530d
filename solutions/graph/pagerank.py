"""PageRank by power iteration on the damped random-surfer chain."""

import numpy as np


def pagerank(adj, damping=0.85, tol=1e-10, max_iter=1000) -> np.ndarray:
    adj = np.asarray(adj, dtype=float)
    n = adj.shape[0]
    out_weight = adj.sum(axis=1)
    dangling = out_weight == 0
    # Row-stochastic transitions; dangling rows stay zero and are handled in the update.
    transition = np.divide(adj, out_weight[:, None], out=np.zeros_like(adj), where=~dangling[:, None])
    rank = np.full(n, 1.0 / n)
    for _ in range(max_iter):
        # Dangling nodes spread their rank over everyone, as if they linked to every node.
        spread = rank[dangling].sum() / n
        new_rank = damping * (transition.T @ rank + spread) + (1.0 - damping) / n
        converged = np.abs(new_rank - rank).sum() < tol
        rank = new_rank
        if converged:
            break
    return rank / rank.sum()  # guards float drift only; the update already preserves the sum

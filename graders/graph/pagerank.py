"""Judge for graph/pagerank: against the exact stationary distribution; mistakes named by
solving the linear system each mistake would have solved."""

import numpy as np

from graders.engine import checks
from graders.engine.cases import Case


def _transition(adj, dangling_uniform=True):
    out = adj.sum(axis=1)
    p = np.divide(adj, out[:, None], out=np.zeros_like(adj), where=out[:, None] != 0)
    if dangling_uniform:
        p[out == 0] = 1.0 / len(adj)
    return p


def exact_pagerank(adj, damping):
    """Solve (I - d P^T) r = (1 - d)/n exactly: the ground truth, free of iteration error."""
    n = len(adj)
    p = _transition(adj)
    return np.linalg.solve(np.eye(n) - damping * p.T, np.full(n, (1 - damping) / n))


def _lost_dangling(adj, damping):
    """What the iteration converges to when dangling rank leaks away (it sums to less than 1).
    Renormalising it would give the right answer: with uniform teleport both are proportional
    to (I - d M^T)^-1 1."""
    n = len(adj)
    return np.linalg.solve(np.eye(n) - damping * _transition(adj, dangling_uniform=False).T, np.full(n, (1 - damping) / n))


def _is_undamped_fixed_point(r, adj):
    p = _transition(adj)
    return abs(r.sum() - 1) < 1e-6 and np.abs(p.T @ r - r).sum() < 1e-6


def cases() -> list[Case]:
    rng = np.random.default_rng(3)
    chain = np.zeros((5, 5))
    for i, j in [(0, 1), (1, 2), (2, 0), (2, 3), (3, 4), (0, 4)]:
        chain[i, j] = 1  # node 4 is dangling
    weighted = np.array([[0, 3, 1, 0], [0, 0, 2, 0], [1, 0, 0, 4], [0, 0, 0, 0.0]])
    sink_pair = np.zeros((6, 6))
    for i, j in [(0, 1), (1, 0), (2, 0), (3, 2), (4, 3), (4, 5)]:
        sink_pair[i, j] = 1  # 0 <-> 1 traps an undamped surfer; 5 is dangling
    big = (rng.random((30, 30)) < 0.12) * rng.integers(1, 4, (30, 30)).astype(float)
    np.fill_diagonal(big, 0)
    big[[4, 17]] = 0  # two dangling nodes
    made = [("chain with a dangling node", chain, None), ("weighted links", weighted, None),
            ("trap without damping", sink_pair, None), ("damping 0.5", chain, 0.5),
            ("random 30-node graph", big, None)]
    return [Case(name, {"adj": adj, "damping": d}, {"expected": exact_pagerank(adj, 0.85 if d is None else d)})
            for name, adj, d in made]


def _pitfall(got, adj, damping):
    if checks.matches(got, exact_pagerank(adj.T, damping), rtol=1e-5, atol=1e-7):
        return "transposed-links"
    if checks.matches(got, _lost_dangling(adj, damping), rtol=1e-5, atol=1e-7):
        return "dangling-mass-lost"
    if _is_undamped_fixed_point(np.asarray(got, dtype=float), adj):
        return "no-damping"
    return None


def judge(case, got, expected, record):
    adj, damping = case.inputs["adj"], case.inputs["damping"] or 0.85
    n = len(adj)
    found = [checks.shape(f"{case.name}: shape", got, (n,), weight=0.5)]
    if not found[0].passed:
        return found
    got = checks.values(got)
    found.append(checks.that(f"{case.name}: sums to 1", bool(np.isfinite(got).all() and abs(got.sum() - 1) < 1e-8),
                             f"{case.name}: ranks must sum to 1, got sum {got.sum():.10g}", weight=0.5))
    value = checks.arrays(f"{case.name}: ranks", got, case.private["expected"], rtol=1e-7, atol=1e-9, weight=2)
    if not value.passed:
        value.pitfall = _pitfall(got, adj, damping)
        if value.pitfall and not found[1].passed:
            found[1].pitfall = value.pitfall
    found.append(value)
    return found

"""ROC AUC as the Mann-Whitney U statistic, with average ranks for ties."""

import numpy as np


def _average_ranks(values: np.ndarray) -> np.ndarray:
    """1-based ranks; a run of equal values shares the mean of the ranks it spans."""
    order = np.argsort(values, kind="mergesort")
    sorted_values = values[order]
    # Start index of each run of equal values, and one past the end of the last run.
    starts = np.flatnonzero(np.r_[True, sorted_values[1:] != sorted_values[:-1]])
    ends = np.r_[starts[1:], len(values)]
    run_ranks = (starts + ends + 1) / 2.0  # mean of ranks starts+1 .. ends
    ranks = np.empty(len(values))
    ranks[order] = np.repeat(run_ranks, ends - starts)
    return ranks


def roc_auc(y_true, y_score) -> float:
    y_true = np.asarray(y_true) == 1
    y_score = np.asarray(y_score, dtype=float)
    n_pos, n_neg = int(y_true.sum()), int((~y_true).sum())
    if n_pos == 0 or n_neg == 0:
        raise ValueError("ROC AUC is undefined when y_true has only one class")
    rank_sum = _average_ranks(y_score)[y_true].sum()
    # Subtracting the smallest possible rank sum leaves the number of (pos > neg) pairs, ties as 1/2.
    return float((rank_sum - n_pos * (n_pos + 1) / 2) / (n_pos * n_neg))

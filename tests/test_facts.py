"""Reference solutions checked against trusted libraries, outside the grading engine."""

import importlib.util

import networkx as nx
import numpy as np
import pytest
from sklearn import metrics

from graders.engine.paths import REPO_ROOT


def load(path):
    spec = importlib.util.spec_from_file_location(path.replace("/", "_"), REPO_ROOT / "solutions" / path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.mark.parametrize("seed", range(5))
def test_pagerank_matches_networkx_definition(seed):
    rng = np.random.default_rng(seed)
    adj = (rng.random((12, 12)) < 0.25) * rng.integers(1, 5, (12, 12)).astype(float)
    np.fill_diagonal(adj, 0)
    adj[3] = 0  # a dangling node
    ours = load("graph/pagerank.py").pagerank(adj)
    graph = nx.from_numpy_array(adj, create_using=nx.DiGraph)
    theirs = nx.pagerank(graph, alpha=0.85, tol=1e-13, max_iter=10_000, weight="weight")
    np.testing.assert_allclose(ours, [theirs[i] for i in range(12)], rtol=1e-7, atol=1e-10)


@pytest.mark.parametrize("seed", range(5))
def test_roc_auc_and_metrics_match_sklearn(seed):
    rng = np.random.default_rng(seed)
    y = rng.integers(0, 2, 50)
    score = np.round(rng.random(50) + 0.3 * y, 1)  # rounding makes ties
    assert load("metrics/roc_auc.py").roc_auc(y, score) == pytest.approx(metrics.roc_auc_score(y, score), abs=1e-12)
    pred = (score > 0.6).astype(int)
    got = load("metrics/classification_metrics.py").classification_metrics(y, pred)
    assert got["f1"] == pytest.approx(metrics.f1_score(y, pred, zero_division=0))
    assert got["precision"] == pytest.approx(metrics.precision_score(y, pred, zero_division=0))


def test_sklearn_one_class_auc_is_nan_not_an_error():
    """Why roc-auc judges its one-class case by the spec: sklearn 1.9 no longer raises."""
    with pytest.warns(metrics._ranking.UndefinedMetricWarning if hasattr(metrics, "_ranking") else Warning):
        assert np.isnan(metrics.roc_auc_score([1, 1, 1], [0.1, 0.2, 0.3]))


def test_kmeans_matches_sklearn_inertia():
    from sklearn.cluster import KMeans

    rng = np.random.default_rng(0)
    X = np.vstack([c + rng.normal(0, 0.5, (30, 2)) for c in ([0, 0], [6, 0], [0, 6])])
    centroids, labels = load("ml/kmeans.py").kmeans(X, 3)
    inertia = ((X - centroids[labels]) ** 2).sum()
    assert inertia == pytest.approx(KMeans(3, n_init=10, random_state=0).fit(X).inertia_, rel=1e-9)

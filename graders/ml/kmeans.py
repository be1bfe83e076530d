"""Judge for ml/kmeans: inertia vs scikit-learn, same partition up to renaming, labels nearest."""

import numpy as np

from graders.engine import checks
from graders.engine.cases import Case


def _blobs(rng, centers, per_cluster, std):
    X = np.vstack([c + rng.normal(0, std, (per_cluster, len(c))) for c in centers])
    return X[rng.permutation(len(X))]


def cases() -> list[Case]:
    # Clusters far apart relative to their spread, so the optimum is unique and a correct
    # solution matches scikit-learn every time (elongated clusters would make even sklearn vary).
    rng = np.random.default_rng(5)
    square = _blobs(rng, np.array([[0, 0], [10, 0], [0, 10], [10, 10]]), 40, 0.7)
    uneven = _blobs(rng, np.array([[0, 0], [3, 0], [20, 0], [23, 0], [0, 20], [3, 20]]), 30, 0.4)
    spread = _blobs(rng, np.array([[0, 0], [2.5, 0], [30, 0], [32.5, 0], [0, 30], [2.5, 30]]), 25, 0.3)
    cube = _blobs(rng, np.array([[0, 0, 0], [8, 8, 0], [0, 8, 8]]), 50, 1.0)
    duplicates = np.repeat(np.array([[0.0, 0.0], [5.0, 5.0], [9.0, 0.0]]), 20, axis=0)[rng.permutation(60)]
    made = [("4 blobs", square, 4, 0), ("6 blobs in pairs", uneven, 6, 1), ("6 tight pairs", spread, 6, 2),
            ("3 blobs in 3-D", cube, 3, 3), ("many duplicate points", duplicates, 3, 4)]
    return [Case(name, {"X": X, "k": k, "seed": seed}) for name, X, k, seed in made]


def same_partition(a: np.ndarray, b: np.ndarray) -> bool:
    """True when labelings a and b group the points identically, whatever the cluster ids."""
    pairs = set(zip(a.tolist(), b.tolist(), strict=True))
    return len(pairs) == len(set(a.tolist())) == len(set(b.tolist()))


def judge(case, got, expected, record):
    X, k = case.inputs["X"], case.inputs["k"]
    truth = expected["oracle"]
    name = case.name
    if "sklearn" in record.get("imported", []):
        return [checks.fail(f"{name}: no scikit-learn", f"{name}: scikit-learn was imported by your code", pitfall="uses-sklearn")]
    if not isinstance(got, (tuple, list)) or len(got) != 2:
        return [checks.fail(f"{name}: returns (centroids, labels)", f"{name}: expected a pair (centroids, labels), got {checks.describe(got)}")]
    centroids, labels = (checks.values(x) for x in got)
    found = [checks.shape(f"{name}: centroids shape", centroids, (k, X.shape[1]), weight=0.5),
             checks.shape(f"{name}: labels shape", labels, (len(X),), weight=0.5)]
    if not all(c.passed for c in found):
        return found
    finite = bool(np.isfinite(centroids).all())
    found.append(checks.that(f"{name}: finite centroids", finite, f"{name}: {int((~np.isfinite(centroids)).any(1).sum())} centroid(s) contain nan or inf",
                             pitfall="empty-cluster-nan"))
    integer = labels.dtype.kind in "iu" and labels.min() >= 0 and labels.max() < k
    found.append(checks.that(f"{name}: labels in 0..k-1", bool(integer), f"{name}: labels must be integers in 0..{k - 1}, got dtype {labels.dtype}, range {labels.min()}..{labels.max()}"))
    if not (finite and integer):
        return found
    distances = ((X[:, None, :] - centroids[None]) ** 2).sum(-1)
    nearest = np.isclose(distances[np.arange(len(X)), labels], distances.min(1), rtol=1e-9, atol=1e-9)
    found.append(checks.that(f"{name}: labels are nearest centroids", bool(nearest.all()),
                             f"{name}: {int((~nearest).sum())} / {len(X)} points are not labelled with their nearest centroid "
                             "(recompute labels after the last centroid update)"))
    inertia = float(distances[np.arange(len(X)), labels].sum())
    ok = inertia <= truth["inertia"] * 1.01 + 1e-9
    found.append(checks.that(f"{name}: inertia", ok, f"{name}: inertia {inertia:.4g} is {inertia / max(truth['inertia'], 1e-12):.2f}x scikit-learn's {truth['inertia']:.4g} (allowed: within 1%)",
                             pitfall=None if ok else "local-optimum", weight=2))
    found.append(checks.that(f"{name}: same clusters as scikit-learn", same_partition(labels, truth["labels"]),
                             f"{name}: the partition differs from scikit-learn's (compared up to renaming the clusters)"))
    return found

# expect-pitfall: uses-sklearn
from sklearn.cluster import KMeans


def kmeans(X, k, n_init=10, max_iter=300, seed=0):
    model = KMeans(n_clusters=k, n_init=n_init, max_iter=max_iter, random_state=seed).fit(X)
    return model.cluster_centers_, model.labels_

# The seed's k-means question with the accepted fixes (arrays as np.array, range(iterations)).
import numpy as np


def euclidean_distance(x: np.ndarray, y: np.ndarray):
    dist = []
    for i in x:
        for j in y:
            new_list = np.sqrt(sum((i - j) ** 2))
            dist.append(new_list)
    distance = np.reshape(dist, (len(x), len(y)))
    return distance


def kmeans(x, centroids, iterations=30):
    assignment = None
    for i in range(iterations):
        dist = euclidean_distance(x, centroids)
        assignment = np.argmin(dist, axis=1)
        for c in range(len(centroids)):
            centroids[c] = np.mean(x[assignment == c], 0)
    return centroids, assignment


x = np.array([[1., 0.], [0., 1.], [0.5, 0.5]])
y = np.array([[1., 0.], [0., 1.]])
print(euclidean_distance(x, y))
centroids, assignment = kmeans(x, y.copy())
print(centroids)
print(repr(assignment))

# The seed's "extra dimension depending on a where clause" question: both answers.
import numpy as np

a = np.array([[1, 0], [1, 2], [1, 3]])
c = np.argmax(a, axis=1)
b = np.empty(tuple(list(a.shape) + [2]))
b[range(len(c)), c, :] = [1, 0]
b[range(len(c)), ~c, :] = [0, 1]
print(repr(b))


def create_dist_prob_target(arr):
    p_ = np.squeeze(arr, axis=1)
    a = np.expand_dims(np.where((p_ == np.amax(p_, axis=1)[:, None]), 1, 0), axis=-1)
    b = np.expand_dims(np.where((p_ == np.amax(p_, axis=1)[:, None]), 0, 1), axis=-1)
    return np.concatenate((a, b), axis=2)


b = create_dist_prob_target(a[:, None, :])
print(b)

# The seed's "identity matrices with arbitrary shape" question: the four approaches agree.
import numpy as np


def ndeye_loop(base_shape, n_dim, m):
    out = np.zeros(base_shape + (n_dim,) * m)
    for i in range(n_dim):
        out[(Ellipsis,) + (i,) * m] = 1
    return out


def ndeye_einsum(base_shape, n_dim, m):
    out = np.zeros(list(base_shape) + [n_dim] * m)
    diag_view = np.einsum('...' + 'i' * m + '->...i', out)
    diag_view[:] = 1
    return out


def ndeye_reshape(base_shape, n_dim, m):
    N = (n_dim ** np.arange(m)).sum()
    out = np.zeros(list(base_shape) + [n_dim] * m)
    out.reshape(-1, n_dim ** m)[:, ::N] = 1
    return out


def ndeye_ellipsis_indexer(base_shape, n_dim, m):
    I = np.arange(n_dim)
    indexer = tuple([Ellipsis] + [I] * m)
    out = np.zeros(list(base_shape) + [n_dim] * m)
    out[indexer] = 1
    return out


base_shape = (10, 11, 12)
for m in (2, 3):
    frames = [f(base_shape, 4, m) for f in (ndeye_loop, ndeye_einsum, ndeye_reshape, ndeye_ellipsis_indexer)]
    print(m, frames[0].shape, all(np.array_equal(frames[0], f) for f in frames[1:]))
print(ndeye_einsum((2,), 3, 2))

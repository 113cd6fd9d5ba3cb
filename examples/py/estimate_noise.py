# The seed's "Convert array to a single float" question with the accepted fix (sum over i = 1..n).
import numpy as np


def estimDS(X, output_y, W):
    n = X.shape[0]  # observations rows
    d = X.shape[1]  # number of features in columns
    matmul = np.matmul(X, W)
    mult_left = (1 / (n - d))
    mult_right = np.sum((output_y - matmul) ** 2, axis=0)
    estimDS = mult_left * mult_right
    return estimDS


output_y = np.array([208500, 181500, 223500, 140000, 250000, 143000, 307000, 200000, 129900, 118000])
aug_x = np.array([[1., 1710., 2003.], [1., 1262., 1976.], [1., 1786., 2001.], [1., 1717., 1915.], [1., 2198., 2000.],
                  [1., 1362., 1993.], [1., 1694., 2004.], [1., 2090., 1973.], [1., 1774., 1931.], [1., 1077., 1939.]])
W = np.array([-2.29223802e+06, 5.92536529e+01, 1.20780450e+03])
sig2 = estimDS(aug_x, output_y, W)
print(sig2)

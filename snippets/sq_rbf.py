"""SQ-RBF (Wuraola and Patel 2018), a bump made of two parabolas, and its derivative:
1 − x²/2 for |x| ≤ 1, (2 − |x|)²/2 for 1 < |x| < 2, 0 beyond; no exponential."""
import numpy as np


def sq_rbf(x):
    """sq_rbf(x) = 1 − x²/2 (|x| ≤ 1), (2 − |x|)²/2 (|x| < 2), 0 (|x| ≥ 2).

    x: number or array_like, any shape.

    >>> sq_rbf([-2.0, -1.5, -1.0, 0.0, 0.5, 1.0, 3.0])
    array([0.   , 0.125, 0.5  , 1.   , 0.875, 0.5  , 0.   ])
    >>> sq_rbf([-np.inf, 1e300, np.inf, np.nan])
    array([ 0.,  0.,  0., nan])
    """
    x = _float_array(x)
    m = np.minimum(np.abs(x), 2)  # also keeps m² from overflowing; NaN stays NaN
    # 2 − m is exact for m in [1, 2] (Sterbenz): no rounding before the square.
    return np.where(m <= 1, 1 - m * m / 2, (2 - m) * (2 - m) / 2)[()]


def sq_rbf_derivative(x):
    """sq_rbf'(x) = −x for |x| ≤ 1, −sign(x)·(2 − |x|) for 1 < |x| < 2, 0 beyond.

    x: number or array_like, any shape. NaN stays NaN.

    >>> sq_rbf_derivative([-2.0, -1.5, -1.0, 0.0, 1.0, 1.5, 2.0, np.nan])
    array([ 0. ,  0.5,  1. ,  0. , -1. , -0.5,  0. ,  nan])
    >>> sq_rbf_derivative([-np.inf, np.inf])
    array([0., 0.])
    """
    x = _float_array(x)
    m = np.minimum(np.abs(x), 2)
    return (-np.sign(x) * np.where(m <= 1, m, 2 - m) + 0.0)[()]  # + 0.0: no −0


def _float_array(x):
    """x as an ndarray: integers and booleans become float64, float dtypes are kept."""
    x = np.asarray(x)
    return x if np.issubdtype(x.dtype, np.floating) else x.astype(np.float64)

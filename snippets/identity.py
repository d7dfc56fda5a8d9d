"""Identity (linear) activation f(x) = x: the "no activation" of a linear layer."""
import numpy as np


def identity(x):
    """id(x) = x.

    x: number or array_like, any shape. Returns a float copy, never x itself.

    >>> identity([-2, 0, 3])  # integers come back as float64
    array([-2.,  0.,  3.])
    >>> float(identity(-1e308))
    -1e+308
    """
    return np.positive(_float_array(x))  # +x: a copy; a NumPy scalar for a scalar


def identity_derivative(x):
    """id'(x) = 1.

    x: number or array_like, any shape. NaN stays NaN.

    >>> identity_derivative([-np.inf, 0.0, 5.0, np.nan])
    array([ 1.,  1.,  1., nan])
    >>> float(identity_derivative(3))
    1.0
    """
    # clip to [1, 1]: 1 for every number, ±inf included; NaN stays NaN. One pass over x.
    return np.clip(_float_array(x), 1, 1)


def _float_array(x):
    """x as an ndarray: integers and booleans become float64, float dtypes are kept."""
    x = np.asarray(x)
    return x if np.issubdtype(x.dtype, np.floating) else x.astype(np.float64)

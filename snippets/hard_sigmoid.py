"""Hard sigmoid: a linear ramp from 0 at x = −limit to 1 at x = limit; its derivative.

limit=3 is ReLU6(x + 3)/6 (PyTorch, JAX, Keras 3); limit=2.5 is Keras 2's 0.2·x + 0.5.
"""
import numpy as np


def hard_sigmoid(x, limit=3.0):
    """HardSigmoid(x) = min(max((x + limit) / (2·limit), 0), 1).

    x: number or array_like, any shape. NaN stays NaN (np.clip propagates it).
    limit: where the ramp reaches 0 (−limit) and 1 (limit); default 3.0, 2.5 in Keras 2.

    >>> hard_sigmoid([-4.0, -3.0, -1.5, 0.0, 1.5, 3.0, 4.0])
    array([0.  , 0.  , 0.25, 0.5 , 0.75, 1.  , 1.  ])
    >>> hard_sigmoid([-2.5, -1.0, 2.0, np.inf, np.nan], limit=2.5)  # Keras 2
    array([0. , 0.3, 0.9, 1. , nan])
    """
    x = _float_array(x)
    # x + limit is exact near −limit, so values near 0 keep their relative precision
    return np.clip((x + limit) / (2 * limit), 0, 1)[()]


def hard_sigmoid_derivative(x, limit=3.0):
    """HardSigmoid'(x) = 1/(2·limit) for −limit < x < limit, else 0; 0 at both kinks.

    x: number or array_like, any shape. NaN stays NaN.
    limit: default 3.0.

    PyTorch, Keras and JAX also return 0 at ±3.

    >>> hard_sigmoid_derivative([-4.0, -3.0, 0.0, 3.0, 4.0])
    array([0.        , 0.        , 0.16666667, 0.        , 0.        ])
    >>> hard_sigmoid_derivative([0.0, 2.5, np.nan], limit=2.5)
    array([0.2, 0. , nan])
    """
    x = _float_array(x)
    # 1.0 inside (−limit, limit), 0.0 outside and at both kinks, in x's float dtype;
    # then NaN copied where x is NaN (faster than np.where, slow on mixed masks)
    d = np.asarray((x > -limit) & (x < limit), dtype=x.dtype)  # an array for a scalar
    np.copyto(d, x, where=np.isnan(x))
    d /= 2 * limit
    return d[()]  # [()]: a NumPy scalar, not a 0-d array


def _float_array(x):
    """x as an ndarray: integers and booleans become float64, float dtypes are kept."""
    x = np.asarray(x)
    return x if np.issubdtype(x.dtype, np.floating) else x.astype(np.float64)

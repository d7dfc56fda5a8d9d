"""Rectified linear unit ReLU(x) = max(x, 0) and its derivative."""
import numpy as np


def relu(x):
    """ReLU(x) = max(x, 0).

    x: number or array_like, any shape. NaN stays NaN.

    >>> relu([-2.0, 0.0, 3.0])
    array([0., 0., 3.])
    >>> relu(np.array([-np.inf, np.inf, np.nan], dtype=np.float32))
    array([ 0., inf, nan], dtype=float32)
    """
    return np.maximum(_float_array(x), 0)


def relu_derivative(x):
    """ReLU'(x) = 1 if x > 0 else 0; at the kink x = 0 it returns 0, as frameworks do.

    x: number or array_like, any shape. NaN stays NaN.

    >>> relu_derivative([-2.0, 0.0, 3.0, np.nan])
    array([ 0.,  0.,  1., nan])
    >>> float(relu_derivative(1e-300))
    1.0
    """
    x = _float_array(x)
    # np.clip(x, 0, 0) is 0, or NaN where x is NaN; adding x > 0 (True is 1) gives 1.0
    # or +0.0 (0 at x = 0 too) in x's float dtype; np.where is slower on mixed masks
    return np.clip(x, 0, 0) + (x > 0)


def _float_array(x):
    """x as an ndarray: integers and booleans become float64, float dtypes are kept."""
    x = np.asarray(x)
    return x if np.issubdtype(x.dtype, np.floating) else x.astype(np.float64)

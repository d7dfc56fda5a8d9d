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
    # ceil(clip(x, 0, 1)) is 1 for any x > 0, 0 for x ≤ 0 (so 0 at the kink), NaN for
    # NaN, in x's float dtype; in place on one array (np.where is slower on mixed masks)
    d = np.asarray(np.clip(x, 0, 1))  # np.asarray: an array for a scalar too (out=)
    np.ceil(d, out=d)
    d += 0  # −0.0 (kept by clip and ceil for x = −0.0) + 0 is +0.0
    return d[()]  # [()]: a NumPy scalar, not a 0-d array


def _float_array(x):
    """x as an ndarray: integers and booleans become float64, float dtypes are kept."""
    x = np.asarray(x)
    return x if np.issubdtype(x.dtype, np.floating) else x.astype(np.float64)

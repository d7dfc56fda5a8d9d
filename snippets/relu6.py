"""ReLU6: ReLU capped at 6, min(max(x, 0), 6), as used in MobileNet."""
import numpy as np


def relu6(x):
    """ReLU6(x) = min(max(x, 0), 6).

    x: number or array_like, any shape. NaN stays NaN (np.clip propagates it).

    >>> relu6([-1.0, 3.0, 8.0])
    array([0., 3., 6.])
    >>> relu6([-np.inf, np.inf, np.nan])
    array([ 0.,  6., nan])
    """
    return np.clip(_float_array(x), 0, 6)


def relu6_derivative(x):
    """ReLU6'(x) = 1 if 0 < x < 6 else 0; 0 at both kinks 0 and 6, as PyTorch and JAX.

    x: number or array_like, any shape. NaN stays NaN.

    >>> relu6_derivative([-1.0, 0.0, 3.0, 6.0, 8.0])
    array([0., 0., 1., 0., 0.])
    >>> relu6_derivative([np.nan, np.inf])
    array([nan,  0.])
    """
    x = _float_array(x)
    # 1.0 inside (0, 6), 0.0 outside and at both kinks, in x's float dtype; then NaN
    # copied where x is NaN (faster than np.where, which is slow on mixed masks)
    d = np.asarray((x > 0) & (x < 6), dtype=x.dtype)  # an array for a scalar too
    np.copyto(d, x, where=np.isnan(x))
    return d[()]  # [()]: a NumPy scalar, not a 0-d array


def _float_array(x):
    """x as an ndarray: integers and booleans become float64, float dtypes are kept."""
    x = np.asarray(x)
    return x if np.issubdtype(x.dtype, np.floating) else x.astype(np.float64)

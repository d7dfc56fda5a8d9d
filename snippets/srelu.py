"""S-shaped ReLU: t_l + a_l·(x − t_l) for x ≤ t_l, x between, t_r + a_r·(x − t_r) for
x ≥ t_r; four learned parameters, each with its derivative (srelu_derivative_<name>).
"""
import numpy as np


def srelu(x, t_l=0.0, a_l=0.2, t_r=1.0, a_r=0.5):
    """SReLU(x) = x on (t_l, t_r), lines of slope a_l (left) and a_r (right) outside.

    x: number or array_like, any shape. NaN stays NaN, ±inf goes to its limit.
    t_l: 0.0, a_l: 0.2, t_r: 1.0, a_r: 0.5 (the defaults; t_l < t_r).

    >>> srelu([-2.0, 0.5, 3.0])
    array([-0.4,  0.5,  2. ])
    >>> srelu([-np.inf, np.inf, np.nan], a_l=0.0, a_r=0.0)  # limits, not 0·inf = NaN
    array([ 0.,  1., nan])
    """
    x = _float_array(x)
    with np.errstate(invalid="ignore"):  # a slope 0 times ±inf: its limit is 0
        lo = np.where(np.equal(a_l, 0), 0, a_l * (np.minimum(x, t_l) - t_l)) + t_l
        hi = np.where(np.equal(a_r, 0), 0, a_r * (np.maximum(x, t_r) - t_r)) + t_r
    return np.where(x >= t_r, hi, np.where(x <= t_l, lo, x)).astype(x.dtype)[()]


def srelu_derivative(x, t_l=0.0, a_l=0.2, t_r=1.0, a_r=0.5):
    """SReLU'(x) = a_l for x ≤ t_l, 1 for t_l < x < t_r, a_r for x ≥ t_r.

    x: number or array_like, any shape. NaN stays NaN.
    t_l: 0.0, a_l: 0.2, t_r: 1.0, a_r: 0.5 (the defaults).

    >>> srelu_derivative([-2.0, 0.0, 0.5, 1.0, 3.0, np.nan])
    array([0.2, 0.2, 1. , 0.5, 0.5, nan])
    >>> srelu_derivative(np.float32(-np.inf))
    np.float32(0.2)
    """
    x = _float_array(x)
    return _keep_nan(x, np.where(x >= t_r, a_r, np.where(x <= t_l, a_l, 1)))


def srelu_derivative_t_l(x, t_l=0.0, a_l=0.2, t_r=1.0, a_r=0.5):
    """∂SReLU/∂t_l = 1 − a_l for x ≤ t_l, else 0.

    x: number or array_like, any shape. NaN stays NaN.
    t_l: 0.0, a_l: 0.2, t_r: 1.0, a_r: 0.5 (the defaults).

    >>> srelu_derivative_t_l([-2.0, 0.0, 0.5])
    array([0.8, 0.8, 0. ])
    >>> srelu_derivative_t_l(np.nan)
    np.float64(nan)
    """
    x = _float_array(x)
    return _keep_nan(x, np.where(x <= t_l, 1 - a_l, 0))


def srelu_derivative_a_l(x, t_l=0.0, a_l=0.2, t_r=1.0, a_r=0.5):
    """∂SReLU/∂a_l = x − t_l for x ≤ t_l, else 0.

    x: number or array_like, any shape. NaN stays NaN.
    t_l: 0.0, a_l: 0.2, t_r: 1.0, a_r: 0.5 (the defaults).

    >>> srelu_derivative_a_l([-np.inf, -2.0, 0.0, 0.5])
    array([-inf,  -2.,   0.,   0.])
    >>> srelu_derivative_a_l(-2.0, t_l=-1.0)
    np.float64(-1.0)
    """
    x = _float_array(x)
    return _keep_nan(x, np.minimum(x, t_l) - t_l)


def srelu_derivative_t_r(x, t_l=0.0, a_l=0.2, t_r=1.0, a_r=0.5):
    """∂SReLU/∂t_r = 1 − a_r for x ≥ t_r, else 0.

    x: number or array_like, any shape. NaN stays NaN.
    t_l: 0.0, a_l: 0.2, t_r: 1.0, a_r: 0.5 (the defaults).

    >>> srelu_derivative_t_r([0.5, 1.0, 3.0])
    array([0. , 0.5, 0.5])
    >>> srelu_derivative_t_r(3.0, a_r=1.0)  # a_r = 1: t_r plays no role
    np.float64(0.0)
    """
    x = _float_array(x)
    return _keep_nan(x, np.where(x >= t_r, 1 - a_r, 0))


def srelu_derivative_a_r(x, t_l=0.0, a_l=0.2, t_r=1.0, a_r=0.5):
    """∂SReLU/∂a_r = x − t_r for x ≥ t_r, else 0.

    x: number or array_like, any shape. NaN stays NaN.
    t_l: 0.0, a_l: 0.2, t_r: 1.0, a_r: 0.5 (the defaults).

    >>> srelu_derivative_a_r([0.5, 1.0, 3.0, np.inf])
    array([ 0.,  0.,  2., inf])
    >>> srelu_derivative_a_r(3.0, t_r=2.0)
    np.float64(1.0)
    """
    x = _float_array(x)
    return _keep_nan(x, np.maximum(x, t_r) - t_r)


def _keep_nan(x, d):
    """d in x's dtype, NaN where x is NaN, a NumPy scalar for scalar input."""
    return np.where(np.isnan(x), x, d).astype(x.dtype)[()]


def _float_array(x):
    """x as an ndarray: integers and booleans become float64, float dtypes are kept."""
    x = np.asarray(x)
    return x if np.issubdtype(x.dtype, np.floating) else x.astype(np.float64)

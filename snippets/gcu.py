"""Growing cosine unit x·cos(x) (Noel et al. 2021) and its derivative cos x − x·sin x,
which cancels next to each of its zeros (x·tan x = 1): the snippet evaluates it in
long double, whose 11 extra bits absorb the cancellation."""
import numpy as np


def gcu(x):
    """gcu(x) = x·cos(x): zero at x = 0 and at every odd multiple of π/2; NaN at ±inf.

    x: number or array_like, any shape.

    >>> gcu([-np.pi, -1.0, 0.0, 1.0, 2.0])
    array([ 3.14159265, -0.54030231,  0.        ,  0.54030231, -0.83229367])
    >>> gcu([-np.inf, 1e300, np.inf, np.nan])  # no limit at ±inf: NaN
    array([             nan, -5.75386112e+299,              nan,              nan])
    """
    x = _float_array(x)
    t = np.where(np.isinf(x), np.nan, x.astype(np.float64))  # cos(inf) would warn
    return (t * np.cos(t)).astype(x.dtype)[()]  # [()]: a NumPy scalar, not 0-d


def gcu_derivative(x):
    """gcu'(x) = cos(x) − x·sin(x); NaN at ±inf.

    x: number or array_like, any shape. NaN stays NaN.

    >>> gcu_derivative([-1.0, 0.0, 1.0, np.nan])
    array([-0.30116868,  1.        , -0.30116868,         nan])
    >>> float(gcu_derivative(1e300))  # mpmath: 8.178819121159087e+299
    8.178819121159087e+299
    """
    x = _float_array(x)
    t = np.where(np.isinf(x), np.nan, x.astype(np.float64)).astype(np.longdouble)
    with np.errstate(over="ignore"):  # |f'| can pass 1.8e308 only when x is that large
        d = (np.cos(t) - t * np.sin(t)).astype(np.float64)
    return d.astype(x.dtype)[()]


def _float_array(x):
    """x as an ndarray: integers and booleans become float64, float dtypes are kept."""
    x = np.asarray(x)
    return x if np.issubdtype(x.dtype, np.floating) else x.astype(np.float64)

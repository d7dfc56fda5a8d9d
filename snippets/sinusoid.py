"""Sinusoid sin(x) and its derivative cos(x), NaN (without a warning) at ±inf.
np.sin and np.cos reduce any float64 argument modulo 2π exactly: they stay accurate
to the last digit even at x = 1e300."""
import numpy as np


def sinusoid(x):
    """sinusoid(x) = sin(x), in [−1, 1]; NaN at ±inf, where it has no limit.

    x: number or array_like, any shape.

    >>> sinusoid([-np.pi / 2, 0.0, 1.0, 3.0])
    array([-1.        ,  0.        ,  0.84147098,  0.14112001])
    >>> float(sinusoid(1e300))  # mpmath at 50 digits: -0.8178819121159085
    -0.8178819121159085
    >>> sinusoid([-np.inf, np.inf, np.nan])
    array([nan, nan, nan])
    """
    x = _float_array(x)
    return np.sin(_finite_or_nan(x)).astype(x.dtype)[()]  # [()]: a scalar, not 0-d


def sinusoid_derivative(x):
    """sinusoid'(x) = cos(x) = sin(x + π/2); NaN at ±inf.

    x: number or array_like, any shape. NaN stays NaN.

    >>> sinusoid_derivative([0.0, 1.0, np.pi, np.nan])
    array([ 1.        ,  0.54030231, -1.        ,         nan])
    >>> float(sinusoid_derivative(np.pi / 2))  # cos(fl(π/2)) = π/2 − fl(π/2), exactly
    6.123233995736766e-17
    """
    x = _float_array(x)
    return np.cos(_finite_or_nan(x)).astype(x.dtype)[()]


def _finite_or_nan(x):
    """x in float64 (float32 and float16 round once at the end), ±inf replaced by NaN:
    np.sin(inf) is NaN too, but warns."""
    return np.where(np.isinf(x), np.nan, x.astype(np.float64))


def _float_array(x):
    """x as an ndarray: integers and booleans become float64, float dtypes are kept."""
    x = np.asarray(x)
    return x if np.issubdtype(x.dtype, np.floating) else x.astype(np.float64)

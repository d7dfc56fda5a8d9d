"""Continuously differentiable ELU: x for x > 0 and α·(e^(x/α) − 1) for x ≤ 0.

expm1 is applied to min(x, 0)/α only, so the branch not taken cannot overflow.
"""
import numpy as np


def celu(x, alpha=1.0):
    """CELU(x) = max(x, 0) + alpha·(exp(min(x, 0)/alpha) − 1).

    x: number or array_like, any shape.
    alpha: > 0; CELU(x) → −alpha as x → −∞; default 1.0.

    >>> celu([-1.0, 0.0, 2.0])
    array([-0.63212056,  0.        ,  2.        ])
    >>> float(celu(-1e-20, alpha=0.5))  # expm1 keeps the digits exp(t) - 1 loses
    -1e-20
    >>> celu([-np.inf, -1e308, 1000.0], alpha=0.5)
    array([-5.e-01, -5.e-01,  1.e+03])
    """
    x = _float_array(x)
    return np.maximum(x, 0) + alpha * np.expm1(_scaled(x, alpha))


def celu_derivative(x, alpha=1.0):
    """CELU'(x) = 1 if x > 0 else exp(x/alpha); both sides give 1 at 0 for every alpha.

    x: number or array_like, any shape. NaN stays NaN.
    alpha: > 0; default 1.0.

    >>> celu_derivative([-1.0, 0.0, 2.0, np.nan])
    array([0.36787944, 1.        , 1.        ,        nan])
    >>> celu_derivative([-np.inf, -2.0, 0.0], alpha=2.0)
    array([0.        , 0.36787944, 1.        ])
    """
    x = _float_array(x)
    d = np.where(x > 0, 1, np.exp(_scaled(x, alpha)))  # NaN: x > 0 is False
    return d[()]  # [()]: a NumPy scalar, not a 0-d array, for scalar input


def _scaled(x, alpha):
    """min(x, 0)/alpha, cut at −1000 first so that the division cannot overflow.

    exp(−1000) is 0 and expm1(−1000) is −1 in every float dtype: nothing is lost.
    """
    return np.maximum(np.minimum(x, 0), -1000 * alpha) / alpha


def _float_array(x):
    """x as an ndarray: integers and booleans become float64, float dtypes are kept."""
    x = np.asarray(x)
    return x if np.issubdtype(x.dtype, np.floating) else x.astype(np.float64)

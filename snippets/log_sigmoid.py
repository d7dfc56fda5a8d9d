"""Log-sigmoid log σ(x) = −softplus(−x) and its derivative σ(−x), without overflow.

exp is only taken of −|x| ≤ 0; the naive np.log(1 / (1 + np.exp(-x))) is −inf at −800.
"""
import numpy as np


def log_sigmoid(x):
    """log σ(x) = −log(1 + exp(−x)) = min(x, 0) − log1p(exp(−|x|)), in (−∞, 0).

    x: number or array_like, any shape.

    >>> log_sigmoid([-1.0, 0.0, 1.0])
    array([-1.31326169, -0.69314718, -0.31326169])
    >>> float(log_sigmoid(-800.0))  # close to x on the left, where log(σ(x)) is -inf
    -800.0
    >>> float(log_sigmoid(40.0))  # close to −exp(−x) on the right
    -4.248354255291589e-18
    """
    x = _float_array(x)
    # −np.logaddexp(0, −x) is the same number but warns "invalid value" at NaN.
    return np.minimum(x, 0) - np.log1p(np.exp(-np.abs(x)))


def log_sigmoid_derivative(x):
    """(log σ)'(x) = σ(−x): 1 / (1 + e) for x < 0, else e / (1 + e), with e = exp(−|x|).

    x: number or array_like, any shape. NaN stays NaN.

    >>> log_sigmoid_derivative([-1.0, 0.0, 1.0, np.nan])
    array([0.73105858, 0.5       , 0.26894142,        nan])
    >>> float(log_sigmoid_derivative(40.0))  # 1 − σ(40) gives 0.0
    4.248354255291589e-18
    >>> log_sigmoid_derivative([-np.inf, np.inf])
    array([1., 0.])
    """
    x = _float_array(x)
    e = np.exp(-np.abs(x))  # in [0, 1]: cannot overflow
    # The numerator max(e, x < 0) is 1 where x < 0 and e elsewhere (NaN stays NaN).
    return np.maximum(e, x < 0) / (1 + e)


def _float_array(x):
    """x as an ndarray: integers and booleans become float64, float dtypes are kept."""
    x = np.asarray(x)
    return x if np.issubdtype(x.dtype, np.floating) else x.astype(np.float64)

"""Binary (Heaviside) step: 0 for x < 0 and 1 for x ≥ 0, the perceptron's activation.

Its derivative is 0 wherever it exists, so gradient descent cannot train through it.
"""
import numpy as np


def binary_step(x):
    """step(x) = 0 if x < 0 else 1, so step(0) = 1.

    x: number or array_like, any shape. NaN stays NaN.

    >>> binary_step([-2.0, -0.0, 0.0, 3.0])
    array([0., 1., 1., 1.])
    >>> binary_step([-np.inf, np.inf, np.nan])
    array([ 0.,  1., nan])
    """
    return np.heaviside(_float_array(x), 1)  # the 1 is the value at x = 0


def binary_step_derivative(x):
    """step'(x) = 0 for x ≠ 0; at 0 it does not exist: 0 is returned, as JAX does.

    x: number or array_like, any shape. NaN stays NaN.

    >>> binary_step_derivative([-1.0, 0.0, 1.0, np.nan])
    array([ 0.,  0.,  0., nan])
    >>> float(binary_step_derivative(0))
    0.0
    """
    x = _float_array(x)
    d = np.zeros_like(x)  # +0.0 everywhere (np.clip(x, 0, 0) would keep −0.0 as −0.0)
    np.copyto(d, x, where=np.isnan(x))  # NaN stays NaN
    return d[()]  # [()]: a NumPy scalar, not a 0-d array


def _float_array(x):
    """x as an ndarray: integers and booleans become float64, float dtypes are kept."""
    x = np.asarray(x)
    return x if np.issubdtype(x.dtype, np.floating) else x.astype(np.float64)

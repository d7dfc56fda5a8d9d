"""Bipolar sigmoid (1 − e^(−x))/(1 + e^(−x)) = 2σ(x) − 1 = tanh(x/2) and its derivative.

Computed as np.tanh(x / 2): the formula typed with np.exp is NaN at x = −1000.
"""
import numpy as np


def bipolar_sigmoid(x):
    """bipolar_sigmoid(x) = (1 − e^(−x))/(1 + e^(−x)) = tanh(x/2), in (−1, 1).

    x: number or array_like, any shape. ±inf gives ±1, NaN stays NaN.

    >>> bipolar_sigmoid([-1.0, 0.0, 1.0])
    array([-0.46211716,  0.        ,  0.46211716])
    >>> bipolar_sigmoid([-1000.0, 1e-20, np.inf])  # naive: nan and 0.0, then 1.0
    array([-1.e+00,  5.e-21,  1.e+00])
    """
    return np.tanh(_float_array(x) / 2)


def bipolar_sigmoid_derivative(x):
    """bipolar_sigmoid'(x) = 2e^(−x)/(1 + e^(−x))² = 2u/(1 + u)² with u = exp(−|x|).

    x: number or array_like, any shape. NaN stays NaN.
    Not (1 − f²)/2: f(40)² rounds to 1, and the derivative to 0.

    >>> bipolar_sigmoid_derivative([-1.0, 0.0, 1.0])
    array([0.39322387, 0.5       , 0.39322387])
    >>> float(bipolar_sigmoid_derivative(40.0))  # (1 - f(40)**2)/2 gives 0.0
    8.496708510583178e-18
    """
    u = np.exp(-np.abs(_float_array(x)))  # in [0, 1]: (1 + u)² cannot overflow
    v = 1 + u
    return 2 * u / (v * v)


def _float_array(x):
    """x as an ndarray: integers and booleans become float64, float dtypes are kept."""
    x = np.asarray(x)
    return x if np.issubdtype(x.dtype, np.floating) else x.astype(np.float64)

"""LeCun's scaled tanh SCALE·tanh(2x/3), SCALE = 1.7159, and its derivative.

The constants of LeCun et al. (1998) make f(±1) ≈ ±1; np.tanh never overflows.
"""
import numpy as np

SCALE = 1.7159


def lecun_tanh(x):
    """lecun_tanh(x) = SCALE·tanh(2x/3), in (−SCALE, SCALE).

    x: number or array_like, any shape. SCALE is fixed, not a parameter.
    2x/3 is computed as x/1.5, one rounding, and no overflow at x = 1e308.

    >>> lecun_tanh([-1.0, 0.0, 1.0])
    array([-0.99999726,  0.        ,  0.99999726])
    >>> lecun_tanh([-np.inf, 1e308, np.nan])
    array([-1.7159,  1.7159,     nan])
    """
    return SCALE * np.tanh(_float_array(x) / 1.5)


def lecun_tanh_derivative(x):
    """lecun_tanh'(x) = (2·SCALE/3)·sech²(2x/3), sech = 2t/(1 + t²), t = exp(−|2x/3|).

    x: number or array_like, any shape. NaN stays NaN.
    Not from 1 − tanh²: at x = 30, tanh(20)² rounds to 1 and that gives 0.

    >>> lecun_tanh_derivative([-1.0, 0.0, 1.0])
    array([0.75541244, 1.14393333, 0.75541244])
    >>> float(lecun_tanh_derivative(30.0))  # 1 - tanh(20)**2 is 0.0
    1.943933617774623e-17
    """
    # In place on two buffers, a and y: a fresh array per step doubles the time.
    a = np.asarray(np.abs(_float_array(x)))  # an array for a scalar too (for out=)
    np.minimum(a, 8192, out=a)  # past 8192, t is 0 in any dtype
    y = np.asarray(a / 1.5)  # 2|x|/3 rounded; exp would multiply its error by y
    a -= y
    a -= y / 2
    a /= 1.5  # c, the error 2|x|/3 − y: both differences above are exact
    np.negative(y, out=y)
    np.exp(y, out=y)
    np.subtract(1, a, out=a)
    a *= y  # t = exp(−2|x|/3) = exp(−y)·(1 − c), in [0, 1]: t·t cannot overflow
    np.multiply(a, a, out=y)
    y += 1
    a /= y  # sech/2 = t/(1 + t²)
    a *= a
    a *= 4 * (2 * SCALE / 3)  # 4·(sech/2)² = sech², times 2·SCALE/3
    return a[()]  # [()]: a NumPy scalar, not a 0-d array

def _float_array(x):
    """x as an ndarray: integers and booleans become float64, float dtypes are kept."""
    x = np.asarray(x)
    return x if np.issubdtype(x.dtype, np.floating) else x.astype(np.float64)

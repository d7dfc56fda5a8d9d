"""Soft clipping log((1 + e^(αx))/(1 + e^(α(x − 1))))/α, a smooth clip to [0, 1].
Evaluated at y = min(x, 1 − x) ≤ 1/2 only (f(x) + f(1 − x) = 1), with α·y split
exactly in two floats: e^(αy) turns an error in αy into a relative error in f.
"""
import numpy as np


def soft_clipping(x, alpha=2.0):
    """f(x) = log((1 + exp(alpha·x)) / (1 + exp(alpha·(x − 1)))) / alpha, in (0, 1).

    x: number or array_like, any shape. −inf gives 0, +inf gives 1, NaN stays NaN.
    alpha: positive sharpness; f → clip(x, 0, 1) as alpha grows. Default 2.0.

    >>> soft_clipping([-1.0, 0.0, 0.5, 1.0, 2.0], alpha=50.0)
    array([3.85749970e-24, 1.38629436e-02, 5.00000000e-01, 9.86137056e-01,
           1.00000000e+00])
    >>> soft_clipping([-np.inf, np.inf, np.nan])
    array([ 0.,  1., nan])
    """
    x = _float_array(x)
    y, upper, hi, lo, w = _parts(x, alpha)
    # f(y)·α = softplus(u), u = α·y + log(1 − e^(−α)) − softplus(w), w = α(y − 1) < 0
    ln2 = 0.6931471805599453  # c0 = log(1 − e^(−α)), accurate for small and large α
    c0 = np.where(alpha > ln2, np.log1p(-np.exp(-alpha)), np.log(-np.expm1(-alpha)))
    rest = lo + c0 - np.log1p(np.exp(w))
    u = hi + rest
    e_u = np.exp(np.minimum(hi, 700)) * np.exp(rest)  # e^u; hi is exact: one rounding
    sp = np.where(u > 0, u + np.log1p(np.exp(-np.abs(u))), np.log1p(e_u))  # softplus(u)
    return np.where(upper, 1 - sp / alpha, sp / alpha).astype(x.dtype)[()]


def soft_clipping_derivative(x, alpha=2.0):
    """f'(x) = σ(alpha·x) − σ(alpha·(x − 1)), computed as σ(a)·σ(−b)·(1 − e^(−alpha)).

    x: number or array_like, any shape. NaN stays NaN. f'(x) = f'(1 − x).
    alpha: default 2.0. Here a = alpha·y, b = a − alpha, y = min(x, 1 − x).

    >>> soft_clipping_derivative([-1.0, 0.0, 0.5, 1.0, 2.0], alpha=50.0)
    array([1.92874985e-22, 5.00000000e-01, 1.00000000e+00, 5.00000000e-01,
           1.92874985e-22])
    >>> soft_clipping_derivative([-np.inf, np.inf, np.nan])
    array([ 0.,  0., nan])
    """
    x = _float_array(x)
    y, _, hi, lo, w = _parts(x, alpha)
    e_a = np.exp(np.minimum(hi, 0)) * np.exp(lo)  # e^(αy) where αy ≤ 0
    sig_a = np.where(hi > 0, 1 / (1 + np.exp(-np.abs(hi) - lo)), e_a / (1 + e_a))
    d = sig_a / (1 + np.exp(w)) * -np.expm1(-alpha)  # σ(−b) = 1/(1 + e^w)
    return d.astype(x.dtype)[()]


def _parts(x, alpha):
    """y = min(x, 1 − x) in float64, x > 1/2, α·y = hi + lo exactly, w = α(y − 1)."""
    x = x.astype(np.float64)  # 1 − x is exact for 1/2 < x < 2**53; beyond, f is 1
    y = np.maximum(np.where(x > 0.5, 1 - x, x), -800 / alpha)  # e^(−800): f is 0
    hi, (y_hi, y_lo), (a_hi, a_lo) = alpha * y, _split(y), _split(np.float64(alpha))
    lo = ((y_hi * a_hi - hi) + y_hi * a_lo + y_lo * a_hi) + y_lo * a_lo  # Dekker
    return y, x > 0.5, hi, lo, alpha * (y - 1)


def _split(v):
    """v = hi + lo with hi on 26 bits (Veltkamp, 2**27 + 1): half products are exact."""
    h = 134217729.0 * v - (134217729.0 * v - v)
    return h, v - h


def _float_array(x):
    """x as an ndarray: integers and booleans become float64, float dtypes are kept."""
    x = np.asarray(x)
    return x if np.issubdtype(x.dtype, np.floating) else x.astype(np.float64)

"""Shifted softplus: log(1 + eˣ) − log 2 = log((1 + eˣ)/2), 0 at 0; derivative σ(x).

Near 0 it is log1p(expm1(x)/2): the subtraction of log 2 would cancel there.
"""
import numpy as np

LN2 = 0.6931471805599453  # log 2, correctly rounded


def shifted_softplus(x):
    """ssp(x) = log(1 + exp(x)) − log 2 = log1p(expm1(x)/2); ≈ x/2 near 0.

    x: number or array_like, any shape. NaN stays NaN.

    >>> shifted_softplus([-1.0, 0.0, 1.0])
    array([-0.37988549,  0.        ,  0.62011451])
    >>> float(shifted_softplus(1e-20))  # x/2: no digit lost to the subtraction
    5e-21
    >>> shifted_softplus([-np.inf, 0.0, np.inf, np.nan])  # from −log 2 up
    array([-0.69314718,  0.        ,         inf,         nan])
    >>> float(shifted_softplus(1000.0))  # log(1 + e^1000) would overflow
    999.3068528194401
    """
    x = _float_array(x)
    t = x.astype(np.float64)  # float64 inside, rounded once to the input's dtype
    # x > 1: (x − log 2) + log1p(e^(−x)), no overflow; x ≤ 1: log1p(expm1(x)/2).
    big = (t - LN2) + np.log1p(np.exp(-np.maximum(t, 1)))
    y = np.where(t > 1, big, np.log1p(np.expm1(np.minimum(t, 1)) / 2))
    return y.astype(x.dtype)[()]  # [()]: a NumPy scalar, not a 0-d array


def shifted_softplus_derivative(x):
    """ssp'(x) = σ(x): 1/(1 + e) if x ≥ 0, else e/(1 + e), e = exp(−|x|).

    x: number or array_like, any shape. NaN stays NaN.

    >>> shifted_softplus_derivative([-1.0, 0.0, 1.0, np.nan])
    array([0.26894142, 0.5       , 0.73105858,        nan])
    >>> shifted_softplus_derivative([-np.inf, -40.0, np.inf])
    array([0.00000000e+00, 4.24835426e-18, 1.00000000e+00])
    """
    x = _float_array(x)
    t = x.astype(np.float64, copy=False)
    e = np.exp(-np.abs(t))  # in [0, 1]: cannot overflow
    d = np.maximum(e, t >= 0)  # 1 where x ≥ 0 (e ≤ 1), else e; NaN: e is NaN
    e += 1  # in place: no more temporaries
    d /= e
    return d.astype(x.dtype, copy=False)[()]


def _float_array(x):
    """x as an ndarray: integers and booleans become float64, float dtypes are kept."""
    x = np.asarray(x)
    return x if np.issubdtype(x.dtype, np.floating) else x.astype(np.float64)

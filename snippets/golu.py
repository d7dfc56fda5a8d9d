"""GoLU: x·exp(−e^(−x)), the input gated by the Gompertz function, and its derivative.

exp(−e^(−x)) turns an error of e^(−x) into a relative error e^(−x) times larger.
"""
import numpy as np

# f' is 0 at X0 + X0_LO = −Ω (Ω = W(1), the omega constant: Ω·e^Ω = 1), to twice
# float64's precision; f(X0) = −Ω·e^(−1/Ω) is the minimum.
X0, X0_LO = -0.5671432904097838, -3.2888566875211743e-17


def golu(x):
    """GoLU(x) = x·exp(−exp(−x)); minimum ≈ −0.09726 at X0 ≈ −0.5671.

    x: number or array_like, any shape.

    >>> golu([-1.0, 0.0, 1.0])
    array([-0.06598804,  0.        ,  0.69220063])
    >>> float(golu(-6.0))  # e^6 ≈ 403: exp(−403) still has all its digits
    -3.7260818919396404e-175
    >>> golu([-np.inf, -1000.0, np.inf, np.nan])
    array([-0., -0., inf, nan])
    """
    x = _float_array(x)
    t = x.astype(np.float64)
    # Below −8 the result is below 1e−1000: 0. In long double (64-bit significand on
    # x86) e^(−x) carries 11 more bits than float64, which exp(−e^(−x)) amplifies.
    c = np.clip(t, -8.0, 50.0).astype(np.longdouble)
    y = np.where(t > 50, t, (c * np.exp(-np.exp(-c))).astype(np.float64))
    return y.astype(x.dtype)[()]  # [()]: a NumPy scalar, not a 0-d array


def golu_derivative(x):
    """GoLU'(x) = exp(−exp(−x))·(1 + x·exp(−x)); 0 at X0.

    x: number or array_like, any shape. NaN stays NaN. With d = x − X0,
    1 + x·e^(−x) = −expm1(−d) − (d/X0)·e^(−d): two terms of the sign of d.

    >>> golu_derivative([-1.0, 0.0, 1.0, np.nan])
    array([-0.11338604,  0.36787944,  0.94684701,         nan])
    >>> golu_derivative([-np.inf, -1000.0, np.inf])
    array([-0., -0.,  1.])
    >>> float(golu_derivative(X0))  # exact: 1.558486021133111e-17
    1.5584860211331115e-17
    """
    x = _float_array(x)
    c = np.clip(x.astype(np.float64), -8.0, 50.0).astype(np.longdouble)
    d = (c - X0) - X0_LO  # x − x0 with x0 to twice float64's precision
    g = -np.expm1(-d) - d / X0 * np.exp(-d)  # 1 + x·e^(−x), written around X0
    return (np.exp(-np.exp(-c)) * g).astype(np.float64).astype(x.dtype)[()]


def _float_array(x):
    """x as an ndarray: integers and booleans become float64, float dtypes are kept."""
    x = np.asarray(x)
    return x if np.issubdtype(x.dtype, np.floating) else x.astype(np.float64)

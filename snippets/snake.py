"""Snake, x + sin²(αx)/α (Liu Ziyin, Hartwig and Ueda 2020): the identity plus a
periodic ripple of height 1/α; audio vocoders (BigVGAN, DAC) learn α per channel."""
import numpy as np

P1, P2 = 0.7853981633974483, 3.061616997868383e-17  # π/4 = P1 + P2 to about 107 bits


def snake(x, alpha=1.0):
    """snake(x) = x + sin²(alpha·x)/alpha: non-decreasing, between x and x + 1/alpha.

    x: number or array_like; float32 and float16 are kept, NaN stays NaN, ±inf too.
    alpha: frequency, default 1.0, nonzero (or an array, one per channel).
    >>> snake([-1.0, 0.0, 1.0, np.pi])
    array([-0.29192658,  0.        ,  1.70807342,  3.14159265])
    >>> snake([-np.inf, 1e300, np.inf], alpha=0.5)
    array([   -inf, 1.e+300,     inf])
    """
    x = np.asarray(x) * 1.0  # integers and booleans become float64, floats are kept
    s = _sin_cos(x, alpha)[0]  # 0 where alpha·x is infinite or NaN
    return (x + s * s / alpha).astype(x.dtype)[()]


def snake_derivative(x, alpha=1.0):
    """snake'(x) = 1 + sin(2·alpha·x) = 2·sin²(alpha·x + π/4), in [0, 2]; NaN at ±inf.

    x: number or array_like. alpha: frequency, default 1.0. Accurate next to the
    zeros x = (kπ − π/4)/alpha too, where 1 + sin(2·alpha·x) would cancel.
    >>> snake_derivative([0.0, np.pi / 4, 1.0, np.inf])
    array([1.        , 2.        , 1.90929743,        nan])
    >>> float(snake_derivative(-np.pi / 4))  # 2·(π/4 − fl(π/4))², not 0 or 1e-16
    1.874699728327322e-33
    """
    x = np.asarray(x) * 1.0
    s, _, xn = _sin_cos(x, alpha, P1, P2)
    return (2 * s * s + 0 * xn).astype(x.dtype)[()]  # + 0·xn: NaN where xn is


def snake_derivative_alpha(x, alpha=1.0):
    """∂snake/∂alpha = x·sin(2·alpha·x)/alpha − sin²(alpha·x)/alpha².

    x: number or array_like; NaN at ±inf (it oscillates). alpha: default 1.0.
    >>> snake_derivative_alpha([0.0, 1.0, -2.0])
    array([ 0.        ,  0.20122401, -2.3404268 ])
    >>> snake_derivative_alpha(np.float32(0.5), alpha=2.0)
    np.float32(0.050306004)
    """
    x = np.asarray(x) * 1.0
    s, c, xn = _sin_cos(x, alpha)
    with np.errstate(over="ignore"):  # |x|/alpha above the largest float: inf is right
        return (2 * c * s * xn / alpha - s * s / (alpha * alpha)).astype(x.dtype)[()]


def _sin_cos(x, alpha, shift=0.0, tail=0.0):
    """sin and cos of alpha·x + shift + tail, with alpha·x's rounding error (Dekker) and
    that of the sum added to first order; and x, NaN where alpha·x is not finite."""
    if np.any(np.equal(alpha, 0)):
        raise ValueError("alpha = 0: snake is undefined; its limit as alpha -> 0 is x")
    x = x.astype(np.float64)
    with np.errstate(over="ignore"):
        ok = np.isfinite(alpha * x)
        c, d = 134217729.0 * alpha, 134217729.0 * np.where(np.abs(x) < 1e300, x, 0)
    x = np.where(ok, x, 0)
    u, xs = alpha * x, np.where(np.abs(x) < 1e300, x, 0)
    ah, xh = c - (c - alpha), d - (d - xs)
    al, xl = alpha - ah, xs - xh
    e = ((ah * xh - alpha * xs) + ah * xl + al * xh) + al * xl  # alpha·x = u + e
    w = u + shift
    e = e + (u - (w - (w - u))) + (shift - (w - u)) + tail  # u + shift = w + error
    return np.sin(w) + np.cos(w) * e, np.cos(w) - np.sin(w) * e, np.where(ok, x, np.nan)

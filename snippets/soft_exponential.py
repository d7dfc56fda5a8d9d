"""Soft exponential (Godfrey and Gashler 2015): a learned alpha of any sign moves it
from logarithmic (alpha < 0) through the identity (alpha = 0) to exponential."""
import numpy as np

L_HALF, L_HALF_LO = -0.2876820724517809, -2.607160616442564e-17  # log(3/4), 2 floats
K = np.arange(50.0, 1.0, -1.0)  # series, for polyval, of ((y − 1)·e^y + 1)/y² (G) and
G = (K[26:] - 1) / np.cumprod(np.arange(1.0, 25.0))[23:0:-1]  # (1 − w + w·log w)/v²
PHI = (-1.0) ** K / (K * (K - 1))  # (PHI), v = w − 1: no cancellation for small alpha


def soft_exponential(x, alpha=0.5):
    """f = −log(1 − alpha·(x + alpha))/alpha if alpha < 0, x if alpha = 0, and
    (exp(alpha·x) − 1)/alpha + alpha if alpha > 0.
    x: number or array_like; float32 and float16 are kept, NaN stays NaN.
    alpha: learned, any sign, default 0.5 (an array broadcasts: one per channel).
    For alpha < 0: NaN, with no warning, for x ≤ 1/alpha − alpha (log of w ≤ 0).
    >>> soft_exponential([-np.inf, -1.0, 0.0, 2.0, 1e300])
    array([-1.5       , -0.28693868,  0.5       ,  3.93656366,         inf])
    >>> soft_exponential([-2.0, -1.5, 0.5, 10.0], alpha=-0.5)
    array([       nan,        nan, 0.        , 3.49839971])
    """
    x, t, a, y, e, h, w, c = _parts(x, alpha)
    with np.errstate(all="ignore"):  # each branch is computed everywhere, then chosen
        lc = np.where(a == 0.5, L_HALF, np.log1p(-np.minimum(a * a, 1)))  # log(c)
        zero = c * np.expm1((y - lc) + (e - L_HALF_LO * (a == 0.5))) / a  # f ≈ 0
        f = np.where((c > 0) & (abs(y - lc) < 0.5), zero, h * (1 + e) / a * h - c / a)
        f = np.where(a == 0, t, np.where(a < 0, -_log(w) / a, f))
        return f.astype(x.dtype)[()]  # [()]: a NumPy scalar for a scalar


def soft_exponential_derivative(x, alpha=0.5):
    """f' = 1/(1 − alpha·(x + alpha)) if alpha < 0, 1 if alpha = 0, else exp(alpha·x).
    x: number or array_like. alpha: any sign, default 0.5 (NaN where f is NaN).
    >>> soft_exponential_derivative([-np.inf, 0.0, 2.0, np.nan])
    array([0.        , 1.        , 2.71828183,        nan])
    >>> soft_exponential_derivative([-1.5, 0.5, np.inf], alpha=-0.5)
    array([nan,  1.,  0.])
    """
    x, t, a, y, e, h, w, c = _parts(x, alpha)
    with np.errstate(all="ignore"):
        ww = np.where(w[0] + w[1] > 0, w[0] + w[1], np.nan)
        d = np.where(a < 0, 1 / ww, h * h * (1 + e))
        return np.where(a == 0, np.where(np.isnan(t), t, 1.0), d).astype(x.dtype)[()]


def soft_exponential_derivative_alpha(x, alpha=0.5):
    """∂f/∂alpha = ((alpha·x − 1)·exp(alpha·x) + 1)/alpha² + 1 if alpha > 0, 1 + x²/2
    at 0, (log(w) + (1 + alpha²)/w − 1)/alpha² if alpha < 0, w = 1 − alpha·(x + alpha).
    x: number or array_like. alpha: any sign, default 0.5 (NaN where f is NaN).
    >>> soft_exponential_derivative_alpha([-np.inf, 0.0, 1.0])
    array([5.        , 1.        , 1.70255746])
    >>> soft_exponential_derivative_alpha([2.0, 0.5, np.inf], alpha=-0.5)
    array([1.09560601, 1.        ,        inf])
    """
    x, t, a, y, e, h, w, c = _parts(x, alpha)
    with np.errstate(all="ignore"):
        a2, v, ww = a * a, (w[0] - 1) + w[1], w[0] + w[1]
        neg = np.where(abs(v) < 0.5, v * v * np.polyval(PHI, v) / (a2 * ww) + 1 / ww,
                       (_log(w) + (1 + a2) / ww - 1) / a2)
        big = h * ((y - 1) + e) * h * (1 + e) + 1  # (y − 1)·e^y + 1, no early overflow
        g = np.where(abs(y) < 1, y * y * np.polyval(G, y), big)
        d = np.where(a < 0, np.where(ww > 0, neg, np.nan), g / a2 + 1)
        return np.where(a == 0, 1 + t * t / 2, d).astype(x.dtype)[()]


def _parts(x, alpha):  # x (ints: float64); alpha·x = y + e (clipped), e^y = h·h·(1 + e)
    x = np.asarray(x) * 1.0  # w = 1 − alpha·x − alpha² as (high, low); c = 1 − alpha²
    t, a = np.broadcast_arrays(x.astype(np.float64), np.asarray(alpha, np.float64))
    with np.errstate(all="ignore"):
        (y, e), (s, r) = _product(a, t), _product(a, a)
        u, ue = _sum(y, s)
        wh, we = _sum(1.0, -u)
        y = np.clip(y, -1e3, 1e3)
        return x, t, a, y, e, np.exp(y / 2), (wh, we - (ue + r + e)), (1 - s) - r


def _product(a, b):  # a·b = p + e exactly (Dekker) for |b| < 1e300; e = 0 if p = ±inf
    b0 = np.where(np.abs(b) < 1e300, b, 0)
    ah, bh = 134217729.0 * a, 134217729.0 * b0
    ah, bh = ah - (ah - a), bh - (bh - b0)
    e = ((ah * bh - a * b0) + ah * (b0 - bh) + (a - ah) * bh) + (a - ah) * (b0 - bh)
    return a * b, np.where(np.isfinite(a * b) & (np.abs(b) < 1e300), e, 0.0)


def _sum(a, b):  # a + b = s + error exactly (Knuth); error 0 where s = ±inf
    s = a + b
    return s, np.where(np.isfinite(s), (a - (s - (s - a))) + (b - (s - a)), 0.0)


def _log(w):  # log(high + low): log1p near 1; NaN where w ≤ 0 (or NaN)
    near, far = np.log1p((w[0] - 1) + w[1]), np.log(np.abs(w[0])) + w[1] / w[0]
    return np.where(w[0] + w[1] > 0, np.where(abs(w[0] - 1) < 0.5, near, far), np.nan)

"""Dynamic erf(αx + s) and its derivatives in x, α and s, accurate in the tails."""
import math
import numpy as np

_erf = np.vectorize(math.erf, otypes=[np.float64])  # NumPy has no erf
K, S = 2 / math.sqrt(math.pi), 134217729.0  # erf'(u) = K·exp(−u²); S = 2²⁷ + 1


def derf(x, alpha=0.5, shift=0.0):
    """Derf(x) = erf(αx + s), in (−1, 1); α and s are learned scalars.

    x: array_like, any shape; alpha: scale α, default 0.5; shift: s, default 0.0.
    >>> derf([-np.inf, -2.0, 0.0, 2.0, np.nan])
    array([-1.        , -0.84270079,  0.        ,  0.84270079,         nan])
    >>> float(derf(-1/3, alpha=0.3, shift=0.1))  # exact: 1.67033670908906e−17
    1.67033670908906e-17
    """
    return _parts(x, alpha, shift, None)


def derf_derivative(x, alpha=0.5, shift=0.0):
    """Derf'(x) = α·(2/√π)·exp(−(αx + s)²).

    x: array_like, any shape; alpha: default 0.5; shift: default 0.0.
    >>> derf_derivative([-2.0, 0.0, 2.0])
    array([0.20755375, 0.56418958, 0.20755375])
    >>> float(derf_derivative(40.1))  # exact: 1.4586718516257153e−175
    1.4586718516257153e-175
    """
    return _parts(x, alpha, shift, lambda a, c: a)


def derf_derivative_alpha(x, alpha=0.5, shift=0.0):
    """∂Derf/∂α = x·(2/√π)·exp(−(αx + s)²).

    x: array_like, any shape; alpha: default 0.5; shift: default 0.0.
    >>> derf_derivative_alpha([-2.0, 0.0, 2.0])
    array([-0.83021499,  0.        ,  0.83021499])
    >>> derf_derivative_alpha([-np.inf, np.inf, np.nan])
    array([-0.,  0., nan])
    """
    return _parts(x, alpha, shift, lambda a, c: c)  # c: x clipped, so no inf·0


def derf_derivative_shift(x, alpha=0.5, shift=0.0):
    """∂Derf/∂s = (2/√π)·exp(−(αx + s)²).

    x: array_like, any shape; alpha: default 0.5; shift: default 0.0.
    >>> derf_derivative_shift([-2.0, 0.0, 2.0])
    array([0.4151075 , 1.12837917, 0.4151075 ])
    >>> derf_derivative_shift([-np.inf, np.nan])
    array([ 0., nan])
    """
    return _parts(x, alpha, shift, lambda a, c: np.ones_like(c))


def _parts(x, alpha, shift, factor):
    """erf(αx + s), or factor(α, x)·K·exp(−(αx + s)²), with αx + s to 2 × 53 bits."""
    x, a, s = np.asarray(x) * 1.0, np.float64(alpha), np.float64(shift)  # ints: float64
    c = np.clip(x.astype(np.float64), -1e300, 1e300)  # so that αc cannot overflow
    ch, ah = S * c - (S * c - c), S * a - (S * a - a)  # Veltkamp's split, 26 bits
    z, cl, al = a * c, c - ch, a - ah  # Dekker's product: αc = z + pe exactly
    pe = np.where(np.abs(z) < 1e3, ((ch * ah - z) + ch * al + cl * ah) + cl * al, 0)
    u = z + s  # αc + s = u + lo (Knuth's two-sum); beyond ±40 f' is 0
    lo = pe + ((z - (u - (u - z))) + (s - (u - z)))
    v, lo = np.clip(u, -40, 40), np.where(np.abs(u) < 40, lo, 0)
    h = np.round(v * 2**20) / 2**20  # 26 bits: h·h is exact
    q, e = np.exp(-h * h / 2), np.exp(-((v - h) * (v + h) + 2 * v * lo))
    g = q * ((1.0 if factor is None else factor(a, c)) * K * e) * q  # q·q: no underflow
    return (g if factor else _erf(u) + lo * g).astype(x.dtype)[()]

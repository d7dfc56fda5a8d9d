"""GELU x·Φ(x) and its tanh approximation, with derivatives, accurate in both tails.

Φ(x) = erfc(−x/√2)/2 with math.erfc (NumPy has no erf), applied element by element."""
import math

import numpy as np

_erfc = np.vectorize(math.erfc, otypes=[np.float64])
C1, C2 = 0.7071067839860916, -2.799544089368687e-09  # 1/√2 = C1 + C2, C1 of 27 bits
K, A = 1.5957691216057308, 0.044715  # the tanh form is x·σ(v) with v = K·(x + A·x³)
K1, K2, KA1, KA2 = (1.5957691073417664, 1.426396435433791e-08,  # K = K1 + K2 and
                    0.07135481666773558, -3.951353278532999e-10)  # K·A = KA1 + KA2
X0, X0_LO = -0.7517915246935645, 1.4956759177009883e-17  # where GELU' = 0, in two parts
T0, T0_LO = -0.7524614220710163, 3.635560509207687e-17  # where the tanh form's f' = 0
NODES, WEIGHTS = np.polynomial.legendre.leggauss(8)  # Gauss–Legendre on [−1, 1]


def gelu(x, approximate=False):
    """GELU(x) = x·Φ(x); the tanh form: x/2·(1 + tanh(√(2/π)·(x + 0.044715·x³))).

    x: number or array_like, any shape.
    approximate: False or "none" (default): x·Φ(x); True or "tanh": the tanh form.

    >>> gelu([-1.0, 0.0, 1.0])
    array([-0.15865525,  0.        ,  0.84134475])
    >>> gelu([-1.0, 0.0, 1.0], approximate="tanh")
    array([-0.15880801,  0.        ,  0.84119199])
    >>> float(gelu(-30.0))  # exact: −1.472014178144456e−196; x(1 + erf(x/√2))/2 gives 0
    -1.4720141781444563e-196
    """
    x = _float_array(x)  # float64 inside, rounded once to the input's dtype
    return _form(approximate)(x.astype(np.float64), False).astype(x.dtype)[()]


def gelu_derivative(x, approximate=False):
    """GELU'(x) = Φ(x) + x·φ(x); the tanh form: σ(v)·(1 + x·v'·σ(−v)), v = K(x + Ax³).

    x: number or array_like, any shape. NaN stays NaN.
    approximate: False or "none" (default): x·Φ(x); True or "tanh": the tanh form.

    >>> gelu_derivative([-1.0, 0.0, 1.0, np.nan])
    array([-0.08331547,  0.5       ,  1.08331547,         nan])
    >>> gelu_derivative([-1.0, 0.0, 1.0], approximate=True)
    array([-0.08296408,  0.5       ,  1.08296408])
    >>> float(gelu_derivative(X0))  # exact: −6.453751729367753e−18; Φ + x·φ gives 0
    -6.4537517293677555e-18
    """
    x = _float_array(x)
    return _form(approximate)(x.astype(np.float64), True).astype(x.dtype)[()]


def _exact(t, derivative):
    """x·Φ(x), or Φ(x) + x·φ(x), of float64 t."""
    c = np.clip(t, -40, 40)
    h = np.round(c * 2**20) / 2**20  # 26 bits: h·h and h·C1 are exact
    eh = np.exp(-h * h / 2)  # φ(x) = eh·er, as x² = h² + (x − h)(x + h)
    er = np.exp(-(c - h) * (c + h) / 2) / math.sqrt(2 * math.pi)
    a, b = -h * C1, -((c - h) * C1 + c * C2)  # −x/√2 = a + b, a exact
    z = a + b  # −x/√2 = z + ((a − z) + b): erfc(z) corrected to first order
    p = (_erfc(z) - ((a - z) + b) * 2 / math.sqrt(math.pi) * np.exp(-z * z)) / 2
    # For x < −35, Φ(x) = φ(x)·R/|x|, with R's asymptotic series in 1/x².
    r = np.polyval([-135135, 10395, -945, 105, -15, 3, -1, 1], 1 / np.maximum(c*c, 1e3))
    if not derivative:
        return np.where(c < -35, -eh * (er * r), np.maximum(t, c) * p)  # no −inf·0
    d = np.where(c < -35, eh * (er * (c - r / np.minimum(c, -35))), p + c * eh * er)
    return _near_zero(t, d, False)


def _tanh(t, derivative):
    """x·σ(v), or σ(v)·(1 + x·v'·σ(−v)), of float64 t, with v = K(x + Ax³)."""
    c, a = np.clip(t, -24, 24), -np.minimum(np.abs(t), 24)  # v is odd: e^−|v| from −|x|
    h = np.round(a * 2**12) / 2**12  # 17 bits: h³ is exact
    h1 = np.round(h * h * h * 2**10) / 2**10  # h³ = h1 + (h³ − h1), 26 bits each
    big = K1 * h + KA1 * h1  # exact
    small = (KA1 * (h * h * h - h1) + K1 * (a - h) + K2 * a + KA2 * h * h * h
             + K * A * (a - h) * (a * a + a * h + h * h))
    v, vl = big + small, (big - (big + small)) + small  # −|v| = v + vl, to 2 × 53 bits
    q, e = np.exp(v / 2) * (1 + vl / 2), np.exp(v) * (1 + vl)  # e = q·q = e^−|v|
    if not derivative:  # x/(1 + e) for x ≥ 0, x·e/(1 + e) below, x·q·q where e is tiny
        return np.where(t < 0, np.where(e < 1e-300, c * q * q, c * e), t) / (1 + e)
    b = 1 + c * K * (1 + 3 * A * c * c) * np.where(t < 0, 1, e) / (1 + e)
    d = np.where(t >= 0, b, np.where(e < 1e-300, q * b * q, e * b)) / (1 + e)
    return _near_zero(t, d, True)


def _near_zero(t, d, tanh):
    """d, but within 0.5 of the zero x0 of f', ∫ f'' from x0 by Gauss–Legendre."""
    w = (t - (T0 if tanh else X0)) - (T0_LO if tanh else X0_LO)  # x − x0, exact near x0
    near, d = np.abs(w) < 0.5, np.array(d)  # d as an array that can be written to
    s = t[near][:, None] - w[near][:, None] * (1 - NODES) / 2  # nodes from x0 to x
    if tanh:  # f'' = σ(v)σ(−v)·(2v' + x·v'' + x·v'²·(1 − 2σ(v)))
        g = 1 / (1 + np.exp(-K * s * (1 + A * s * s)))
        f2 = g * (1 - g) * (K * (2 + 12*A*s*s) + s * (K * (1 + 3*A*s*s))**2 * (1 - 2*g))
    else:  # f'' = φ(x)·(2 − x²)
        f2 = np.exp(-s * s / 2) * (2 - s * s) / math.sqrt(2 * math.pi)
    d[near] = w[near] / 2 * (f2 @ WEIGHTS)
    return d


def _form(approximate):
    """_exact for approximate=False or "none", _tanh for True or "tanh"."""
    if approximate in (False, "none", True, "tanh"):
        return _tanh if approximate in (True, "tanh") else _exact
    raise ValueError(f"gelu: approximate={approximate!r}; False/'none' or True/'tanh'")


def _float_array(x):
    """x as an ndarray: integers and booleans become float64, float dtypes are kept."""
    x = np.asarray(x)
    return x if np.issubdtype(x.dtype, np.floating) else x.astype(np.float64)

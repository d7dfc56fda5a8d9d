"""GeGLU: x split in halves a and b along an axis, GeGLU = GELU(a)·b (a is the gate).
GELU's tanh form by default, a·Φ(a) with approximate="none"; as in the GELU snippet."""
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


def geglu(x, axis=-1, approximate="tanh"):
    """GeGLU(x) = GELU(a)·b, with a, b = the first and second halves of x along axis.

    x: array_like with an even length along axis (a scalar has no halves).
    approximate: "tanh" (default) or True: GELU's tanh form; "none" or False: a·Φ(a).
    axis: the axis that is split, default -1 (the last); the output is half as long.

    >>> geglu([1.0, -1.0, 2.0, 2.0])  # a = [1, −1] gates b = [2, 2]
    array([ 1.68238398, -0.31761602])
    >>> geglu([[-30.0, 3.0], [1.0, -1.0]], approximate="none", axis=0)  # a = x[:1]
    array([[-1.47201418e-196, -2.99595031e+000]])
    """
    a, b = _halves(x, axis)
    with np.errstate(over="ignore", invalid="ignore"):  # 1e308·10 = inf; inf·0 = NaN
        return (_form(approximate)(a.astype(np.float64), False) * b).astype(a.dtype)


def geglu_derivative(x, axis=-1, approximate="tanh"):
    """GeGLU' = [∂y_k/∂a_k, ∂y_k/∂b_k] = [GELU'(a)·b, GELU(a)], in x's shape.

    x: array_like with an even length along axis.
    approximate: "tanh" (default) or True, "none" or False, as for geglu.
    axis: the split axis, default -1: first half diag(∂y/∂a), second diag(∂y/∂b).
    >>> geglu_derivative([1.0, -1.0, 2.0, 2.0])
    array([ 2.16592817, -0.16592817,  0.84119199, -0.15880801])
    >>> geglu_derivative([2.0, np.nan])  # NaN in a pair spoils both entries
    array([nan, nan])
    """
    a, b = _halves(x, axis)
    form, a64 = _form(approximate), a.astype(np.float64)
    d_b = np.where(np.isnan(b), np.nan, form(a64, False))
    with np.errstate(over="ignore", invalid="ignore"):  # as in geglu
        return np.concatenate([form(a64, True) * b, d_b], axis=axis).astype(a.dtype)


def _halves(x, axis):
    """The halves (a, b) of x along axis; a ValueError unless that length is even."""
    x = np.asarray(x) * 1.0  # integers and booleans become float64, floats keep theirs
    if x.ndim == 0 or x.shape[axis] % 2:
        raise ValueError(f"geglu: x needs an even length along axis {axis}: {x.shape}")
    return np.split(x, 2, axis=axis)


def _exact(t, derivative):
    """x·Φ(x), or Φ(x) + x·φ(x), of float64 t; below −35 Φ(x) = φ(x)·R/|x|."""
    c = np.clip(t, -40, 40)
    h = np.round(c * 2**20) / 2**20  # 26 bits: h·h and h·C1 are exact
    eh = np.exp(-h * h / 2)  # φ(x) = eh·er, as x² = h² + (x − h)(x + h)
    er = np.exp(-(c - h) * (c + h) / 2) / math.sqrt(2 * math.pi)
    a, b = -h * C1, -((c - h) * C1 + c * C2)  # −x/√2 = a + b, a exact
    z = a + b  # −x/√2 = z + ((a − z) + b): erfc(z) corrected to first order
    p = (_erfc(z) - ((a - z) + b) * 2 / math.sqrt(math.pi) * np.exp(-z * z)) / 2
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
    """_tanh for "tanh" or True, _exact for "none" or False."""
    if approximate in (False, "none", True, "tanh"):
        return _tanh if approximate in (True, "tanh") else _exact
    raise ValueError(f"geglu: approximate={approximate!r}; 'tanh'/True or 'none'/False")

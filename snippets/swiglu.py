"""SwiGLU: x split in halves a and b along an axis, SwiGLU = silu(a)·b (a is the gate).

variant="gpt-oss": g·σ(1.702·g)·(clip(b, −7, 7) + 1), g = min(a, 7) (gpt-oss).
"""
import numpy as np

# SiLU' is 0 at X0 + X0_LO (the root of 1 + x + e^x), to twice float64's precision.
X0, X0_LO = -1.2784645427610737, -1.0946994183093437e-16
# gpt-oss: the gate's slope 1.702 = ALPHA + ALPHA_LO (to 1e-33), and the clamp LIMIT.
ALPHA, ALPHA_LO, LIMIT = 1.702, 4.263256414560601e-17, 7.0


def swiglu(x, axis=-1, variant=None):
    """SwiGLU(x) = silu(a)·b = a·σ(a)·b, with a, b = the halves of x along axis.

    x: array_like with an even length along axis (a scalar has no halves).
    variant: None (default), or "gpt-oss": g·σ(1.702·g)·(l + 1), g = min(a, 7) and
        l = clip(b, −7, 7) (gpt-oss interleaves a and b: de-interleave first).
    axis: the axis that is split, default -1 (the last); the output is half as long.

    >>> swiglu([1.0, -2.0, 3.0, 0.5])  # gate a = [1, −2], value b = [3, 0.5]
    array([ 2.19317574, -0.11920292])
    >>> swiglu([20.0, -1.0, 1.0, 20.0], variant="gpt-oss")  # a = 20 → 7, b = 20 → 7
    array([13.99990626, -1.23363387])
    """
    g, _, h, _, dtype = _parts(x, variant, axis)
    with np.errstate(over="ignore", invalid="ignore"):  # inf·0 has no limit: NaN
        return (g * h).astype(dtype)


def swiglu_derivative(x, axis=-1, variant=None):
    """SwiGLU' = [∂y_k/∂a_k, ∂y_k/∂b_k] = [SiLU'(a)·b, silu(a)], in x's shape.

    x: array_like with an even length along axis.
    variant: None (default) or "gpt-oss" (at a = 7 and b = ±7, PyTorch's one-sided
        values).
    axis: the split axis, default -1. Along it the first half holds the diagonal
        of ∂y/∂a, the second that of ∂y/∂b: a vector-Jacobian product is
        g·d[:n], g·d[n:] for the incoming gradient g.

    >>> swiglu_derivative([1.0, -2.0, 3.0, 0.5])
    array([ 2.78301154, -0.04539212,  0.73105858, -0.23840584])
    >>> swiglu_derivative([2.0, np.nan])  # NaN in a pair spoils both entries
    array([nan, nan])
    """
    g, dg, h, dh, dtype = _parts(x, variant, axis)
    with np.errstate(over="ignore", invalid="ignore"):  # inf·0: NaN
        d = np.concatenate([h * dg, dh * g], axis=axis)
        return d.astype(dtype)


def _parts(x, variant, axis):
    """g(a), g'(a), h(b), h'(b) in float64 with y = g(a)·h(b), and x's float dtype."""
    x = np.asarray(x)
    dtype = x.dtype if np.issubdtype(x.dtype, np.floating) else np.dtype(np.float64)
    n = x.shape[axis] if x.ndim else 1
    if x.ndim == 0 or n % 2:
        raise ValueError(f"swiglu: x needs an even length along axis {axis} to split "
                         f"into halves a and b, not {n}")
    if variant not in (None, "gpt-oss"):
        raise ValueError(f"swiglu: variant must be None or 'gpt-oss', not {variant!r}")
    a, b = np.split(x.astype(np.float64), 2, axis=axis)
    if variant is None:
        m, p, lo = a, np.clip(a, -1e300, 1e300), 0.0
        h, dh = b, np.where(np.isnan(b), np.nan, 1.0)
    else:  # t = 1.702·m as p + lo to ~1e-32 (Dekker's product, split at 2^27 + 1)
        m = np.minimum(a, LIMIT)
        c = np.maximum(m, -1000.0)  # below, σ(1.702·m)·m is 0 in float64 anyway
        p, s = ALPHA * c, 134217729.0 * c
        c_hi = s - (s - c)
        a_hi = 134217729.0 * ALPHA - (134217729.0 * ALPHA - ALPHA)
        a_lo, c_lo = ALPHA - a_hi, c - c_hi
        lo = ((a_hi * c_hi - p) + a_hi * c_lo + a_lo * c_hi) + a_lo * c_lo
        lo = lo + ALPHA_LO * c
        h = np.clip(b, -LIMIT, LIMIT) + 1
        dh = np.where(np.isnan(b), np.nan, 1.0 * (np.abs(b) <= LIMIT))
    g, dg = _gate(m, p, lo)
    if variant is not None:
        dg = np.where(a > LIMIT, 0.0, dg)  # the clamp: 0 above 7, the left value at 7
    return g, dg, h, dh, dtype


def _gate(m, p, lo):
    """m·σ(t) and SiLU'(t), t = p + lo (p = m, lo = 0 for SwiGLU), with no overflow."""
    c = np.clip(m, -1e300, 1e300)  # no inf·0 (NaN) in the branch not taken
    s = np.where(p < 0, 1.0, -1.0)  # exp(−|t|) = exp(−|p|)·(1 + s·lo), |lo| tiny
    e = np.exp(-np.abs(p)) * (1 + s * lo)  # in [0, 1]: cannot overflow
    h = np.exp(-np.abs(p) / 2) * (1 + s * lo / 2)
    neg = p < 0
    # m·e/(1 + e) for t < 0, as (m·h)·h where e = h² is subnormal; m/(1 + e) if t ≥ 0
    me = np.where(neg, np.where(e < 1e-300, c * h * h, c * e), m)
    # SiLU'(t) = e^t·G/(1 + e^t)² for t < 0, G = 1 + t + e^t written around its root
    d = (np.minimum(p, 0) - X0) + (lo - X0_LO)  # t − X0 − X0_LO, exact near X0
    big_g = -X0 * d - (1 + X0) * (np.expm1(d) - d)
    h = np.where(neg, h, 1)
    dg = np.where(neg, big_g, 1 + e + p * e) * h * h / (1 + e) ** 2
    return me / (1 + e), dg

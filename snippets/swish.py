"""Swish: x·σ(βx), SiLU with its sigmoid's input scaled by β; derivatives in x and β."""
import numpy as np

def swish(x, beta=1.0):
    """Swish(x) = x·σ(βx) = x / (1 + exp(−βx)); β = 1 is SiLU.

    x: number or array_like, any shape. NaN stays NaN.
    beta: the sigmoid's scale, a number or one per channel (last axis); default 1.0.

    >>> swish([-np.inf, -1.0, 0.0, 1.0, np.nan], beta=2.0)
    array([-0.        , -0.11920292,  0.        ,  0.88079708,         nan])
    >>> float(swish(-70.1, beta=10.0))  # 10·(−70.1) rounds to −701: not used as such
    -2.542647780231859e-303
    """
    x, t, c, z, err, k, e, h = _parts(x, beta)
    xe = np.where(z >= 0, t, np.where(e < 1e-300, c * h * h * k, c * e))  # h·h: no
    return (xe / (1 + e)).astype(x.dtype)[()]  # subnormal e^(βx); [()]: NumPy scalar


def swish_derivative(x, beta=1.0):
    """Swish'(x) = σ(βx)·(1 + βx·σ(−βx)), SiLU' at βx; 0 at x = X0/β.

    x: number or array_like, any shape; NaN stays NaN. beta: default 1.0.

    >>> swish_derivative([-1.0, 0.0, 1.0], beta=2.0)
    array([-0.09078425,  0.5       ,  1.09078425])
    >>> swish_derivative([-np.inf, np.inf, np.nan], beta=0.5)
    array([-0.,  1., nan])
    """
    x, t, c, z, err, k, e, h = _parts(x, beta)
    X0, X0_LO = -1.2784645427610737, -1.0946994183093437e-16  # 1 + u + e^u = 0 there
    d = (np.minimum(z, 0) - X0) + (err - X0_LO)  # βx − X0 − X0_LO: exact near X0
    d = -X0 * d - (1 + X0) * (np.expm1(d) - d)  # 1 + βx + e^(βx) as a series around X0
    d = np.where(z < 0, d * h * h * k, 1 + e + z * e) / (1 + e) ** 2
    return d.astype(x.dtype)[()]


def swish_derivative_beta(x, beta=1.0):
    """∂Swish/∂β = x²·σ(βx)·σ(−βx), the gradient that trains β.

    x: number or array_like, any shape; NaN stays NaN. beta: default 1.0.

    >>> swish_derivative_beta([-2.0, 0.0, 2.0])
    array([0.41997434, 0.        , 0.41997434])
    >>> swish_derivative_beta([-np.inf, 1e200, np.nan], beta=[1.0, 0.5, 2.0])
    array([ 0.,  0., nan])
    """
    x, t, c, z, err, k, e, h = _parts(x, beta)
    return ((c * h) * (c * h) * k / (1 + e) ** 2).astype(x.dtype)[()]  # no x² overflow


def _parts(x, beta):
    """βx = z + err exactly (Dekker), e = e^(−|βx|) = e^(−|z|)·k, h = e^(−|z|/2)."""
    x = _float_array(x)
    t, b = x.astype(np.float64), np.asarray(beta, dtype=np.float64)
    big = 1e300 / np.maximum(np.abs(b), 1)  # |βc| ≤ 1e300: nothing overflows
    c = np.clip(t, -big, big)
    pc, pb = 134217729.0 * c, 134217729.0 * b  # Veltkamp's split into 26-bit halves
    ch, bh = pc - (pc - c), pb - (pb - b)
    z, cl, bl = b * c, c - ch, b - bh
    err = np.where(np.abs(z) < 1e3, ((ch * bh - z) + ch * bl + cl * bh) + cl * bl, 0)
    k = 1 - np.sign(z) * err
    return x, t, c, z, err, k, np.exp(-np.abs(z)) * k, np.exp(-np.abs(z) / 2)


def _float_array(x):
    """x as an ndarray: integers and booleans become float64, float dtypes are kept."""
    x = np.asarray(x)
    return x if np.issubdtype(x.dtype, np.floating) else x.astype(np.float64)

"""ELiSH: x·σ(x) if x ≥ 0, (eˣ − 1)·σ(x) = eˣ·tanh(x/2) if x < 0, and derivatives.

form="hard" uses the hard sigmoid max(0, min(1, (x + 1)/2)) in place of σ.
"""
import numpy as np

# ELiSH' is 0 at X0 + X0_LO = −asinh(1), where tanh(x/2) = 1 − √2; C0 = cosh(X0/2).
X0, X0_LO, C0, R2 = -0.881373587019543, 2.250545892825866e-17, 1.09868411346781, 2**0.5
# HardELiSH' is 0 at H0 + H0_LO = W(e²) − 2, where eˣ·(x + 2) = 1; E0 = e^H0.
H0, H0_LO, E0 = -0.4428544010023886, 1.4810791653201162e-17, 0.6422007040598738


def elish(x, form="soft"):
    """ELiSH(x) = x/(1 + e^(−x)) if x ≥ 0, else (eˣ − 1)/(1 + e^(−x)) = eˣ·tanh(x/2).

    x: number or array_like, any shape. NaN stays NaN.
    form: "soft" (default) for ELiSH; "hard" for HardELiSH: x·H(x) if x ≥ 0, else
        (eˣ − 1)·H(x), with H(x) = max(0, min(1, (x + 1)/2)): 0 below −1, x above 1.

    >>> elish([-1.0, 0.0, 1.0])
    array([-0.1700034 ,  0.        ,  0.73105858])
    >>> elish([-1.0, -0.5, 0.5, 1.0], form="hard")
    array([-0.        , -0.09836734,  0.375     ,  1.        ])
    >>> elish([-np.inf, -1000.0, np.inf, np.nan])
    array([-0., -0., inf, nan])
    """
    x = _float_array(x)
    t = x.astype(np.float64)  # float64 inside, rounded once to the input's dtype
    c = np.maximum(t, -1e3)  # e^(−1000) is 0: the same value, no inf·0
    if form == "hard":
        s = np.clip(t, -1, 1)  # the ramp of H: no overflow in s·(s + 1)
        y = np.where(s < 0, np.expm1(s) * (s + 1) / 2, s * (s + 1) / 2)
        y = np.where(t < -1, -0.0, np.where(t > 1, t, y))
    else:
        e = np.exp(-np.abs(c))  # in [0, 1]: cannot overflow
        y = np.where(t < 0, e * np.tanh(c / 2), t / (1 + e))
    return y.astype(x.dtype)[()]  # [()]: a NumPy scalar, not a 0-d array


def elish_derivative(x, form="soft"):
    """ELiSH'(x) = σ(x)·(1 + x·σ(−x)) if x ≥ 0, else eˣ·(τ + (1 − τ²)/2), τ = tanh(x/2).

    x: number or array_like, any shape. NaN stays NaN. For −3 ≤ x < 0 the bracket is
    (τ − τ0)·(√2 + 1 − τ)/2, τ − τ0 = sinh(d/2)/(cosh(x/2)·C0), d = x − X0.
    form: "soft" (default); "hard" for HardELiSH': 0 for x ≤ −1, (eˣ·(x + 2) − 1)/2 up
        to 0, x + 1/2 up to 1, and 1 from x = 1 on.

    >>> elish_derivative([-1.0, 0.0, 1.0, np.nan])
    array([-0.02534443,  0.5       ,  0.92767051,         nan])
    >>> elish_derivative([-1.0, -0.5, 0.5, 1.0], form="hard")
    array([ 0.        , -0.04510201,  1.        ,  1.        ])
    >>> elish_derivative([-np.inf, -1000.0, np.inf])
    array([-0., -0.,  1.])
    """
    x = _float_array(x)
    t = np.clip(x.astype(np.float64), -1e3, 1e300)  # float64 inside; no inf·0
    if form == "hard":
        d = (np.clip(t, -1, 0) - H0) - H0_LO  # eˣ(x + 2) − 1 = expm1(d) + E0·d·e^d
        g = np.where(t < 0, (np.expm1(d) + E0 * d * np.exp(d)) / 2, t + 0.5)
        g = np.where(t <= -1, 0.0, np.where(t >= 1, 1.0, g))
    else:
        e, n = np.exp(-np.abs(t)), np.clip(t, -3, 0)
        d = (n - X0) - X0_LO  # x − X0, exact near X0
        tau = np.tanh(n / 2)
        br = np.sinh(d / 2) / (np.cosh(n / 2) * C0) * (R2 + 1 - tau) / 2
        far = np.tanh(t / 2) + 2 * e / (1 + e) ** 2  # x < −3: τ + sech²(x/2)/2
        pos = (1 + e + t * e) / (1 + e) ** 2  # x ≥ 0: SiLU'
        g = np.where(t < 0, e * np.where(t < -3, far, br), pos)
    return np.where(np.isnan(x), x, g).astype(x.dtype)[()]


def _float_array(x):
    """x as an ndarray: integers and booleans become float64, float dtypes are kept."""
    x = np.asarray(x)
    return x if np.issubdtype(x.dtype, np.floating) else x.astype(np.float64)

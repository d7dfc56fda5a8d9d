"""E-swish: β·x·σ(x), SiLU multiplied by β (Swish scales σ's input instead); derivative.

exp is only taken of −|x| ≤ 0: the naive β·x / (1 + exp(−x)) is NaN at x = −inf.
"""
import numpy as np

# f' is 0 at X0 + X0_LO (the root of 1 + x + eˣ, as SiLU's), to twice float64's
# precision.
X0, X0_LO = -1.2784645427610737, -1.0946994183093437e-16


def e_swish(x, beta=1.5):
    """E-swish(x) = β·x·σ(x) = β·x / (1 + exp(−x)); minimum β·(1 + X0) at X0.

    x: number or array_like, any shape. NaN stays NaN.
    beta: the factor, a number; Alcaide used 1 ≤ β ≤ 2; default 1.5.

    >>> e_swish([-1.0, 0.0, 1.0])
    array([-0.40341213,  0.        ,  1.09658787])
    >>> float(e_swish(-40.0, beta=2.0))  # the tail keeps its full relative precision
    -3.398683404233271e-16
    >>> e_swish([-np.inf, -1000.0, np.inf, np.nan])
    array([-0., -0., inf, nan])
    """
    x = _float_array(x)
    t = x.astype(np.float64)  # float64 inside, rounded once to the input's dtype
    c = np.clip(t, -1e300, 1e300)  # no inf·0 (NaN) in the branch not taken
    e, h = np.exp(-np.abs(c)), np.exp(-np.abs(c) / 2)  # in [0, 1]: cannot overflow
    # x/(1 + e) for x ≥ 0, x·e/(1 + e) for x < 0, as (x·h)·h where e = eˣ is subnormal.
    xe = np.where(t >= 0, t, np.where(e < 1e-300, c * h * h, c * e))
    with np.errstate(over="ignore"):  # β·x above the largest float: inf is its value
        return (beta * (xe / (1 + e))).astype(x.dtype)[()]  # [()]: a NumPy scalar


def e_swish_derivative(x, beta=1.5):
    """E-swish'(x) = β·σ(x)·(1 + x·σ(−x)) = f(x) + σ(x)·(β − f(x)); 0 at X0.

    x: number or array_like, any shape. NaN stays NaN. beta: default 1.5.
    For x < 0, 1 + x + eˣ is written around its root X0, as in SiLU's snippet.

    >>> e_swish_derivative([-1.0, 0.0, 1.0, np.nan])
    array([0.10849423, 0.75      , 1.39150577,        nan])
    >>> e_swish_derivative([-np.inf, -1000.0, np.inf], beta=2.0)
    array([-0., -0.,  2.])
    """
    x = _float_array(x)
    t = np.clip(x.astype(np.float64), -1e300, 1e300)  # in float64 for X0_LO; no inf·0
    e, h = np.exp(-np.abs(t)), np.exp(-np.abs(t) / 2)
    # SiLU' = eˣ·g / (1 + eˣ)² for x < 0, g = 1 + x + eˣ around its root
    # (e^X0 = −(1 + X0)); (1 + e + x·e) / (1 + e)² with e = e^(−x) for x ≥ 0.
    d = (np.minimum(t, 0) - X0) - X0_LO  # x − X0 − X0_LO, exact near X0
    g = -X0 * d - (1 + X0) * (np.expm1(d) - d)
    neg = t < 0
    h = np.where(neg, h, 1)
    d = np.where(neg, g, 1 + e + t * e) * h * h / (1 + e) ** 2
    return (beta * d).astype(x.dtype)[()]


def _float_array(x):
    """x as an ndarray: integers and booleans become float64, float dtypes are kept."""
    x = np.asarray(x)
    return x if np.issubdtype(x.dtype, np.floating) else x.astype(np.float64)

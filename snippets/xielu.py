"""xIELU: alpha_p·x² + beta·x for x > 0, else alpha_n·(eˣ − 1 − x) + beta·x.
For x ≤ 0 written around its minimum XD and its zero XR: no digits lost there."""
import numpy as np

# For (alpha_n, beta) = (0.8, 0.5), to twice float64's precision: f' = 0 at XD + XD_LO
# = log(3/8), f = 0 at XR + XR_LO; S = f'(XR), A = 0.8·e^XR and F_MIN = f(XD).
XD, XD_LO = -0.9808292530117262, -4.9262074302888635e-17
XR, XR_LO = -2.432484276931448, -1.4281893900854287e-16
S, A, F_MIN = -0.22974528307943448, 0.07025471692056554, -0.20575122409648214
_C = 1 / np.cumprod(np.arange(2.0, 26.0))[::-1]  # 1/25!, ..., 1/2!


def xielu(x, alpha_p=0.8, alpha_n=0.8, beta=0.5, eps=None):
    """xIELU(x) = alpha_p·x² + beta·x if x > 0, else alpha_n·(expm1(x) − x) + beta·x.

    x: number or array_like, any shape. NaN stays NaN.
    alpha_p: learned, default 0.8, > 0; alpha_n: learned, default 0.8 (arrays broadcast
       against x: one per channel); beta: fixed, default 0.5. alpha_n > beta gives f a
       minimum at XD = log(1 − beta/alpha_n); alpha_n ≤ beta an increasing f.
    eps: None (default) for the function itself; a number ε < 0 computes, as the
       reference code does, expm1(min(x, ε)) in place of expm1(x): a jump at 0.

    >>> xielu([-3.0, -1.0, 0.0, 2.0])
    array([ 0.13982965, -0.20569645,  0.        ,  4.2       ])
    >>> xielu([-np.inf, -1e300, np.inf, np.nan])
    array([    inf, 3.e+299,     inf,     nan])
    >>> float(xielu(0.0, eps=-1e-6))  # 0.8·expm1(−1e−6) in place of 0
    -7.999996000001334e-07
    """
    x, t, p, dflt, xd, lo, mono = _split(x, alpha_n, beta)
    f_min = np.where(dflt, F_MIN, -beta - (alpha_n - beta) * xd)
    with np.errstate(over="ignore"):  # alpha_p·x² above the largest float: inf
        c, d, k = np.maximum(t, xd / 2), (t - XR) - XR_LO, np.subtract(beta, alpha_n)
        mid = f_min + (alpha_n - beta) * _g((t - xd) - lo)  # f(XD) + ∫ f' from XD
        neg = np.where(dflt & (t < (XR + XD) / 2), S * d + A * _g(d), mid)
        neg = np.where(t < xd / 2, neg, beta * c + alpha_n * _g(c))
        neg = np.where(mono, alpha_n * np.expm1(t) + k * np.where(k == 0, 0, t), neg)
        if eps is not None:  # np.fmax(t, eps): t where it is used, never −inf
            neg = np.where(t > eps, alpha_n * np.expm1(eps) + k * np.fmax(t, eps), neg)
        y = np.where(x > 0, p * (alpha_p * p + beta), neg)
        return y.astype(x.dtype)[()]  # [()]: a NumPy scalar, not a 0-d array


def xielu_derivative(x, alpha_p=0.8, alpha_n=0.8, beta=0.5, eps=None):
    """xIELU'(x) = 2·alpha_p·x + beta if x > 0, else (alpha_n − beta)·expm1(x − XD).

    x: number or array_like. NaN stays NaN. For x ≤ 0 this is alpha_n·eˣ − alpha_n
    + beta, written around its zero XD = log(1 − beta/alpha_n).
    alpha_p: default 0.8; alpha_n: default 0.8; beta: default 0.5 (see xielu).
    eps: None (default); a number ε < 0: beta − alpha_n for ε < x ≤ 0.

    >>> xielu_derivative([-np.inf, -1.0, 0.0, 1.0, np.nan])
    array([-0.3       , -0.00569645,  0.5       ,  2.1       ,         nan])
    >>> float(xielu_derivative(XD))  # exact: 1.4778622290866591e-17
    1.4778622290866594e-17
    """
    x, t, p, dflt, xd, lo, mono = _split(x, alpha_n, beta)
    with np.errstate(over="ignore"):
        neg = (alpha_n - beta) * np.expm1((t - xd) - lo)
        neg = np.where(mono, alpha_n * np.exp(t) + (beta - alpha_n), neg)
        if eps is not None:
            neg = np.where(t > eps, beta - alpha_n, neg)
        y = np.where(x > 0, 2 * alpha_p * p + beta, neg)
        return y.astype(x.dtype)[()]


def xielu_derivative_alpha_p(x, alpha_p=0.8, alpha_n=0.8, beta=0.5, eps=None):
    """∂xIELU/∂alpha_p = x² if x > 0, else 0.

    x: number or array_like. alpha_p: 0.8, alpha_n: 0.8, beta: 0.5, eps: None: unused.

    >>> xielu_derivative_alpha_p([-2.0, 0.0, 3.0, np.nan])
    array([ 0.,  0.,  9., nan])
    >>> float(xielu_derivative_alpha_p(1e200))
    inf
    """
    x, t, p = _split(x, alpha_n, beta)[:3]
    with np.errstate(over="ignore"):
        return np.where(x <= 0, 0.0, p * p).astype(x.dtype)[()]


def xielu_derivative_alpha_n(x, alpha_p=0.8, alpha_n=0.8, beta=0.5, eps=None):
    """∂xIELU/∂alpha_n = expm1(x) − x if x ≤ 0, else 0.

    x: number or array_like. NaN stays NaN. alpha_p: 0.8, alpha_n: 0.8, beta: 0.5 as
    in xielu; eps: None (default), or ε < 0: expm1(min(x, ε)) − x.

    >>> xielu_derivative_alpha_n([-np.inf, -1.0, 0.0, 1.0, np.nan])
    array([       inf, 0.36787944, 0.        , 0.        ,        nan])
    >>> float(xielu_derivative_alpha_n(-1e-10))  # naive: 4.999996610153345e-21
    4.999999999833334e-21
    """
    x, t = _split(x, alpha_n, beta)[:2]
    dn = _g(t) if eps is None else np.where(t > eps, _g(eps) + (eps - t), _g(t))
    with np.errstate(over="ignore"):
        return np.where(x > 0, 0.0, dn).astype(x.dtype)[()]


def _g(e):  # eᵉ − 1 − e: its Taylor series e²·Σ eᵏ/(k + 2)! for |e| ≤ 2
    c = np.clip(e, -2, 2)
    return np.where(np.abs(e) <= 2, c * c * np.polyval(_C, c), np.expm1(e) - e)


def _split(x, alpha_n, beta):  # x; min(x, 0), max(x, 0); defaults?; XD; no minimum?
    x = np.asarray(x)
    x = x if np.issubdtype(x.dtype, np.floating) else x.astype(np.float64)
    t, dflt = x.astype(np.float64), np.equal(alpha_n, 0.8) & np.equal(beta, 0.5)
    mono = ~np.greater(alpha_n, beta)  # alpha_n ≤ beta: f increasing, no XD
    xd = np.where(dflt, XD, np.log1p(-np.divide(beta, np.where(mono, np.inf, alpha_n))))
    return x, np.minimum(t, 0), np.maximum(t, 0), dflt, xd, XD_LO * dflt, mono

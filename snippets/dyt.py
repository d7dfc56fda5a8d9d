"""Dynamic Tanh tanh(αx) and its derivatives in x and in α, accurate in the tails.

A DyT layer computes γ·tanh(αx) + β per channel; γ and β are not part of these."""
import numpy as np


def dyt(x, alpha=0.5):
    """DyT(x) = tanh(αx), in (−1, 1).

    x: number or array_like, any shape. NaN stays NaN.
    alpha: the learned scale (a number, or an array broadcast against x);
        default 0.5, its initial value in the authors' code.

    >>> dyt([-np.inf, -2.0, 0.0, 2.0, np.nan])
    array([-1.        , -0.76159416,  0.        ,  0.76159416,         nan])
    >>> dyt([1.0, 1e308], alpha=3.0)  # 3·1e308 would overflow: not computed
    array([0.99505475, 1.        ])
    """
    return _parts(x, alpha, None)


def dyt_derivative(x, alpha=0.5):
    """DyT'(x) = α·sech²(αx) = α·(2t / (1 + t²))², with t = exp(−|αx|).

    x: number or array_like, any shape. NaN stays NaN. alpha: default 0.5.

    >>> dyt_derivative([-2.0, 0.0, 2.0])
    array([0.20998717, 0.5       , 0.20998717])
    >>> float(dyt_derivative(100.1, alpha=3.0))  # exact: 1.745482162262776e−260
    1.7454821622627756e-260
    """
    return _parts(x, alpha, lambda a, c: a)


def dyt_derivative_alpha(x, alpha=0.5):
    """∂DyT/∂α = x·sech²(αx), the gradient that trains α.

    x: number or array_like, any shape. NaN stays NaN. alpha: default 0.5.

    >>> dyt_derivative_alpha([-2.0, 0.0, 2.0])
    array([-0.83994868,  0.        ,  0.83994868])
    >>> dyt_derivative_alpha([-np.inf, 1e300, np.nan])
    array([-0.,  0., nan])
    """
    return _parts(x, alpha, lambda a, c: c)  # c: x clipped, so no inf·0


def _parts(x, alpha, factor):
    """tanh(αx), or factor(α, x)·sech²(αx), with αx kept exactly as z + err."""
    x = np.asarray(x) * 1.0  # integers and booleans become float64, floats keep theirs
    a = np.asarray(alpha, dtype=np.float64)
    c = np.clip(x.astype(np.float64), -1e300, 1e300)  # so that αc cannot overflow
    pc, pa = 134217729.0 * c, 134217729.0 * a  # Veltkamp's split: 26-bit halves
    ch, ah = pc - (pc - c), pa - (pa - a)
    z, cl, al = a * c, c - ch, a - ah  # Dekker's product: αc = z + err exactly
    err = np.where(np.abs(z) < 1e3, ((ch * ah - z) + ch * al + cl * ah) + cl * al, 0)
    t = np.exp(-np.abs(z)) * (1 - np.sign(z) * err)  # e^(−|z + err|), to first order
    sech2 = (2 * t / (1 + t * t)) ** 2
    y = np.tanh(z) + err * sech2 if factor is None else factor(a, c) * sech2
    y = np.where((err == 0) & (factor is None), np.tanh(z), y)  # keeps −0.0
    return y.astype(x.dtype)[()]

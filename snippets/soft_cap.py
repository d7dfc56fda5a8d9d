"""Logit soft-capping cap·tanh(x/cap) (Gemma 2) and its derivative, to a few ULP."""
import numpy as np


def soft_cap(x, cap=30.0):
    """soft_cap(x) = cap·tanh(x/cap), in (−cap, cap); close to x for |x| ≪ cap.

    x: number or array_like, any shape. NaN stays NaN.
    cap: the bound, a positive number; default 30.0 (Gemma 2's final logits).

    >>> soft_cap([-np.inf, -100.0, 0.0, 10.0, 100.0, np.nan])
    array([-30.        , -29.92373902,   0.        ,   9.64538213,
            29.92373902,          nan])
    >>> float(soft_cap(1e-320))  # 30·tanh(1e−320/30) gives 9.93e−321
    1e-320
    """
    x, c, y, y_lo, cap = _parts(x, cap)
    small = np.abs(y) < 1e-3  # tanh(y)/y as a series there, and no 0/0
    w = np.where(small, 1.0, y)
    r = np.where(small, 1 - y * y / 3 * (1 - 2 * y * y / 5), np.tanh(w) / w)
    big = np.abs(y) >= 1  # where cap·tanh(y) loses nothing
    return np.where(big, cap * np.tanh(y), c * r).astype(x.dtype)[()]


def soft_cap_derivative(x, cap=30.0):
    """soft_cap'(x) = sech²(x/cap) = (2t / (1 + t²))², with t = exp(−|x/cap|).

    x: number or array_like, any shape. NaN stays NaN. cap: default 30.0.

    >>> soft_cap_derivative([-30.0, 0.0, 30.0])
    array([0.41997434, 1.        , 0.41997434])
    >>> float(soft_cap_derivative(1000.1))  # exact: 4.4279145836742997e−29
    4.427914583674299e-29
    """
    x, c, y, y_lo, cap = _parts(x, cap)
    t = np.exp(-np.abs(y)) * (1 - np.sign(y) * y_lo)  # e^(−|y + y_lo|)
    sech = 2 * t / (1 + t * t)
    return (sech * sech).astype(x.dtype)[()]


def _parts(x, cap):
    """x clipped to c = ±1000·cap, and c/cap = y + y_lo to twice float64's precision."""
    x = np.asarray(x) * 1.0  # integers and booleans become float64, floats keep theirs
    cap = np.asarray(cap, dtype=np.float64)
    c = np.clip(x.astype(np.float64), -1000 * cap, 1000 * cap)
    y = c / cap
    py, pk = 134217729.0 * y, 134217729.0 * cap  # Veltkamp's split: 26-bit halves
    yh, kh = py - (py - y), pk - (pk - cap)
    p, yl, kl = y * cap, y - yh, cap - kh  # Dekker: y·cap = p + pe exactly
    pe = ((yh * kh - p) + yh * kl + yl * kh) + yl * kl
    return x, c, y, ((c - p) - pe) / cap, cap

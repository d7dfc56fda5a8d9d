"""Randomized leaky ReLU: x for x >= 0 and a·x for x < 0, the slope a drawn at random.

rng=None is evaluation mode (a = (lower + upper)/2); a numpy Generator, training mode.
"""
import numpy as np


def rrelu(x, lower=0.125, upper=1 / 3, rng=None):
    """RReLU(x) = x if x >= 0 else a·x, a ~ U(lower, upper) per element in training.

    x: number or array_like, any shape.
    lower: lower bound of the random slope, default 0.125 (PyTorch's 1/8).
    upper: upper bound of the random slope, default 0.3333333333333333 (1/3).
    rng: None (default) for evaluation mode, the mean slope (lower + upper)/2;
        a numpy.random.Generator for training mode: one slope per element.

    >>> rrelu([-2.0, 0.0, 3.0, np.nan])  # slope 11/48 for x < 0
    array([-0.45833333,  0.        ,  3.        ,         nan])
    >>> rrelu([-2.0, -2.0, 3.0], rng=np.random.default_rng(0))  # two slopes
    array([-0.5154007 , -0.36241113,  3.        ])
    """
    x = _float_array(x)
    a = _slope(x, lower, upper, rng)
    with np.errstate(invalid="ignore"):  # 0·(−inf) is NaN; for slope 0 the limit is 0
        neg = np.where(np.equal(a, 0), 0, a * np.minimum(x, 0))
    return (np.maximum(x, 0) + neg)[()]


def rrelu_derivative(x, lower=0.125, upper=1 / 3, rng=None):
    """RReLU'(x) = 1 if x > 0 else a (also at the kink 0, as PyTorch).

    x: number or array_like, any shape. NaN stays NaN.
    lower: lower bound of the random slope, default 0.125.
    upper: upper bound of the random slope, default 0.3333333333333333.
    rng: None (default) for evaluation mode; a Generator in the same state as
        the one given to rrelu draws the same slopes.

    >>> rrelu_derivative([-2.0, 0.0, 3.0, np.nan])
    array([0.22916667, 0.22916667, 1.        ,        nan])
    >>> rrelu_derivative([-2.0, -2.0, 3.0], rng=np.random.default_rng(0))
    array([0.25770035, 0.18120557, 1.        ])
    """
    x = _float_array(x)
    a = _slope(x, lower, upper, rng)
    # np.clip(x, a, a) is a, or NaN where x is NaN (x > 0 is False there);
    # + 0 turns the −0.0 that clip keeps for x = −0.0 (when a = 0) into +0.0
    return np.where(x > 0, 1.0, np.clip(x, a, a))[()] + 0


def _slope(x, lower, upper, rng):
    """The mean slope (rng None), or one slope per element from U(lower, upper)."""
    if rng is None:
        return (lower + upper) / 2
    return rng.uniform(lower, upper, size=x.shape).astype(x.dtype)  # drawn for all x


def _float_array(x):
    """x as an ndarray: integers and booleans become float64, float dtypes are kept."""
    x = np.asarray(x)
    return x if np.issubdtype(x.dtype, np.floating) else x.astype(np.float64)

"""StarReLU, scale·max(x, 0)² + bias (Yu et al. 2022). The defaults 2/√5 and −1/√5 give
mean 0 and variance 1 for a standard-normal input; MetaFormer learns both."""
import numpy as np

S, B = 0.8944271909999159, -0.4472135954999579  # 2/√5 and −1/√5, rounded to float64


def star_relu(x, scale=S, bias=B):
    """StarReLU(x) = scale·max(x, 0)² + bias, correctly rounded next to its zero too.

    x: number or array_like; float32 and float16 are kept, NaN stays NaN. scale: default
    0.8944271909999159; bias: default -0.4472135954999579 (or arrays, one per channel).
    >>> star_relu([-1.0, 0.0, 1.0, 2.0])
    array([-0.4472136 , -0.4472136 ,  0.4472136 ,  3.13049517])
    >>> float(star_relu(np.sqrt(0.5)))  # next to the zero 1/√2; naive: 5.55e-17
    6.11413313588546e-17
    """
    x = np.asarray(x) * 1.0  # integers and booleans become float64, floats are kept
    r = np.maximum(x, 0).astype(np.float64)
    r0 = np.where(r < 1e100, r, 0)  # where the two roundings below can matter
    with np.errstate(over="ignore"):  # scale·x² above float max: inf is its value
        e = _product_error(scale, r0 * r0) + scale * _product_error(r0, r0)
        return (scale * (r * r) + bias + e).astype(x.dtype)[()]


def star_relu_derivative(x, scale=S, bias=B):
    """StarReLU'(x) = 2·scale·max(x, 0): continuous, 0 at x = 0. NaN stays NaN.
    x: number or array_like. scale: default 0.8944271909999159; bias: default
    -0.4472135954999579 (unused here and in the next two functions).
    >>> star_relu_derivative([-1.0, 0.0, 1.0, np.nan])
    array([0.        , 0.        , 1.78885438,        nan])
    >>> float(star_relu_derivative(np.inf))
    inf
    """
    x = np.asarray(x)
    x = x if np.issubdtype(x.dtype, np.floating) else x * 1.0  # no copy of floats
    d = np.maximum(x, 0).astype(np.float64, copy=False)  # float64: rounded once, below
    with np.errstate(over="ignore"):  # 2·scale·x above the largest float is inf
        d *= 2 * scale  # in place: no second array
        return d.astype(x.dtype, copy=False)[()]


def star_relu_derivative_scale(x, scale=S, bias=B):
    """∂StarReLU/∂scale = max(x, 0)². x: number or array_like.

    scale: default 0.8944271909999159; bias: default -0.4472135954999579.
    >>> star_relu_derivative_scale([-1.0, 0.5, 3.0, np.nan])
    array([0.  , 0.25, 9.  ,  nan])
    >>> float(star_relu_derivative_scale(1e200))  # exact: 1e400
    inf
    """
    with np.errstate(over="ignore"):  # x² above the largest float is inf
        return np.square(np.maximum(np.asarray(x) * 1.0, 0))[()]


def star_relu_derivative_bias(x, scale=S, bias=B):
    """∂StarReLU/∂bias = 1 (NaN where x is NaN). x: number or array_like.

    scale: default 0.8944271909999159; bias: default -0.4472135954999579.
    >>> star_relu_derivative_bias([-1.0, 0.0, 2.0, np.nan])
    array([ 1.,  1.,  1., nan])
    >>> star_relu_derivative_bias(np.float32(-3.0))
    np.float32(1.0)
    """
    x = np.asarray(x) * 1.0
    return np.where(np.isnan(x), x, 1)[()]


def _product_error(a, b):
    """a·b − fl(a·b) exactly (Dekker): 26-bit halves hi + lo; |a|, |b| < 1e200."""
    c, d = 134217729.0 * a, 134217729.0 * b
    ah, bh = c - (c - a), d - (d - b)
    return ((ah * bh - a * b) + ah * (b - bh) + (a - ah) * bh) + (a - ah) * (b - bh)

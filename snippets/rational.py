"""Rational (Padé) activation of degrees (5, 4), safe denominator (PAU, KAT):
R(x) = (a0 + a1·x + ... + a5·x^5)/(1 + |b1|·|x| + ... + |b4|·|x|^4), all learned.
"""
import numpy as np

# KAT's "swish" initialisation (github.com/Adamdad/rational_kat_cu, init.json): ≈ SiLU
A0, A1, A2 = 3.054879741161051e-07, 0.5000007853744493, 0.24999783422824703
A3, A4, A5 = 0.05326628273219478, 0.005803034571292244, 0.0002751961022402342
B1, B2 = -4.111554955950634e-06, 0.10652899335007572
B3, B4 = -1.2690007399796238e-06, 0.0005502331264140556


def rational(x, a0=A0, a1=A1, a2=A2, a3=A3, a4=A4, a5=A5,
             b1=B1, b2=B2, b3=B3, b4=B4):
    """R(x) = P(x)/Q(x); Q ≥ 1 has no poles; about x/2 for large |x|.
    x: number or array_like, any shape; NaN stays NaN.
    a0: 3.054879741161051e-07, a1: 0.5000007853744493, a2: 0.24999783422824703,
    a3: 0.05326628273219478, a4: 0.005803034571292244, a5: 0.0002751961022402342,
    b1: -4.111554955950634e-06, b2: 0.10652899335007572,
    b3: -1.2690007399796238e-06, b4: 0.0005502331264140556 (KAT's Swish fit).

    >>> rational([-3.0, 0.0, 1.0, 3.0])  # SiLU: -0.14227762, 0, 0.73105858, 2.85772238
    array([-1.42278818e-01,  3.05487974e-07,  7.31058343e-01,  2.85772119e+00])
    >>> rational([-np.inf, -1e308, np.inf, np.nan])  # ≈ (a5/|b4|)·x, no overflow
    array([           -inf, -5.00144555e+307,             inf,             nan])
    """
    x, big, u, v, n, q, a, b = _parts(x, a0, a1, a2, a3, a4, a5, b1, b2, b3, b4)
    with np.errstate(all="ignore"):  # x = ±inf: u = 1/x = ±0, n/q = a5/|b4|
        return _cast(np.where(big, x, 1) * n / q, x)


def rational_derivative(x, a0=A0, a1=A1, a2=A2, a3=A3, a4=A4, a5=A5,
                        b1=B1, b2=B2, b3=B3, b4=B4):
    """R'(x) = P'(x)/Q(x) − P(x)·sign(x)·Q'(|x|)/Q(x)²; at 0, a1 − a0·|b1|.
    x: number or array_like, any shape; NaN stays NaN.
    At the kink 0 (if a0·b1 ≠ 0) the right-hand value, as KAT's Triton kernel.
    a0: 3.054879741161051e-07, a1: 0.5000007853744493, a2: 0.24999783422824703,
    a3: 0.05326628273219478, a4: 0.005803034571292244, a5: 0.0002751961022402342,
    b1: -4.111554955950634e-06, b2: 0.10652899335007572,
    b3: -1.2690007399796238e-06, b4: 0.0005502331264140556 (KAT's Swish fit).

    >>> rational_derivative([-3.0, 0.0, 1.0, np.nan])
    array([-0.0880869 ,  0.50000079,  0.92767147,         nan])
    >>> rational_derivative([-np.inf, -1e308, np.inf])  # a5/|b4|
    array([0.50014456, 0.50014456, 0.50014456])
    """
    x, big, u, v, n, q, a, b = _parts(x, a0, a1, a2, a3, a4, a5, b1, b2, b3, b4)
    k = np.arange(1, 6)
    dn = _horner(u, big, a[1:] * k.reshape((5,) + (1,) * (a.ndim - 1)))  # P'
    dq = _horner(v, big, np.abs(b) * k[:4].reshape((4,) + (1,) * (b.ndim - 1)))
    s = np.where(~big & (u < 0), -1, 1)  # sign(x) where |x| ≤ 1, +1 at ±0
    with np.errstate(all="ignore"):
        return _cast((dn - n * s * dq / q) / q, x)


def rational_derivative_a0(x, a0=A0, a1=A1, a2=A2, a3=A3, a4=A4, a5=A5,
                           b1=B1, b2=B2, b3=B3, b4=B4):
    """∂R/∂a0 = 1/Q(x).
    x: number or array_like, any shape; NaN stays NaN.
    a0: 3.054879741161051e-07, a1: 0.5000007853744493, a2: 0.24999783422824703,
    a3: 0.05326628273219478, a4: 0.005803034571292244, a5: 0.0002751961022402342,
    b1: -4.111554955950634e-06, b2: 0.10652899335007572,
    b3: -1.2690007399796238e-06, b4: 0.0005502331264140556 (KAT's Swish fit).

    >>> rational_derivative_a0([-2.0, 0.0, 0.5, np.nan])
    array([0.69689418, 1.        , 0.9740239 ,        nan])
    >>> rational_derivative_a0([-np.inf, 1e300, np.inf])
    array([0., 0., 0.])
    """
    x, big, u, v, n, q, a, b = _parts(x, a0, a1, a2, a3, a4, a5, b1, b2, b3, b4)
    with np.errstate(all="ignore"):  # |x| > 1: x^0/Q = u^4/(Q/x^4), u = 1/x
        return _cast(np.where(big, u ** 4, u ** 0) / q + 0.0, x)


def rational_derivative_a1(x, a0=A0, a1=A1, a2=A2, a3=A3, a4=A4, a5=A5,
                           b1=B1, b2=B2, b3=B3, b4=B4):
    """∂R/∂a1 = x/Q(x).
    x: number or array_like, any shape; NaN stays NaN.
    a0: 3.054879741161051e-07, a1: 0.5000007853744493, a2: 0.24999783422824703,
    a3: 0.05326628273219478, a4: 0.005803034571292244, a5: 0.0002751961022402342,
    b1: -4.111554955950634e-06, b2: 0.10652899335007572,
    b3: -1.2690007399796238e-06, b4: 0.0005502331264140556 (KAT's Swish fit).

    >>> rational_derivative_a1([-2.0, 0.0, 0.5, np.nan])
    array([-1.39378837,  0.        ,  0.48701195,         nan])
    >>> rational_derivative_a1([-np.inf, 1e300, np.inf])
    array([0., 0., 0.])
    """
    x, big, u, v, n, q, a, b = _parts(x, a0, a1, a2, a3, a4, a5, b1, b2, b3, b4)
    with np.errstate(all="ignore"):  # |x| > 1: x^1/Q = u^3/(Q/x^4), u = 1/x
        return _cast(np.where(big, u ** 3, u ** 1) / q + 0.0, x)


def rational_derivative_a2(x, a0=A0, a1=A1, a2=A2, a3=A3, a4=A4, a5=A5,
                           b1=B1, b2=B2, b3=B3, b4=B4):
    """∂R/∂a2 = x^2/Q(x).
    x: number or array_like, any shape; NaN stays NaN.
    a0: 3.054879741161051e-07, a1: 0.5000007853744493, a2: 0.24999783422824703,
    a3: 0.05326628273219478, a4: 0.005803034571292244, a5: 0.0002751961022402342,
    b1: -4.111554955950634e-06, b2: 0.10652899335007572,
    b3: -1.2690007399796238e-06, b4: 0.0005502331264140556 (KAT's Swish fit).

    >>> rational_derivative_a2([-2.0, 0.0, 0.5, np.nan])
    array([2.78757673, 0.        , 0.24350598,        nan])
    >>> rational_derivative_a2([-np.inf, 1e300, np.inf])
    array([0., 0., 0.])
    """
    x, big, u, v, n, q, a, b = _parts(x, a0, a1, a2, a3, a4, a5, b1, b2, b3, b4)
    with np.errstate(all="ignore"):  # |x| > 1: x^2/Q = u^2/(Q/x^4), u = 1/x
        return _cast(np.where(big, u ** 2, u ** 2) / q + 0.0, x)


def rational_derivative_a3(x, a0=A0, a1=A1, a2=A2, a3=A3, a4=A4, a5=A5,
                           b1=B1, b2=B2, b3=B3, b4=B4):
    """∂R/∂a3 = x^3/Q(x).
    x: number or array_like, any shape; NaN stays NaN.
    a0: 3.054879741161051e-07, a1: 0.5000007853744493, a2: 0.24999783422824703,
    a3: 0.05326628273219478, a4: 0.005803034571292244, a5: 0.0002751961022402342,
    b1: -4.111554955950634e-06, b2: 0.10652899335007572,
    b3: -1.2690007399796238e-06, b4: 0.0005502331264140556 (KAT's Swish fit).

    >>> rational_derivative_a3([-2.0, 0.0, 0.5, np.nan])
    array([-5.57515346,  0.        ,  0.12175299,         nan])
    >>> rational_derivative_a3([-np.inf, 1e300, np.inf])
    array([0.00000000e+000, 1.81741148e-297, 0.00000000e+000])
    """
    x, big, u, v, n, q, a, b = _parts(x, a0, a1, a2, a3, a4, a5, b1, b2, b3, b4)
    with np.errstate(all="ignore"):  # |x| > 1: x^3/Q = u^1/(Q/x^4), u = 1/x
        return _cast(np.where(big, u ** 1, u ** 3) / q + 0.0, x)


def rational_derivative_a4(x, a0=A0, a1=A1, a2=A2, a3=A3, a4=A4, a5=A5,
                           b1=B1, b2=B2, b3=B3, b4=B4):
    """∂R/∂a4 = x^4/Q(x).
    x: number or array_like, any shape; NaN stays NaN.
    a0: 3.054879741161051e-07, a1: 0.5000007853744493, a2: 0.24999783422824703,
    a3: 0.05326628273219478, a4: 0.005803034571292244, a5: 0.0002751961022402342,
    b1: -4.111554955950634e-06, b2: 0.10652899335007572,
    b3: -1.2690007399796238e-06, b4: 0.0005502331264140556 (KAT's Swish fit).

    >>> rational_derivative_a4([-2.0, 0.0, 0.5, np.nan])
    array([11.15030693,  0.        ,  0.06087649,         nan])
    >>> rational_derivative_a4([-np.inf, 1e300, np.inf])
    array([1817.41147887, 1817.41147887, 1817.41147887])
    """
    x, big, u, v, n, q, a, b = _parts(x, a0, a1, a2, a3, a4, a5, b1, b2, b3, b4)
    with np.errstate(all="ignore"):  # |x| > 1: x^4/Q = u^0/(Q/x^4), u = 1/x
        return _cast(np.where(big, u ** 0, u ** 4) / q + 0.0, x)


def rational_derivative_a5(x, a0=A0, a1=A1, a2=A2, a3=A3, a4=A4, a5=A5,
                           b1=B1, b2=B2, b3=B3, b4=B4):
    """∂R/∂a5 = x^5/Q(x).
    x: number or array_like, any shape; NaN stays NaN.
    a0: 3.054879741161051e-07, a1: 0.5000007853744493, a2: 0.24999783422824703,
    a3: 0.05326628273219478, a4: 0.005803034571292244, a5: 0.0002751961022402342,
    b1: -4.111554955950634e-06, b2: 0.10652899335007572,
    b3: -1.2690007399796238e-06, b4: 0.0005502331264140556 (KAT's Swish fit).

    >>> rational_derivative_a5([-2.0, 0.0, 0.5, np.nan])
    array([-22.30061386,   0.        ,   0.03043825,          nan])
    >>> rational_derivative_a5([-np.inf, 1e300, np.inf])
    array([           -inf, 1.81741148e+303,             inf])
    """
    x, big, u, v, n, q, a, b = _parts(x, a0, a1, a2, a3, a4, a5, b1, b2, b3, b4)
    with np.errstate(all="ignore"):  # |x| > 1: x^5/Q = u^-1/(Q/x^4), u = 1/x
        return _cast(np.where(big, x, u ** 5) / q + 0.0, x)


def rational_derivative_b1(x, a0=A0, a1=A1, a2=A2, a3=A3, a4=A4, a5=A5,
                           b1=B1, b2=B2, b3=B3, b4=B4):
    """∂R/∂b1 = −sign(b1)·|x|·P(x)/Q(x)².
    x: number or array_like, any shape; NaN stays NaN.
    a0: 3.054879741161051e-07, a1: 0.5000007853744493, a2: 0.24999783422824703,
    a3: 0.05326628273219478, a4: 0.005803034571292244, a5: 0.0002751961022402342,
    b1: -4.111554955950634e-06, b2: 0.10652899335007572,
    b3: -1.2690007399796238e-06, b4: 0.0005502331264140556 (KAT's Swish fit).

    >>> rational_derivative_b1([-2.0, 0.0, 0.5, np.nan])
    array([-0.33228757,  0.        ,  0.15157253,         nan])
    >>> rational_derivative_b1([-np.inf, 1e300, np.inf])
    array([0., 0., 0.])
    """
    x, big, u, v, n, q, a, b = _parts(x, a0, a1, a2, a3, a4, a5, b1, b2, b3, b4)
    with np.errstate(all="ignore"):  # |x| > 1: (P/x^5)/(Q/x^4)²·|x|^1/x^3
        g = np.where(big, np.copysign(v ** 2, u), v ** 1)
        return _cast(-np.sign(b[0]) * g * n / (q * q) + 0.0, x)


def rational_derivative_b2(x, a0=A0, a1=A1, a2=A2, a3=A3, a4=A4, a5=A5,
                           b1=B1, b2=B2, b3=B3, b4=B4):
    """∂R/∂b2 = −sign(b2)·|x|^2·P(x)/Q(x)².
    x: number or array_like, any shape; NaN stays NaN.
    a0: 3.054879741161051e-07, a1: 0.5000007853744493, a2: 0.24999783422824703,
    a3: 0.05326628273219478, a4: 0.005803034571292244, a5: 0.0002751961022402342,
    b1: -4.111554955950634e-06, b2: 0.10652899335007572,
    b3: -1.2690007399796238e-06, b4: 0.0005502331264140556 (KAT's Swish fit).

    >>> rational_derivative_b2([-2.0, 0.0, 0.5, np.nan])
    array([ 0.66457514,  0.        , -0.07578627,         nan])
    >>> rational_derivative_b2([-np.inf, 1e300, np.inf])
    array([ 0.00000000e+000, -9.08968456e-298,  0.00000000e+000])
    """
    x, big, u, v, n, q, a, b = _parts(x, a0, a1, a2, a3, a4, a5, b1, b2, b3, b4)
    with np.errstate(all="ignore"):  # |x| > 1: (P/x^5)/(Q/x^4)²·|x|^2/x^3
        g = np.where(big, np.copysign(v ** 1, u), v ** 2)
        return _cast(-np.sign(b[1]) * g * n / (q * q) + 0.0, x)


def rational_derivative_b3(x, a0=A0, a1=A1, a2=A2, a3=A3, a4=A4, a5=A5,
                           b1=B1, b2=B2, b3=B3, b4=B4):
    """∂R/∂b3 = −sign(b3)·|x|^3·P(x)/Q(x)².
    x: number or array_like, any shape; NaN stays NaN.
    a0: 3.054879741161051e-07, a1: 0.5000007853744493, a2: 0.24999783422824703,
    a3: 0.05326628273219478, a4: 0.005803034571292244, a5: 0.0002751961022402342,
    b1: -4.111554955950634e-06, b2: 0.10652899335007572,
    b3: -1.2690007399796238e-06, b4: 0.0005502331264140556 (KAT's Swish fit).

    >>> rational_derivative_b3([-2.0, 0.0, 0.5, np.nan])
    array([-1.32915029,  0.        ,  0.03789313,         nan])
    >>> rational_derivative_b3([-np.inf, 1e300, np.inf])
    array([-908.96845563,  908.96845563,  908.96845563])
    """
    x, big, u, v, n, q, a, b = _parts(x, a0, a1, a2, a3, a4, a5, b1, b2, b3, b4)
    with np.errstate(all="ignore"):  # |x| > 1: (P/x^5)/(Q/x^4)²·|x|^3/x^3
        g = np.where(big, np.copysign(1, u), v ** 3)
        return _cast(-np.sign(b[2]) * g * n / (q * q) + 0.0, x)


def rational_derivative_b4(x, a0=A0, a1=A1, a2=A2, a3=A3, a4=A4, a5=A5,
                           b1=B1, b2=B2, b3=B3, b4=B4):
    """∂R/∂b4 = −sign(b4)·|x|^4·P(x)/Q(x)².
    x: number or array_like, any shape; NaN stays NaN.
    a0: 3.054879741161051e-07, a1: 0.5000007853744493, a2: 0.24999783422824703,
    a3: 0.05326628273219478, a4: 0.005803034571292244, a5: 0.0002751961022402342,
    b1: -4.111554955950634e-06, b2: 0.10652899335007572,
    b3: -1.2690007399796238e-06, b4: 0.0005502331264140556 (KAT's Swish fit).

    >>> rational_derivative_b4([-2.0, 0.0, 0.5, np.nan])
    array([ 2.65830058,  0.        , -0.01894657,         nan])
    >>> rational_derivative_b4([-np.inf, 1e300, np.inf])
    array([             inf, -9.08968456e+302,             -inf])
    """
    x, big, u, v, n, q, a, b = _parts(x, a0, a1, a2, a3, a4, a5, b1, b2, b3, b4)
    with np.errstate(all="ignore"):  # |x| > 1: (P/x^5)/(Q/x^4)²·|x|^4/x^3
        g = np.where(big, x, v ** 4)
        return _cast(-np.sign(b[3]) * g * n / (q * q) + 0.0, x)


def _parts(x, *coefficients):
    """x, and in long double (x86: 64-bit significand) u = x, or 1/x where |x| > 1,
    v = |u|, P and Q as polynomials in u, v (divided by x^5 and x^4 where |x| > 1)."""
    x = _float_array(x)
    t = x.astype(np.longdouble)
    c = np.array(np.broadcast_arrays(*coefficients), dtype=np.longdouble)  # per channel
    a, b = c[:6], c[6:]
    big = np.abs(t) > 1
    with np.errstate(divide="ignore"):
        u = np.where(big, 1 / np.where(big, t, 1), t)
    v = np.abs(u)
    d = np.concatenate([np.ones((1,) + b.shape[1:], np.longdouble), np.abs(b)])
    return x, big, u, v, _horner(u, big, a), _horner(v, big, d), a, b


def _horner(u, big, c):
    """Σ c[k]·u^k, or with the coefficients reversed where big (the same polynomial,
    divided by x^deg, in u = 1/x)."""
    return np.where(big, np.polyval(c, u), np.polyval(c[::-1], u))


def _cast(y, x):
    """y (long double) rounded once to x's dtype; beyond its range ±inf, no warning."""
    with np.errstate(over="ignore", under="ignore"):
        return y.astype(x.dtype)[()]  # [()]: a NumPy scalar for a scalar


def _float_array(x):
    """x as an ndarray: integers and booleans become float64, float dtypes are kept."""
    x = np.asarray(x)
    return x if np.issubdtype(x.dtype, np.floating) else x.astype(np.float64)

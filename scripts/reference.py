"""One reference evaluator and one snippet loader, shared by the tests and the benchmark.

:func:`mp_function` evaluates a declared SymPy expression at a float64 input
with mpmath, with a precision rule that holds for every expression the
catalog can declare, cancellations included:

1. Start at ``START_DIGITS`` significant digits plus what the input's size
   asks for (``exp(x) − 1`` at ``x = 1e-300``, ``1 − tanh(x)²`` at ``x = 700``).
2. Evaluate again with twice as many digits; keep doubling until two
   successive results agree to ``AGREE_DIGITS`` significant digits.
3. A result that is exactly 0 at the first precision is suspect: ``1 +
   erf(x/√2)`` at ``x = −30`` rounds to 0 at any precision below about 200
   digits. It is re-evaluated with enough digits to resolve a cancellation
   between terms as large as the input down to below float64's smallest
   subnormal (``ZERO_DIGITS`` plus the input's exponent); a result that is
   still 0 there is 0 in float64 too.

The answer is then correct to ``AGREE_DIGITS`` digits, far more than the
17 that a float64 comparison needs. Two successive results that are both
below 1e−330 (or both past 1e310) with one sign end the doubling too: they
round to the same float64 whatever digits they disagree in. mpmath's ``erfc`` overflows (raises)
for arguments past about 1e154, where its value is below ``exp(−1e308)``:
:data:`MPMATH` returns 0 there (2 past −1e154). ``Phi`` (the normal CDF) is
erfc(−z/√2)/2 through that guard, as mpmath's ``ncdf`` is without it.

:func:`numpy_function` is the float64 counterpart for drawing (NumPy has no
erf; ``math.erf`` is vectorised), and :func:`load_snippet` imports
``snippets/<slug>.py`` under a private name, as a reader who saved the file
would, without making ``snippets/`` a package.
"""

from __future__ import annotations

import functools
import importlib.util
import math
from pathlib import Path

import mpmath
import numpy as np
import sympy as sp

import derive

ROOT = Path(__file__).resolve().parent.parent
START_DIGITS = 30
AGREE_DIGITS = 25
ZERO_DIGITS = 400  # float64's smallest subnormal is 4.9e-324
MAX_DIGITS = 5000


def _erfc(z):
    z = mpmath.mpf(z) if not isinstance(z, mpmath.mpc) else z
    if z > 1e150:
        return mpmath.mpf(0)
    if z < -1e150:
        return mpmath.mpf(2)
    return mpmath.erfc(z)


def _exp(z):
    """mpmath's exp, 0 or inf past |z| = 2**(10**6): there mpmath raises OverflowError (GoLU's
    exp(−exp(−x)) at x = −1.8e308), and the value is far beyond any float's range either way."""
    if not isinstance(z, mpmath.mpc) and mpmath.isfinite(z) and z != 0 and mpmath.mag(z) > 10**6:
        return mpmath.mpf(0) if z < 0 else mpmath.inf
    return mpmath.exp(z)


def _ncdf(z):
    """Φ(z) = erfc(−z/√2)/2 through the guarded erfc (mpmath's ncdf raises past |z| ≈ 1e154)."""
    return _erfc(-mpmath.mpf(z) / mpmath.sqrt(2)) / 2


MPMATH = [{"exp": _exp, "Phi": _ncdf, "erfc": _erfc, "sinc": mpmath.sinc, "expm1": mpmath.expm1,
           "log1p": mpmath.log1p}, "mpmath"]


def _start_digits(x: mpmath.mpf) -> int:
    if x == 0 or not mpmath.isfinite(x):
        return START_DIGITS
    magnitude = abs(int(mpmath.floor(mpmath.log10(abs(x)))))
    return START_DIGITS + min(magnitude, 400) + (int(min(abs(x), 2000)) if abs(x) > 1 else 0)


def _agree(a, b) -> bool:
    if a == b or (mpmath.isnan(a) and mpmath.isnan(b)):
        return True
    if not (mpmath.isfinite(a) and mpmath.isfinite(b)):
        return False
    return abs(a - b) <= abs(b) * mpmath.mpf(10) ** (-AGREE_DIGITS)


def _same_float64(a, b) -> bool:
    """Both far below float64's smallest subnormal, or both far past its largest number, with one
    sign: any digits they disagree in are lost in the rounding (GoLU's exp(−exp(10000)) is 0)."""
    if not (mpmath.isfinite(a) and mpmath.isfinite(b)) or a == 0 or b == 0 or (a > 0) != (b > 0):
        return False
    tiny = mpmath.mpf(10) ** -330
    huge = mpmath.mpf(10) ** 310
    return (abs(a) < tiny and abs(b) < tiny) or (abs(a) > huge and abs(b) > huge)


def evaluate(f, x, *args) -> mpmath.mpf:
    """f(x, *args) to AGREE_DIGITS significant digits (see the module's rule)."""
    x = mpmath.mpf(x)
    args = tuple(mpmath.mpf(a) for a in args)
    digits = _start_digits(x)

    def at(dps):
        with mpmath.workdps(dps):
            return +f(x, *args)

    value = at(digits)
    if not mpmath.isfinite(x):  # no precision rule at ±inf: the limits are tested on their own
        return value
    if value == 0:
        exponent = 0 if x == 0 or not mpmath.isfinite(x) else abs(int(mpmath.log10(abs(x))))
        digits = ZERO_DIGITS + exponent
        value = at(digits)
        if value == 0:
            return mpmath.mpf(0)
    while digits < MAX_DIGITS:
        finer = at(2 * digits)
        if _agree(value, finer) or _same_float64(value, finer):
            return finer
        value, digits = finer, 2 * digits
    raise ArithmeticError(f"no {AGREE_DIGITS} stable digits at x = {x} with {MAX_DIGITS} digits")


def mp_function(expr: sp.Expr, symbols: tuple[sp.Symbol, ...] = ()):
    """A function of a float x (and of floats for ``symbols``) returning an mpf to 25 digits."""
    f = sp.lambdify((derive.X, *symbols), expr, MPMATH)

    @functools.lru_cache(maxsize=None)
    def call(x: float, *args: float) -> mpmath.mpf:
        return evaluate(f, x, *args)

    return call


def _vectorised(fn):
    v = np.vectorize(fn, otypes=[float])
    return lambda z: v(np.asarray(z, dtype=float))


# SymPy's NumPy printer already writes sinc(x) as sinc(x/pi), NumPy's normalised sinc of
# x/π, which is sin(x)/x: "sinc" must be np.sinc itself, not np.sinc of z/π again.
NUMPY = [{"erf": _vectorised(math.erf), "erfc": _vectorised(math.erfc),
          "Phi": _vectorised(lambda z: math.erfc(-z / math.sqrt(2)) / 2),
          "sinc": np.sinc,
          "expm1": np.expm1, "log1p": np.log1p}, "numpy"]


def numpy_function(expr: sp.Expr):
    """expr as a NumPy function of an array x, for drawing (float64, not for accuracy tests)."""
    f = sp.lambdify(derive.X, expr, NUMPY)

    def call(xs):
        xs = np.asarray(xs, dtype=float)
        with np.errstate(all="ignore"):
            return np.broadcast_to(np.asarray(f(xs), dtype=float), xs.shape)

    return call


@functools.cache
def load_snippet(slug: str, root: Path = ROOT):
    """Import snippets/<slug>.py under a private name (the folder is not a package)."""
    path = root / "snippets" / f"{slug}.py"
    spec = importlib.util.spec_from_file_location(f"_snippet_{slug}", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module

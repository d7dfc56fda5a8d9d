/* Special functions the explorer's generated formulas (functions.js) call and JavaScript lacks.
 *
 * erf and erfc: the algorithm of CPython's Modules/mathmodule.c (m_erf_series, m_erfc_contfrac,
 * m_erf, m_erfc, used by Python <= 3.12 where the C library had no erf), by Mark Dickinson:
 *   - |x| < 1.5: the series erf(x) = 2x/sqrt(pi) exp(-x^2) sum_k (2x^2)^k / (1·3·...·(2k+1))
 *     (Abramowitz and Stegun 7.1.6), 25 terms, every term positive;
 *   - |x| >= 1.5: the continued fraction of erfc (A&S 7.1.14, in the even form), 50 terms,
 *     and erfc(x) = 0 from x = 30 on (it is below the smallest subnormal double).
 * One change: exp(-x^2) is computed as exp(-h^2) exp(-(x - h)(x + h)) with h = x rounded down
 * to a multiple of 1/16 (as W. J. Cody's CALERF does), so the rounding of x^2 does not cost
 * relative accuracy in the far tail. tests/test_explorer.py checks erf, erfc and ndtr against
 * mpmath to 1e-14 relative (erfc down to 1e-300).
 *
 * ndtr(z) = Phi(z), the standard normal CDF, as erfc(-z/sqrt(2))/2 (accurate in the left tail).
 * sinc(x) = sin(x)/x with sinc(0) = 1 (SymPy's unnormalised sinc).
 */
(function (global) {
  "use strict";
  const SQRTPI = 1.772453850905516;
  const SERIES_CUTOFF = 1.5, SERIES_TERMS = 25, CONTFRAC_CUTOFF = 30.0, CONTFRAC_TERMS = 50;

  function expMinusSquare(x) {  // exp(-x*x) for x >= 0, without the rounding error of x*x
    const h = Math.floor(x * 16) / 16;
    return Math.exp(-h * h) * Math.exp(-(x - h) * (x + h));
  }

  function erfSeries(x) {
    const x2 = x * x;
    let acc = 0.0, fk = SERIES_TERMS + 0.5;
    for (let i = 0; i < SERIES_TERMS; i++) {
      acc = 2.0 + x2 * acc / fk;
      fk -= 1.0;
    }
    return acc * x * expMinusSquare(Math.abs(x)) / SQRTPI;
  }

  function erfcContfrac(x) {  // x >= SERIES_CUTOFF
    if (x >= CONTFRAC_CUTOFF) return 0.0;
    const x2 = x * x;
    let a = 0.0, da = 0.5, p = 1.0, pLast = 0.0, q = da + x2, qLast = 1.0;
    for (let i = 0; i < CONTFRAC_TERMS; i++) {
      a += da;
      da += 2.0;
      const b = da + x2;
      let t = p; p = b * p - a * pLast; pLast = t;
      t = q; q = b * q - a * qLast; qLast = t;
    }
    return p / q * x * expMinusSquare(x) / SQRTPI;
  }

  function erf(x) {
    if (Number.isNaN(x)) return x;
    const ax = Math.abs(x);
    if (ax < SERIES_CUTOFF) return erfSeries(x);
    const cf = erfcContfrac(ax);
    return x > 0 ? 1.0 - cf : cf - 1.0;
  }

  function erfc(x) {
    if (Number.isNaN(x)) return x;
    const ax = Math.abs(x);
    if (ax < SERIES_CUTOFF) return 1.0 - erfSeries(x);
    const cf = erfcContfrac(ax);
    return x > 0 ? cf : 2.0 - cf;
  }

  function ndtr(z) {
    return 0.5 * erfc(-z * Math.SQRT1_2);
  }

  function sinc(x) {
    return x === 0 ? 1.0 : Math.sin(x) / x;
  }

  global.ExplorerSpecial = Object.freeze({erf: erf, erfc: erfc, ndtr: ndtr, sinc: sinc});
})(typeof window !== "undefined" ? window : globalThis);

"""QuickGELU against CLIP's code (re-typed) and the largest difference from GELU that the page states."""
import mpmath as mp
import numpy as np
import pytest

from quick_gelu import quick_gelu

torch = pytest.importorskip("torch")


def clip_quick_gelu(x):
    """openai/CLIP clip/model.py, class QuickGELU.forward (commit 0845fc4), re-typed."""
    return x * torch.sigmoid(1.702 * x)


def test_matches_clip_code():
    x = np.linspace(-20, 20, 4001)
    ref = clip_quick_gelu(torch.tensor(x, dtype=torch.float64)).numpy()
    # CLIP rounds 1.702·x: a relative error up to about |1.702x|·2⁻⁵³ ≈ 4e-15 at |x| = 20
    np.testing.assert_allclose(quick_gelu(x), ref, rtol=1e-14, atol=1e-300)


def test_largest_difference_from_gelu():
    """The page: sup |x·Φ(x) − x·σ(1.702x)| ≈ 0.0203349 at x ≈ ±2.27040, GELU the larger."""
    with mp.workdps(40):
        c = mp.mpf(851) / 500
        diff = lambda x: x * mp.ncdf(x) - x / (1 + mp.exp(-c * x))  # noqa: E731
        where = mp.findroot(lambda x: mp.diff(diff, x), 2.3)
        assert mp.nstr(where, 6) == "2.2704"
        assert mp.nstr(diff(where), 6) == "0.0203349"
        assert mp.nstr(mp.findroot(lambda x: mp.diff(diff, x), -2.3), 6) == "-2.2704"
        # and it is the largest: no larger value on a grid over [-10, 10]
        grid = [mp.mpf(k) / 100 for k in range(-1000, 1001)]
        assert max(abs(diff(x)) for x in grid) <= diff(where)

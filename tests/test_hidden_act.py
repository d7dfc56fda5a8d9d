"""Model config strings: transformers' ACT2FN against the snippets, and the configs' defaults.

Everything grows from the declarations: ``Activation.hidden_act`` says which
snippet call computes what ``ACT2FN[string]`` computes, ``UsedIn.config``
which string a model's config holds and ``UsedIn.config_class`` which
transformers configuration class has it as its default. transformers is
installed by ``.ci/run``; without it these tests skip, saying how to
install it. The structural checks (page and declarations agree) run always.
"""

from __future__ import annotations

import re
from pathlib import Path

import numpy as np
import pytest

import activations
import tabs
from conftest import CATALOG, snippet

ROOT = Path(__file__).resolve().parents[1]
INSTALL = "pip install torch==2.13.0 transformers==5.24.0"
MAPPINGS = [pytest.param(a, h, id=f"{a.slug}-{h.name}") for a in CATALOG for h in a.hidden_act]
CONFIGS = [pytest.param(a, u, id=f"{a.slug}-{u.config_class}") for a in CATALOG for u in a.used_in
           if u.config_class]
# Inputs: both signs over many scales, the kinks of the common activations, and the ends of float64.
GRID = np.unique(np.concatenate([np.linspace(-12, 12, 4801), [-1e-6, -1e-300, 0.0, 1e-300, 6.0],
                                 -np.geomspace(1e-8, 700, 200), np.geomspace(1e-8, 700, 200)]))


def _close(got, want, x, what):
    """To 1e-12 relative, or 1e-15·(1 + |x|) absolute: PyTorch's GELU writes x·(1 + erf(x/√2))/2, which
    cancels to an absolute error of about 1e-16·|x| in the left tail, where the snippets are exact."""
    err = np.abs(got - want)
    bad = ~((err <= 1e-12 * np.abs(want)) | (err <= 1e-15 * (1 + np.abs(x))) | (np.isnan(got) & np.isnan(want)))
    assert not bad.any(), (what, x[bad][:5], got[bad][:5], want[bad][:5])


def _transformers():
    pytest.importorskip("torch", reason=f"needs PyTorch and transformers: {INSTALL}")
    return pytest.importorskip("transformers.activations", reason=f"needs transformers: {INSTALL}")


def _kwargs(act, h) -> dict:
    params = {p.name for p in act.params}
    return {k: (float(v) if k in params else tabs.keyword_value(v)) for k, v in h.kwargs.items()}


def _module(hf, name):
    """ACT2FN[name] in float64 (xIELU's learned parameters default to bfloat16)."""
    import torch

    cls = hf.ACT2CLS[name]
    cls, kwargs = cls if isinstance(cls, tuple) else (cls, {})
    try:
        return cls(**kwargs, dtype=torch.float64)
    except TypeError:
        return cls(**kwargs)


@pytest.mark.parametrize("act,h", MAPPINGS)
def test_act2fn_string_computes_the_declared_snippet_call(act, h):
    hf = _transformers()
    import torch

    assert h.name in hf.ACT2FN, f"{act.slug}: {h.name!r} is not a key of transformers' ACT2FN"
    module = _module(hf, h.name)
    fn = getattr(snippet(act.slug), act.slug)
    x = torch.tensor(GRID, dtype=torch.float64)
    with torch.no_grad():
        if act.kind == "gated":  # the string names the gate function; the model multiplies by the value half
            value = torch.linspace(-3, 3, len(GRID), dtype=torch.float64)
            got = (module(x) * value).numpy()
            halves = (GRID, value.numpy()) if act.gate == "first" else (value.numpy(), GRID)
            want = fn(np.concatenate(halves), **_kwargs(act, h))
        else:
            got = module(x).numpy()
            want = fn(GRID, **_kwargs(act, h))
    if h.atol:
        worst = float(np.max(np.abs(got - want)))
        assert worst <= h.atol, (act.slug, h.name, worst)
        assert worst > h.atol / 100, f"{act.slug}: {h.name} agrees to {worst}: the declared atol {h.atol} is loose"
    else:
        _close(got, want, GRID, f"{act.slug}: {h.name}")


@pytest.mark.parametrize("act,used", CONFIGS)
def test_config_class_default_is_the_declared_string(act, used):
    _transformers()
    import transformers

    config = getattr(transformers, used.config_class)()
    value = getattr(config, used.config_key)
    # a number (Gemma 2's final_logit_softcapping 30.0) is declared as the string Python prints for it
    assert (value if isinstance(value, str) else repr(value)) == used.config, (act.slug, used.model, value)


def test_every_config_string_under_an_act2fn_key_is_an_act2fn_string():
    hf = _transformers()
    for act in CATALOG:
        for used in act.used_in:
            if used.config and used.config_key in activations.HF_ACT_KEYS:
                assert used.config in hf.ACT2FN, (act.slug, used.model, used.config)


def _not_on_this_site() -> set[str]:
    text = (ROOT / "docs" / "models.md").read_text(encoding="utf-8")
    section = text.split("## Strings this site has no page for", 1)[1].split("\n## ", 1)[0]
    return set(re.findall(r"^- `([^`]+)`", section, flags=re.M))


def test_every_act2fn_string_is_declared_or_listed_as_missing():
    """A new transformers string shows up here: declare it on its activation, or list it on the page."""
    hf = _transformers()
    declared = {h.name for a in CATALOG for h in a.hidden_act}
    missing = _not_on_this_site()
    assert not declared & missing, f"declared and also listed as missing: {sorted(declared & missing)}"
    assert set(hf.ACT2FN) == declared | missing, (
        f"in ACT2FN but neither declared nor listed: {sorted(set(hf.ACT2FN) - declared - missing)}; "
        f"declared or listed but not in ACT2FN: {sorted((declared | missing) - set(hf.ACT2FN))}")


def test_the_models_page_includes_both_generated_tables():
    text = (ROOT / "docs" / "models.md").read_text(encoding="utf-8")
    for name in ("models.md", "hidden_act.md"):
        assert f'--8<-- "build/generated/{name}"' in text


def test_the_strings_without_a_page_compute_what_the_page_says():
    """The three descriptions under "Strings this site has no page for", run."""
    hf = _transformers()
    import math

    import torch

    g = GRID[np.abs(GRID) < 30]
    x = torch.tensor(g, dtype=torch.float64)
    gelu = getattr(snippet("gelu"), "gelu")
    with torch.no_grad():
        _close(hf.ACT2FN["gelu_10"](x).numpy(), np.clip(gelu(g), -10, 10), g, "gelu_10")
        laplace = 0.5 * (1 + torch.erf((x - 0.707107) / (0.282095 * math.sqrt(2))))
        _close(hf.ACT2FN["laplace"](x).numpy(), laplace.numpy(), g, "laplace")
        softplus = np.where(g > 20, g, np.logaddexp(0, g))  # PyTorch's softplus: x itself past its threshold 20
        _close(hf.ACT2FN["sqrtsoftplus"](x).numpy(), np.sqrt(softplus), g, "sqrtsoftplus")

"""What a reader types to find an activation (scripts/search_terms.py), derived from the declarations:
the browser test (tests/test_browser.py) searches each of these texts and expects the page first."""

from __future__ import annotations

import dataclasses
import json

import pytest

import search_terms
from conftest import CATALOG, ids

OWNED = search_terms.owners(CATALOG)


@pytest.mark.parametrize("act", CATALOG, ids=ids(CATALOG))
def test_a_page_is_found_by_its_name_and_every_alias(act):
    texts = {t.casefold() for t in OWNED[act.slug]}
    assert act.name.casefold() in texts
    taken = {t.casefold() for slug, owned in OWNED.items() if slug != act.slug for t in owned}
    for alias in act.aliases:  # an alias goes to another page only where it is that page's name
        assert alias.casefold() in texts or alias.casefold() in taken, alias


def test_framework_spellings_and_config_strings_are_queries():
    gelu, hard_swish = OWNED["gelu"], OWNED["hard_swish"]
    assert {"torch.nn.GELU", "nn.GELU", "F.gelu", "jax.nn.gelu", 'nn.GELU(approximate="tanh")',
            "gelu_pytorch_tanh", "gelu_new"} <= set(gelu)
    assert {"F.hardswish", "keras.activations.hard_silu"} <= set(hard_swish)
    assert "relu2" in OWNED["squared_relu"] and "jax.nn.silu" in OWNED["silu"]
    assert "torch.nn.RReLU" in OWNED["rrelu"]  # RReLU(...).eval() is spelled without its call


def test_a_text_two_declarations_claim_goes_to_the_one_it_names():
    assert "swish" in {t.casefold() for t in OWNED["swish"]}  # Swish's name, SiLU's hidden_act
    assert "tf.nn.silu" in OWNED["silu"] and "tf.nn.silu" not in OWNED["swish"]
    assert "keras.activations.relu" in OWNED["relu"] and "keras.activations.relu" not in OWNED["relu6"]
    assert "gelu_pytorch_tanh" not in OWNED["geglu"]  # a gated activation's config string names its gate


def test_every_text_has_one_owner():
    seen: dict[str, str] = {}
    for slug, texts in OWNED.items():
        for text in texts:
            assert seen.setdefault(text.casefold(), slug) == slug, text


def test_two_equal_claims_are_a_declaration_error():
    silu = next(a for a in CATALOG if a.slug == "silu")
    clash = dataclasses.replace(silu, slug="silu_copy")
    with pytest.raises(search_terms.AmbiguousQuery, match="silu_copy.*SiLU.*silu"):
        search_terms.owners([*CATALOG, clash])


def test_the_site_table_maps_each_query_as_site_js_normalises_it():
    urls = {act.slug: f"activations/{act.slug}/" for act in CATALOG}
    table = json.loads(search_terms.site_json(CATALOG, OWNED, urls))
    assert table["tanh"] == ["activations/tanh/", "Tanh"]
    assert table['nn.gelu(approximate="tanh")'] == ["activations/gelu/", "GELU"]
    assert table["dynamic tanh"][0] == "activations/dyt/"
    assert all(key == search_terms.normal(key) == " ".join(key.split()) for key in table)
    assert len(table) == sum(map(len, OWNED.values()))  # no two texts of one page normalise alike

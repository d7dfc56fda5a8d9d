"""Related activations (scripts/related.py): derived from the declarations, checked here.

The lists must name the pairs a reader compares (GELU, QuickGELU and SiLU; ELU, CELU and SELU), link
only to pages that exist, never list an activation on its own page, keep every relation but the
family's symmetric (unless the other list is full of better ones), and reach every page through the
references fragment that every page includes. The distances they state are checked against the
NumPy snippets, which are written independently of the SymPy expressions the lists are computed from.
"""

from __future__ import annotations

import re

import numpy as np
import pytest

import related
import render
from conftest import BY_SLUG, CATALOG, ROOT, facts_of, ids, snippet

FACTS = {a.slug: facts_of(a.slug) for a in CATALOG}
LISTS = related.related(CATALOG, FACTS)
LINK = re.compile(r"\]\(([a-z0-9_]+)\.md\)")


def slugs(slug: str) -> list[str]:
    return [e.slug for e in LISTS[slug]]


def test_the_pairs_readers_compare_come_out():
    assert {"quick_gelu", "silu"} <= set(slugs("gelu"))
    assert {"gelu", "silu"} <= set(slugs("quick_gelu"))
    assert {"gelu", "quick_gelu"} <= set(slugs("silu"))
    assert {"celu", "selu"} <= set(slugs("elu"))
    assert {"elu", "selu"} <= set(slugs("celu"))
    assert {"elu", "celu"} <= set(slugs("selu"))


def test_equations_are_read_from_the_identities():
    """CELU's "At α = 1 it is ELU" and Swish's "With β = 1 it is SiLU" are shown as equations on both
    pages; QuickGELU's constant is shown by its value."""
    def reasons(slug, other):
        (entry,) = [e for e in LISTS[slug] if e.slug == other]
        return entry.reasons

    assert "CELU(α = 1) = ELU(α = 1) (proved on the CELU page)" in reasons("elu", "celu")
    assert "CELU(α = 1) = ELU(α = 1) (proved above)" in reasons("celu", "elu")
    assert "Swish(β = 1) = SiLU (proved on the Swish page)" in reasons("silu", "swish")
    assert "QuickGELU = Swish(β = 1.702) (proved above)" in reasons("quick_gelu", "swish")
    assert "“SELU is a scaled ELU” (proved on the SELU page)" in reasons("elu", "selu")
    assert any(r.startswith("differs by at most 0.0203 on [−10, 10]") for r in reasons("gelu", "quick_gelu"))
    assert "same family (Exponential linear)" in reasons("selu", "celu")


@pytest.mark.parametrize("act", CATALOG, ids=ids(CATALOG))
def test_a_short_sorted_list_of_other_activations(act):
    entries = LISTS[act.slug]
    assert act.slug not in [e.slug for e in entries], "an activation lists itself"
    assert 2 <= len(entries) <= related.LIMIT, [e.slug for e in entries]
    assert len({e.slug for e in entries}) == len(entries), "listed twice"
    assert [e.key() for e in entries] == sorted(e.key() for e in entries)
    assert all(e.reasons for e in entries)
    md = related.markdown(act, entries)
    assert md.startswith(related.HEADER) and "## Related activations" in md
    targets = LINK.findall(md)
    assert targets == [e.slug for e in entries]
    for target in targets:
        assert (ROOT / "docs" / "activations" / f"{target}.md").is_file(), target


def test_the_lists_are_deterministic():
    again = related.related(reversed(CATALOG), FACTS)
    assert {s: [(e.slug, e.reasons) for e in v] for s, v in again.items()} == \
           {s: [(e.slug, e.reasons) for e in v] for s, v in LISTS.items()}


def test_every_relation_but_the_family_is_symmetric_unless_the_other_list_is_full():
    family = related.RANKS.index("family")
    problems = []
    for slug, entries in LISTS.items():
        for e in entries:
            if e.rank == family:
                continue
            back = {x.slug: x for x in LISTS[e.slug]}
            if slug in back:
                assert back[slug].rank == e.rank, (slug, e.slug, back[slug].rank, e.rank)
                continue
            full = len(back) == related.LIMIT and all(
                x.key() <= (e.rank, e.distance, BY_SLUG[slug].name.lower()) for x in back.values())
            if not full:
                problems.append(f"{slug} lists {e.slug} ({related.RANKS[e.rank]}), not the other way")
    assert not problems, "\n".join(problems)


def test_no_curve_distance_for_several_inputs():
    """Vector-valued (softmax family), gated (GLU family) and concatenating activations have no one
    curve: they are related by identities and family only."""
    several = {a.slug for a in CATALOG if a.kind != "elementwise"}
    assert several >= {"softmax", "glu", "crelu"}
    dist = related.distances(CATALOG)
    assert not {s for pair in dist for s in pair} & several
    for slug, entries in LISTS.items():
        for e in entries:
            if slug in several or e.slug in several:
                assert not any(r.startswith(("differs by", "equal to it on")) for r in e.reasons), (slug, e.slug)
    assert "softmin" in slugs("softmax") and "silu" in slugs("glu")


def test_what_the_derivation_proved_of_several_inputs_relates_them():
    """vector.matches, in the derived facts: ReGLU's gate is ReLU, softmax of (z, 0) gives σ(z), sparsemax
    of (z, 0) the sparse sigmoid; without the facts (the declarations alone) these are missing."""
    def reasons(slug, other):
        (entry,) = [e for e in LISTS[slug] if e.slug == other]
        return entry.reasons

    assert "the gate of ReGLU is ReLU (proved above)" in reasons("reglu", "relu")
    assert "Softmax(z, 0)₁ = Sigmoid(z) (proved above)" in reasons("softmax", "sigmoid")
    assert "Sparsemax(z, 0)₁ = Sparse sigmoid(z) (proved above)" in reasons("sparsemax", "sparse_sigmoid")
    assert "softmax" in slugs("sigmoid") or len(LISTS["sigmoid"]) == related.LIMIT
    bare = related.related(CATALOG)
    assert "relu" not in [e.slug for e in bare["reglu"]] and "sigmoid" not in [e.slug for e in bare["softmax"]]


def test_stated_distances_agree_with_the_snippets():
    """max |f − g| on the stated range, from the snippets (at their defaults), to the 3 digits shown."""
    xs = np.linspace(*related.RANGE, related.POINTS)
    values = {}

    def value(slug):
        if slug not in values:
            with np.errstate(all="ignore"):
                values[slug] = np.asarray(getattr(snippet(slug), slug)(xs), dtype=float)
        return values[slug]

    checked = 0
    for slug, entries in LISTS.items():
        for e in entries:
            for reason in e.reasons:
                m = re.match(r"differs by at most ([0-9.e+-]+) on", reason)
                if m:
                    d = np.abs(value(slug) - value(e.slug))
                    got = float(d[np.isfinite(d)].max())
                    assert float(f"{got:.3g}") == pytest.approx(float(m.group(1)), rel=1e-9, abs=1e-12), \
                        (slug, e.slug, got, reason)
                    assert got <= related.CLOSE + 1e-12
                    checked += 1
    assert checked > 50


def test_close_means_within_the_stated_bound_and_nothing_close_is_left_out_by_the_rule():
    """Every pair within CLOSE appears on both pages unless a list is full of better-ranked entries."""
    dist = related.distances(CATALOG)
    for (s, t), d in dist.items():
        if d <= related.CLOSE and t not in slugs(s):
            assert len(LISTS[s]) == related.LIMIT, (s, t, d)
            worst = LISTS[s][-1]
            assert worst.rank <= related.RANKS.index("close"), (s, t)


def test_the_references_fragment_brings_the_list_to_every_page():
    """Every page includes its references fragment (tests/test_catalog.py checks the includes); that
    fragment includes related.md, so no page can forget it."""
    for act in CATALOG:
        page = (ROOT / "docs" / "activations" / f"{act.slug}.md").read_text(encoding="utf-8")
        assert f'--8<-- "build/generated/{act.slug}/references.md"' in page
        assert f'--8<-- "build/generated/{act.slug}/related.md"' in render.references(act)


def test_pymdownx_snippets_expands_the_nested_include(tmp_path):
    """The mechanism the pages rely on: a fragment included by a page may include another one, and a
    missing one fails (check_paths), as mkdocs.yml configures pymdownx.snippets."""
    import markdown

    act = BY_SLUG["elu"]
    gen = tmp_path / "build" / "generated" / act.slug
    gen.mkdir(parents=True)
    (gen / "references.md").write_text(render.references(act), encoding="utf-8")
    (gen / "related.md").write_text(related.markdown(act, LISTS[act.slug]), encoding="utf-8")
    page = f'## References\n\n--8<-- "build/generated/{act.slug}/references.md"\n'
    md = markdown.Markdown(extensions=["pymdownx.snippets", "toc"],
                           extension_configs={"pymdownx.snippets": {"base_path": [str(tmp_path)],
                                                                    "check_paths": True}})
    html = md.convert(page)
    assert 'id="related-activations"' in html and 'href="celu.md"' in html and 'href="selu.md"' in html
    (gen / "related.md").unlink()
    with pytest.raises(Exception, match="related.md"):
        markdown.Markdown(extensions=["pymdownx.snippets"], extension_configs={
            "pymdownx.snippets": {"base_path": [str(tmp_path)], "check_paths": True}}).convert(page)

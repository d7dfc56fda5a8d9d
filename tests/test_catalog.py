"""The contract: declarations == pages == snippets, the nav and the index list every
declaration, pages include what is generated for them, and a malformed declaration
fails naming the activation and the field."""

from __future__ import annotations

import copy
import re
import textwrap
from types import SimpleNamespace

import pytest
import yaml

import activations
import build
import render
from conftest import CATALOG, ROOT, SLUGS, ids


def test_declarations_pages_and_snippets_are_the_same_set():
    pages = {p.stem for p in (ROOT / "docs" / "activations").glob("*.md")} - {"index"}
    snippets = {p.stem for p in (ROOT / "snippets").glob("*.py")}
    declared = {p.stem for p in (ROOT / "scripts" / "declarations").glob("*.py") if not p.name.startswith("_")}
    assert sorted(pages) == sorted(SLUGS)
    assert sorted(snippets) == sorted(SLUGS)
    assert declared <= set(SLUGS), "every declaration file declares its own slug (or its family's)"
    assert [a.slug for a in build.check_catalog(ROOT)] == SLUGS  # the same check the build runs
    assert len(set(SLUGS)) == len(SLUGS)


def _nav_pages(nav) -> list[str]:
    pages = []
    for item in nav:
        if isinstance(item, str):
            pages.append(item)
        elif isinstance(item, dict):
            for value in item.values():
                pages += _nav_pages(value) if isinstance(value, list) else [value]
    return pages


def test_the_nav_lists_every_declaration_once_by_family():
    entries = build.nav_entries(list(CATALOG))
    pages = _nav_pages(entries)
    assert sorted(pages) == sorted(f"activations/{s}.md" for s in SLUGS)
    assert len(pages) == len(set(pages))
    titles = [next(iter(e)) for e in entries]
    order = list(activations.FAMILIES.values())
    assert titles == sorted(titles, key=order.index), "families in the order of FAMILIES"
    for entry in entries:
        ((title, members),) = entry.items()
        family = next(k for k, v in activations.FAMILIES.items() if v == title)
        for member in members:
            ((name, page),) = member.items()
            act = activations.by_slug()[page.removeprefix("activations/").removesuffix(".md")]
            assert (act.name, act.family) == (name, family)


def test_the_hook_puts_them_in_the_activations_section_of_mkdocs_yml():
    import mkdocs_hooks

    class Loader(yaml.SafeLoader):
        pass

    Loader.add_multi_constructor("tag:yaml.org,2002:python/", lambda loader, suffix, node: None)
    nav = yaml.load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), Loader=Loader)["nav"]
    (written,) = [list(item["Activations"]) for item in nav if isinstance(item, dict) and "Activations" in item]
    config = mkdocs_hooks.on_config(SimpleNamespace(nav=nav))
    (section,) = [item["Activations"] for item in config.nav if isinstance(item, dict) and "Activations" in item]
    # the hand-written entries first (the index, "In today's models"), then every activation once
    assert section[:len(written)] == written == ["activations/index.md", {"In today's models": "models.md"}]
    assert sorted(_nav_pages(section[len(written):])) == sorted(f"activations/{s}.md" for s in SLUGS)
    # a second call (mkdocs serve reloads the config) adds no second copy
    once = copy.deepcopy(config.nav)
    assert mkdocs_hooks.on_config(SimpleNamespace(nav=config.nav)).nav == once


def test_the_index_links_every_declaration():
    text = render.index(list(CATALOG))
    assert sorted(re.findall(r"\]\((\w+)\.md\)", text)) == sorted(SLUGS)
    assert '--8<-- "build/generated/index.md"' in (ROOT / "docs" / "activations" / "index.md").read_text()


def test_the_home_overview_links_every_declaration_by_family():
    """The home page's compact overview (render.overview): every declared activation linked once, under
    its family's title, in cards (no table), and the home page includes it instead of a wide table."""
    text = render.overview(list(CATALOG))
    assert sorted(re.findall(r"\]\(activations/(\w+)\.md\)", text)) == sorted(SLUGS)
    assert '<div class="grid cards overview" markdown>' in text and "|" not in text
    cards = re.split(r"^-   ", text, flags=re.M)[1:]
    for card in cards:
        title = re.match(r"\*\*(.+?)\*\* \((\d+)\)", card)
        family = next(k for k, v in activations.FAMILIES.items() if v == title.group(1))
        members = {a.slug for a in CATALOG if a.family == family}
        assert set(re.findall(r"\]\(activations/(\w+)\.md\)", card)) == members, family
        assert int(title.group(2)) == len(members)
    home = (ROOT / "docs" / "index.md").read_text(encoding="utf-8")
    assert '--8<-- "build/generated/overview.md"' in home
    assert "comparison.md" not in home and not re.search(r"^\|.*\|\s*$", home, flags=re.M)


def page_fragments(act) -> list[str]:
    """The fragments build.py writes for an activation that its page must include
    (the variants fragment only where the declaration has variants)."""
    names = [*render.FRAGMENTS, "figures", "frameworks"]
    return [n for n in names if n != "variants" or act.variants]


@pytest.mark.parametrize("act", CATALOG, ids=ids(CATALOG))
def test_page_includes_its_snippet_and_every_generated_fragment(act):
    text = (ROOT / "docs" / "activations" / f"{act.slug}.md").read_text()
    assert f'--8<-- "snippets/{act.slug}.py"' in text
    for fragment in page_fragments(act):
        assert f'--8<-- "build/generated/{act.slug}/{fragment}.md"' in text, fragment
    headings = re.findall(r"^## (.+)$", text, flags=re.M)
    assert headings[:4] == ["Definition", "Derivative", "Properties", "Differentiability"]
    assert "When to use it" in headings


@pytest.mark.parametrize("act", CATALOG, ids=ids(CATALOG))
def test_page_types_no_derivative_by_hand(act):
    """Formulas of f and f' come from the fragments; a display block typed
    into a page must not restate the derivative."""
    text = (ROOT / "docs" / "activations" / f"{act.slug}.md").read_text()
    for block in re.findall(r"\$\$(.+?)\$\$", text, flags=re.S):
        assert not re.search(r"'\s*\(x\)\s*=", block), f"hand-typed derivative: {block.strip()}"


# ---------------------------------------------------------------------------
# Malformed declarations fail naming the activation and the field
# ---------------------------------------------------------------------------

GOOD = {"slug": '"demo"', "name": '"Demo"', "symbol": r'r"\operatorname{demo}"', "expr": '"Max(0, x)"',
        "family": '"relu"', "kink_derivative": '{"0": "0"}', "no_reference": '"a test fixture"'}


def declaration(variable: str = "ACTIVATION", **fields) -> str:
    """A declaration file: GOOD with ``fields`` replaced (None drops a field)."""
    merged = {**GOOD, **fields}
    body = ",\n".join(f"    {k}={v}" for k, v in merged.items() if v is not None)
    source = f"{variable} = Activation(\n{body},\n)\n"
    if variable == "ACTIVATIONS":
        source = f"ACTIVATIONS = (Activation(\n{body},\n),)\n"
    return ("from activations import Activation, Framework, Naive, Param, Reference, UsedIn\n\n" + source)


def write(folder, files: dict[str, str]):
    for name, text in files.items():
        (folder / name).write_text(textwrap.dedent(text), encoding="utf-8")
    return folder


def test_a_good_declaration_loads(tmp_path):
    (act,) = activations.load(write(tmp_path, {"demo.py": declaration()}))
    assert act.slug == "demo" and act.family == "relu"


MALFORMED = {  # label: (fields replaced in GOOD, the field the error must name)
    "name-not-a-string": ({"name": "3"}, "name"),
    "empty-symbol": ({"symbol": '""'}, "symbol"),
    "unknown-family": ({"family": '"relu_like"'}, "family"),
    "unknown-kind": ({"kind": '"pointwise"'}, "kind"),
    "expr-not-a-string": ({"expr": "3"}, "expr"),
    "plot-range-of-strings": ({"plot_range": '("a", 1)'}, "plot_range"),
    "plot-range-a-list": ({"plot_range": "[-1, 1]"}, "plot_range"),
    "default-not-a-number": ({"params": '(Param("a", "a", "zero", "slope"),)'}, "params"),
    "default-of-the-wrong-sign": ({"params": '(Param("a", "a", "-1", "slope"),)'}, "params"),
    "default-a-float-not-an-exact-string": ({"params": '(Param("a", "a", 0.1, "slope"),)'}, "params"),
    "parameter-name-not-a-string": ({"params": '(Param(3, "a", "1", "slope"),)'}, "params"),
    "params-not-a-tuple": ({"params": 'Param("a", "a", "1", "slope")'}, "params"),
    "aliases-not-a-tuple": ({"aliases": '"demo unit"'}, "aliases"),
    "reference-over-http": ({"no_reference": None,
                             "references": '(Reference("A. Author", 2020, "T", "http://example.org"),)'},
                            "references"),
    "reference-year-a-string": ({"no_reference": None,
                                 "references": '(Reference("A. Author", "2020", "T", "https://example.org"),)'},
                                "references"),
    "framework-url-not-https": ({"frameworks": '(Framework("PyTorch", ("torch.relu(x)",), "", "docs.pytorch.org"),)'},
                                "frameworks"),
    "framework-calls-not-a-tuple": ({"frameworks": '(Framework("PyTorch", "torch.relu(x)"),)'}, "frameworks"),
    "used-in-without-https-source": ({"used_in": '(UsedIn("M", "ftp://example.org"),)'}, "used_in"),
    "ulp-below-one": ({"ulp": "(0.5, 16.0)"}, "ulp"),
    "loose-ulp-without-reason": ({"ulp": "(8.0, 16.0)"}, "ulp_reason"),
    "kink-not-a-number": ({"kink_derivative": '{"zero": "0"}'}, "kink_derivative"),
    "naive-not-a-Naive": ({"naive": '("x", "1")'}, "naive"),
}


@pytest.mark.parametrize("fields, field_name", list(MALFORMED.values()), ids=list(MALFORMED))
def test_a_malformed_declaration_fails_naming_the_activation_and_the_field(tmp_path, fields, field_name):
    write(tmp_path, {"demo.py": declaration(**fields)})
    with pytest.raises(activations.DeclarationError) as err:
        activations.load(tmp_path)
    assert err.value.slug == "demo" and err.value.field == field_name, str(err.value)
    assert f"activation 'demo', field '{field_name}'" in str(err.value)


def test_check_names_the_field_without_a_file():
    good = activations.by_slug()["relu"]
    import dataclasses

    with pytest.raises(activations.DeclarationError, match="activation 'relu', field 'family'"):
        activations.check(dataclasses.replace(good, family="nonsense"))
    with pytest.raises(activations.DeclarationError, match="activation 'relu', field 'aliases'"):
        activations.check(dataclasses.replace(good, aliases=["rectifier"]))


def test_a_file_named_differently_from_its_slug_fails(tmp_path):
    write(tmp_path, {"other.py": declaration()})
    with pytest.raises(activations.DeclarationError) as err:
        activations.load(tmp_path)
    assert err.value.slug == "demo" and err.value.field == "slug" and "other.py" in str(err.value)


def test_a_duplicate_slug_fails(tmp_path):
    write(tmp_path, {"demo.py": declaration(), "family.py": declaration("ACTIVATIONS")})
    with pytest.raises(activations.DeclarationError) as err:
        activations.load(tmp_path)
    assert err.value.slug == "demo" and err.value.field == "slug" and "declared twice" in str(err.value)


def test_a_file_that_does_not_load_names_its_activation(tmp_path):
    write(tmp_path, {"demo.py": declaration().replace("Activation(", "Activation(unknown_field=1, ")})
    with pytest.raises(activations.DeclarationError, match=r"activation 'demo'.*demo\.py does not load"):
        activations.load(tmp_path)


@pytest.mark.parametrize("act", [a for a in CATALOG if a.params or a.constants],
                         ids=[a.slug for a in CATALOG if a.params or a.constants])
def test_parameter_rows_have_their_four_cells(act, root):
    """A description holding |x| is escaped: each row of the parameter table keeps four cells."""
    text = (root / "build" / "generated" / act.slug / "definition.md").read_text(encoding="utf-8")
    rows = [line for line in text.splitlines() if line.startswith("| `")]
    assert len(rows) == len(act.params) + len(act.constants)
    for row in rows:
        cells = re.split(r"(?<!\\)\|", row.strip())[1:-1]
        assert len(cells) == 4, row

"""The contract: declarations == pages == snippets == nav, and pages use them."""

from __future__ import annotations

import re

import pytest
import yaml

import build
from conftest import CATALOG, ROOT, SLUGS, ids


def nav_pages(nav) -> list[str]:
    pages = []
    for item in nav:
        if isinstance(item, str):
            pages.append(item)
        elif isinstance(item, dict):
            for value in item.values():
                pages += nav_pages(value) if isinstance(value, list) else [value]
    return pages


def mkdocs_config() -> dict:
    return yaml.safe_load((ROOT / "mkdocs.yml").read_text())


def test_every_declaration_has_a_page_a_snippet_and_a_nav_entry():
    pages = {p.stem for p in (ROOT / "docs" / "activations").glob("*.md")} - {"index"}
    snippets = {p.stem for p in (ROOT / "snippets").glob("*.py")}
    nav = {p.removeprefix("activations/").removesuffix(".md") for p in nav_pages(mkdocs_config()["nav"])
           if p.startswith("activations/")} - {"index"}
    assert sorted(pages) == sorted(SLUGS)
    assert sorted(snippets) == sorted(SLUGS)
    assert sorted(nav) == sorted(SLUGS)
    build.check_catalog(ROOT)  # the same check the build runs


@pytest.mark.parametrize("act", CATALOG, ids=ids(CATALOG))
def test_page_includes_its_snippet_and_every_generated_fragment(act):
    text = (ROOT / "docs" / "activations" / f"{act.slug}.md").read_text()
    assert f'--8<-- "snippets/{act.slug}.py"' in text
    for fragment in ("definition", "derivative", "properties", "identities", "differentiability",
                     "figures", "frameworks", "references"):
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


def test_catalog_overview_links_every_activation():
    text = (ROOT / "docs" / "activations" / "index.md").read_text()
    assert sorted(set(re.findall(r"\]\((\w+)\.md\)", text))) == sorted(SLUGS)


@pytest.mark.parametrize("act", CATALOG, ids=ids(CATALOG))
def test_snippet_api(act):
    import importlib

    module = importlib.import_module(act.slug)
    derivative = "softmax_jacobian" if act.kind == "softmax" else f"{act.slug}_derivative"
    assert callable(getattr(module, act.slug)) and callable(getattr(module, derivative))
    source = (ROOT / "snippets" / f"{act.slug}.py").read_text()
    imports = set(re.findall(r"^\s*(?:import|from)\s+(\w+)", source, flags=re.M))
    assert imports <= {"numpy", "__future__"}, f"a snippet stands alone: imports {imports}"
    for p in act.params:
        import inspect

        default = inspect.signature(getattr(module, act.slug)).parameters[p.name].default
        assert default == float(p.default), f"{p.name} defaults to {default}, declared {p.default}"

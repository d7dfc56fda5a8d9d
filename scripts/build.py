"""Generate the site's derived Markdown fragments and figures.

    python scripts/build.py            # write into build/ (git-ignored)
    python scripts/build.py --force    # ignore the cache

``mkdocs build`` and ``mkdocs serve`` call :func:`generate` through the hook
in ``scripts/mkdocs_hooks.py``; nothing is ever written into ``docs/``.
Outputs are cached on the content of their inputs (the declarations, the
code that derives and draws them, the library versions) and a file is only
rewritten when its bytes change, so a rebuild with nothing changed redraws
nothing.
"""

from __future__ import annotations

import argparse
import dataclasses
import hashlib
import json
import os
import re
import sys
import time
from pathlib import Path

SCRIPTS = Path(__file__).resolve().parent
ROOT = SCRIPTS.parent
if str(SCRIPTS) not in sys.path:
    sys.path.insert(0, str(SCRIPTS))

import matplotlib  # noqa: E402
import mpmath  # noqa: E402
import numpy  # noqa: E402
import sympy  # noqa: E402

import activations  # noqa: E402
import derive  # noqa: E402
import facts as facts_mod  # noqa: E402
import figures  # noqa: E402
import numerics  # noqa: E402
import render  # noqa: E402
from activations import DeclarationError  # noqa: E402

DEFAULT_OUT = ROOT / "build"
# The code each kind of output depends on. The declarations themselves enter
# the keys as data (their repr), so editing one activation redraws only its
# figures; editing the plotting code redraws them all.
FRAGMENT_CODE = ("derive.py", "facts.py", "render.py", "build.py")
FIGURE_CODE = ("derive.py", "facts.py", "figures.py", "reference.py")
CONCEPT_CODE = ("derive.py", "numerics.py", "render.py", "build.py")
CONCEPT_FRAGMENTS = ("gains.md", "selu_constants.md", "derivative_bounds.md")  # numerics.fragments()


def _digest(*parts: str | bytes) -> str:
    h = hashlib.sha256()
    for part in parts:
        h.update(part if isinstance(part, bytes) else part.encode())
        h.update(b"\0")
    return h.hexdigest()[:20]


def code_key(names: tuple[str, ...]) -> str:
    versions = f"sympy {sympy.__version__} mpmath {mpmath.__version__} numpy {numpy.__version__} " \
               f"matplotlib {matplotlib.__version__}"
    return _digest(versions, *((SCRIPTS / name).read_bytes() for name in names))


def write_if_changed(path: Path, data: bytes) -> bool:
    """Atomically write ``data``; leave the file (and its mtime) alone if equal."""
    if path.exists() and path.read_bytes() == data:
        return False
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    tmp.write_bytes(data)
    os.replace(tmp, path)
    return True


# --------------------------------------------------------------------------
# The catalog contract: declarations, pages and snippets agree
# --------------------------------------------------------------------------


def check_catalog(root: Path = ROOT) -> list[activations.Activation]:
    """Every declaration has a page and a snippet, and nothing else does."""
    acts = list(activations.load(root / "scripts" / "declarations"))
    seen = {act.slug for act in acts}
    for act in acts:
        page = root / "docs" / "activations" / f"{act.slug}.md"
        snippet = root / "snippets" / f"{act.slug}.py"
        if not page.is_file():
            raise DeclarationError(act.slug, f"missing page {page.relative_to(root)}")
        if not snippet.is_file():
            raise DeclarationError(act.slug, f"missing snippet {snippet.relative_to(root)}")
        if f'"snippets/{act.slug}.py"' not in page.read_text(encoding="utf-8"):
            raise DeclarationError(act.slug, f"page {page.relative_to(root)} does not include snippets/{act.slug}.py")
    for path in sorted((root / "docs" / "activations").glob("*.md")):
        if path.stem not in seen and path.stem != "index":
            raise DeclarationError(path.stem, f"page {path.relative_to(root)} has no declaration in scripts/declarations/")
    for path in sorted((root / "snippets").glob("*.py")):
        if path.stem not in seen:
            raise DeclarationError(path.stem, f"snippet {path.relative_to(root)} has no declaration in scripts/declarations/")
    return acts


def nav_entries(acts: list[activations.Activation]) -> list[dict]:
    """The activations' navigation, grouped by family in the order of FAMILIES."""
    entries = []
    for family, title in activations.FAMILIES.items():
        members = [{a.name: f"activations/{a.slug}.md"} for a in acts if a.family == family]
        if members:
            entries.append({title: members})
    return entries


figure_names = figures.figure_names  # the hook and the tests ask build for them


# --------------------------------------------------------------------------
# Generation
# --------------------------------------------------------------------------


@dataclasses.dataclass
class Report:
    derived: list[str] = dataclasses.field(default_factory=list)
    drawn: list[str] = dataclasses.field(default_factory=list)
    written: list[str] = dataclasses.field(default_factory=list)
    seconds: float = 0.0


def generate(out: Path = DEFAULT_OUT, root: Path = ROOT, force: bool = False) -> Report:
    """Write every fragment and figure that is missing or stale."""
    start = time.perf_counter()
    report = Report()
    acts = check_catalog(root)
    stamps_path = out / "cache" / "stamps.json"
    try:
        stamps = {} if force else json.loads(stamps_path.read_text())
    except (OSError, ValueError):
        stamps = {}
    catalog = _digest(code_key(FRAGMENT_CODE), *(repr(a) for a in acts))
    figure_code = code_key(FIGURE_CODE)
    memo: dict[str, facts_mod.Facts] = {}

    def facts_of(act):
        if act.slug not in memo:
            try:
                memo[act.slug] = facts_mod.facts(act)
            except DeclarationError:
                raise
            except Exception as err:
                raise DeclarationError(act.slug, f"derivation failed: {type(err).__name__}: {err}") from err
            report.derived.append(act.slug)
        return memo[act.slug]

    def fresh(path: Path, key: str) -> bool:
        return stamps.get(str(path.relative_to(out))) == key and path.exists()

    def emit(path: Path, key: str, data: bytes) -> None:
        if write_if_changed(path, data):
            report.written.append(str(path.relative_to(out)))
        stamps[str(path.relative_to(out))] = key

    for act in acts:
        gen = out / "generated" / act.slug
        names = list(render.FRAGMENTS) + ["frameworks"]
        if not all(fresh(gen / f"{n}.md", catalog) for n in names):
            f = facts_of(act)
            for name, fn in render.FRAGMENTS.items():
                emit(gen / f"{name}.md", catalog, fn(act, f).encode())
            emit(gen / "frameworks.md", catalog, render.frameworks(act).encode())
        key = _digest(figure_code, repr(act))
        for name in figures.figure_names(act):
            path = out / "figures" / name
            if fresh(path, key):
                continue
            f = facts_of(act)
            mode = "dark" if name.endswith("-dark.svg") else "light"
            try:
                data = (figures.family if "-family" in name else figures.function_and_derivative)(act, f, mode)
            except Exception as err:
                raise DeclarationError(act.slug, f"figure {name} failed: {type(err).__name__}: {err}") from err
            emit(path, key, data)
            report.drawn.append(name)
        # The figures' Markdown: alt text from the facts, sizes from the SVGs.
        figures_key = _digest(catalog, key)
        if not fresh(gen / "figures.md", figures_key):
            f = facts_of(act)
            md = figures.markdown(act, f, out / "figures")  # alt texts and captions from the facts
            emit(gen / "figures.md", figures_key, md.encode())
    index = out / "generated" / "index.md"
    index_key = _digest(code_key(("render.py", "build.py")), *(f"{a.slug} {a.name} {a.family}" for a in acts))
    if not fresh(index, index_key):
        emit(index, index_key, render.index(acts).encode())
    landing = out / "generated" / "comparison.md"
    if not fresh(landing, catalog):
        emit(landing, catalog, render.comparison([facts_of(a) for a in acts]).encode())
    affine = out / "generated" / "affine.md"
    if not fresh(affine, catalog):
        emit(affine, catalog, render.affine(derive.affine_composition()).encode())
    # The concept pages' numbers: gains, SELU's constants, derivative bounds.
    concepts = _digest(code_key(CONCEPT_CODE), *(repr(a) for a in acts))
    concept_dir = out / "generated" / "concepts"
    names = CONCEPT_FRAGMENTS
    if not all(fresh(concept_dir / name, concepts) for name in names):
        try:
            texts = numerics.fragments()
        except DeclarationError:
            raise
        except Exception as err:
            raise DeclarationError("concepts", f"numerics failed: {type(err).__name__}: {err}") from err
        for name in names:
            emit(concept_dir / name, concepts, texts[name].encode())
    # Remove figures of activations that are no longer declared.
    wanted = {n for a in acts for n in figures.figure_names(a)}
    for path in (out / "figures").glob("*.svg"):
        if path.name not in wanted:
            path.unlink()
            stamps.pop(str(path.relative_to(out)), None)
    write_if_changed(stamps_path, json.dumps(stamps, indent=1, sort_keys=True).encode())
    report.seconds = time.perf_counter() - start
    return report


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT, help="output folder (default: build/)")
    parser.add_argument("--force", action="store_true", help="regenerate everything")
    args = parser.parse_args(argv)
    try:
        report = generate(args.out, force=args.force)
    except DeclarationError as err:
        print(f"error: {err}", file=sys.stderr)
        return 1
    print(f"derived {len(report.derived)} activation(s), drew {len(report.drawn)} figure(s), "
          f"wrote {len(report.written)} file(s) in {report.seconds:.1f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())

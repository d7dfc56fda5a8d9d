"""Generate the site's derived Markdown fragments and figures.

    python scripts/build.py            # write into build/ (git-ignored)
    python scripts/build.py --force    # ignore the cache

``mkdocs build`` and ``mkdocs serve`` call :func:`generate` through the hook
in ``scripts/mkdocs_hooks.py``; nothing is ever written into ``docs/``.

Every output is cached on its own inputs, by content:

- an activation's fragments and figures on its declaration (its repr), the
  declarations it refers to (activations its identities call by slug, and
  any the derivation looked up, recorded when it ran), the concept pages it
  links to, the code that makes them (the modules named below and every
  project module they import) and the library versions;
- the tables that list every activation (index, overview, catalog, the concept
  pages' numbers) and each page's related activations on every declaration.

So editing one declaration re-derives and redraws that activation only,
plus the tables that list all; those reuse the other activations' derived
facts, stored in ``build/cache/facts/``. A file is only rewritten when its
bytes change, so a rebuild with nothing changed redraws nothing.
"""

from __future__ import annotations

import argparse
import contextlib
import dataclasses
import hashlib
import json
import os
import pickle
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
import catalog  # noqa: E402
import derive  # noqa: E402
import differences  # noqa: E402
import explorer  # noqa: E402
import models  # noqa: E402
import facts as facts_mod  # noqa: E402
import figures  # noqa: E402
import notebooks  # noqa: E402
import related  # noqa: E402
import render  # noqa: E402
from activations import DeclarationError  # noqa: E402

DEFAULT_OUT = ROOT / "build"
# The code each kind of output is made by; every project module these import
# (transitively, found from their import statements) enters the key too, so
# a key follows the code by content. build.py itself enters the keys of what
# it assembles (not its imports: those are everything). The declarations
# enter as data.
FACTS_CODE = ("derive.py", "facts.py")
FRAGMENT_CODE = ("derive.py", "facts.py", "render.py", "+build.py")
FIGURE_CODE = ("derive.py", "facts.py", "figures.py")
INDEX_CODE = ("render.py", "+build.py")
CATALOG_CODE = ("catalog.py", "figure_data.py", "+build.py")
RELATED_CODE = ("related.py", "+build.py")
AFFINE_CODE = ("derive.py", "render.py", "+build.py")
CONCEPT_CODE = ("numerics.py", "+build.py")
EXPLORER_CODE = ("explorer.py", "+build.py")
CONCEPT_FRAGMENTS = ("gains.md", "selu_constants.md", "derivative_bounds.md")  # numerics.fragments()
# Where the derivation looks declarations up by slug; build records which.
_LOOKUP_MODULES = ("activations", "proofs", "vector", "facts", "render", "figures", "reference", "numerics")


def _digest(*parts: str | bytes) -> str:
    h = hashlib.sha256()
    for part in parts:
        h.update(part if isinstance(part, bytes) else part.encode())
        h.update(b"\0")
    return h.hexdigest()[:20]


def code_files(names: tuple[str, ...], scripts: Path = SCRIPTS) -> list[Path]:
    """The named modules of scripts/ and every project module they import, transitively
    ("+name": that file alone, not what it imports)."""
    alone = {scripts / name[1:] for name in names if name.startswith("+")}
    followed = [scripts / name for name in names if not name.startswith("+")]
    return sorted(set(notebooks.project_code(followed, scripts.parent)) | alone)


def code_key(names: tuple[str, ...]) -> str:
    """Digest of the library versions and of the code that makes an output, by content."""
    versions = f"sympy {sympy.__version__} mpmath {mpmath.__version__} numpy {numpy.__version__} " \
               f"matplotlib {matplotlib.__version__}"
    return _digest(versions, *(f"{p.relative_to(ROOT)}\0".encode() + p.read_bytes() for p in code_files(names)))


def referenced_slugs(act: activations.Activation, slugs) -> set[str]:
    """Other activations this declaration calls by slug (in its identities)."""
    words = set()
    for identity in act.identities:
        words |= set(re.findall(r"[A-Za-z_][A-Za-z0-9_]*", f"{identity.lhs} {identity.rhs}"))
    return (words & set(slugs)) - {act.slug}


class _Lookups(dict):
    """The catalog by slug, recording which slugs are looked up."""

    def __init__(self, data, seen: set[str]):
        super().__init__(data)
        self.seen = seen

    def __getitem__(self, slug):
        self.seen.add(slug)
        return super().__getitem__(slug)

    def get(self, slug, default=None):
        self.seen.add(slug)
        return super().get(slug, default)

    def __contains__(self, slug):
        self.seen.add(slug)
        return super().__contains__(slug)


@contextlib.contextmanager
def recording_lookups(seen: set[str]):
    """While active, ``by_slug()[slug]`` (wherever it was imported) adds slug to ``seen``.

    Iterating over the whole table (identities build a namespace of every
    activation) is not recorded: the slugs an identity calls are read from
    its text by :func:`referenced_slugs`.
    """
    original = activations.by_slug
    patched = []

    def by_slug():
        return _Lookups(original(), seen)

    for name in _LOOKUP_MODULES:
        module = sys.modules.get(name)
        if module is not None and getattr(module, "by_slug", None) is original:
            setattr(module, "by_slug", by_slug)
            patched.append(module)
    try:
        yield
    finally:
        for module in patched:
            setattr(module, "by_slug", original)


def _loaded_code() -> dict[str, str]:
    """Digest of every project module this process has imported, as it was read."""
    return {name: hashlib.sha256(Path(module.__file__).read_bytes()).hexdigest()
            for name, module in list(sys.modules.items())
            if getattr(module, "__file__", None) and Path(module.__file__).resolve().parent == SCRIPTS}


def code_changed_since_import() -> list[str]:
    """Project modules edited since this process imported them (``mkdocs serve`` keeps them loaded).

    Their keys follow the files, so generating with the old code in memory
    would stamp stale outputs as fresh: run ``build.py`` in a new process instead.
    """
    now = _loaded_code()
    return sorted(name for name, digest in _LOADED.items() if now.get(name) != digest)


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
_LOADED = _loaded_code()


# --------------------------------------------------------------------------
# Generation
# --------------------------------------------------------------------------


@dataclasses.dataclass
class Report:
    derived: list[str] = dataclasses.field(default_factory=list)
    drawn: list[str] = dataclasses.field(default_factory=list)
    written: list[str] = dataclasses.field(default_factory=list)
    seconds: float = 0.0


def _read_json(path: Path) -> dict:
    try:
        return json.loads(path.read_text())
    except (OSError, ValueError):
        return {}


class Cache:
    """Derived facts, stored per activation under the key of its inputs.

    ``facts(act)`` derives an activation at most once per key: the tables
    that list every activation reuse the stored facts of the others.
    """

    def __init__(self, out: Path, acts, root: Path = ROOT, force: bool = False):
        self.out, self.root, self.force = out, root, force
        self.acts = {a.slug: a for a in acts}
        self.refs: dict[str, list[str]] = {} if force else _read_json(out / "cache" / "refs.json")
        self.facts_code = code_key(FACTS_CODE)
        self.fragment_code = code_key(FRAGMENT_CODE)
        self.figure_code = code_key(FIGURE_CODE)
        self.memo: dict[str, tuple[str, object]] = {}
        self.derived: list[str] = []

    def declarations(self, act) -> list[str]:
        """The declaration and those it refers to (its identities' calls, the lookups last recorded)."""
        refs = referenced_slugs(act, self.acts) | set(self.refs.get(act.slug, ()))
        found = [repr(act)] + [f"{r}: " + (repr(self.acts[r]) if r in self.acts else "not declared")
                               for r in sorted(refs)]
        if act.kind in ("vector", "gated"):  # vector.matches compares it with every elementwise curve
            found += [repr(a) for _, a in sorted(self.acts.items()) if a.kind == "elementwise"]
        return found

    def fragment_key(self, act) -> str:
        pages = []
        for page in act.concepts:  # the references fragment shows their titles
            for path in (self.root / "docs" / page, (self.root / "docs" / page).with_suffix(".py")):
                if path.is_file():
                    pages.append(f"{page}\0".encode() + path.read_bytes())
                    break
        return _digest(self.fragment_code, *self.declarations(act), *pages)

    def facts_key(self, act) -> str:
        return _digest(self.facts_code, *self.declarations(act))

    def figure_key(self, act) -> str:
        return _digest(self.figure_code, *self.declarations(act))

    def _path(self, act) -> Path:
        return self.out / "cache" / "facts" / f"{act.slug}.pickle"

    def facts(self, act) -> facts_mod.Facts:
        key = self.facts_key(act)
        if act.slug in self.memo and self.memo[act.slug][0] == key:
            return self.memo[act.slug][1]
        if not self.force:
            try:
                stored_key, stored = pickle.loads(self._path(act).read_bytes())
                if stored_key == key:
                    self.memo[act.slug] = (key, stored)
                    return stored
            except Exception:  # missing, or written by other code: derive again
                pass
        seen: set[str] = set()
        try:
            with recording_lookups(seen):
                result = facts_mod.facts(act)
        except DeclarationError:
            raise
        except Exception as err:
            raise DeclarationError(act.slug, f"derivation failed: {type(err).__name__}: {err}") from err
        self.derived.append(act.slug)
        self.refs[act.slug] = sorted((seen | set(self.refs.get(act.slug, ()))) - {act.slug})
        key = self.facts_key(act)  # with the lookups just recorded
        self.memo[act.slug] = (key, result)
        write_if_changed(self._path(act), pickle.dumps((key, result), protocol=pickle.HIGHEST_PROTOCOL))
        return result

    def save(self) -> None:
        refs = {slug: r for slug, r in sorted(self.refs.items()) if slug in self.acts and r}
        write_if_changed(self.out / "cache" / "refs.json", json.dumps(refs, indent=1).encode())


_CACHES: dict[Path, Cache] = {}


def cached_facts(act: activations.Activation, out: Path = DEFAULT_OUT) -> facts_mod.Facts:
    """The derived facts of ``act``, from ``build/cache/facts/`` when its inputs are unchanged.

    For the tests: after a build (or a first test run) nothing is derived
    again. Derived facts are stored for the next process.
    """
    if out not in _CACHES:
        _CACHES[out] = Cache(out, activations.ACTIVATIONS)
    cache = _CACHES[out]
    derived = len(cache.derived)
    result = cache.facts(act)
    if len(cache.derived) > derived:
        cache.save()
    return result


def generate(out: Path = DEFAULT_OUT, root: Path = ROOT, force: bool = False) -> Report:
    """Write every fragment and figure that is missing or stale."""
    start = time.perf_counter()
    report = Report()
    activations._default.cache_clear()  # a long-lived process (mkdocs serve) sees edited declarations
    acts = check_catalog(root)
    stamps_path = out / "cache" / "stamps.json"
    stamps = {} if force else _read_json(stamps_path)
    cache = Cache(out, acts, root, force)

    def fresh(path: Path, key: str) -> bool:
        return stamps.get(str(path.relative_to(out))) == key and path.exists()

    def emit(path: Path, key: str, data: bytes) -> None:
        if write_if_changed(path, data):
            report.written.append(str(path.relative_to(out)))
        stamps[str(path.relative_to(out))] = key

    fragment_names = list(render.FRAGMENTS) + ["frameworks"]
    for act in acts:
        gen = out / "generated" / act.slug
        fragment_key, figure_key = cache.fragment_key(act), cache.figure_key(act)
        if all(fresh(gen / f"{n}.md", fragment_key) for n in fragment_names) and \
                all(fresh(out / "figures" / n, figure_key) for n in figures.figure_names(act)) and \
                fresh(gen / "figures.md", _digest(fragment_key, figure_key)):
            continue
        f = cache.facts(act)
        # Deriving may have recorded declarations it looked up: key on them too.
        fragment_key, figure_key = cache.fragment_key(act), cache.figure_key(act)
        if not all(fresh(gen / f"{n}.md", fragment_key) for n in fragment_names):
            for name, fn in render.FRAGMENTS.items():
                emit(gen / f"{name}.md", fragment_key, fn(act, f).encode())
            emit(gen / "frameworks.md", fragment_key, render.frameworks(act).encode())
        for name in figures.figure_names(act):
            path = out / "figures" / name
            if fresh(path, figure_key):
                continue
            mode = "dark" if name.endswith("-dark.svg") else "light"
            try:
                data = (figures.family if "-family" in name else figures.function_and_derivative)(act, f, mode)
            except Exception as err:
                raise DeclarationError(act.slug, f"figure {name} failed: {type(err).__name__}: {err}") from err
            emit(path, figure_key, data)
            report.drawn.append(name)
        # The figures' Markdown: alt text from the facts, sizes from the SVGs.
        figures_md_key = _digest(fragment_key, figure_key)
        if not fresh(gen / "figures.md", figures_md_key):
            md = figures.markdown(act, f, out / "figures")  # alt texts and captions from the facts
            emit(gen / "figures.md", figures_md_key, md.encode())
    # The tables that list every activation, keyed on every declaration.
    every = [repr(a) for a in acts]
    index = out / "generated" / "index.md"
    index_key = _digest(code_key(INDEX_CODE), *every)
    if not fresh(index, index_key):
        emit(index, index_key, render.index(acts).encode())
    where = out / "generated" / "differences.md"  # the frameworks' differences, from every declaration
    if not fresh(where, index_key):
        emit(where, index_key, differences.page(acts).encode())
    table = out / "generated" / "models.md"  # "Activations in today's models", from every declaration
    if not fresh(table, index_key):
        emit(table, index_key, (render.HEADER + models.page(acts)).encode())
    table = out / "generated" / "hidden_act.md"  # every ACT2FN string the declarations name
    if not fresh(table, index_key):
        emit(table, index_key, (render.HEADER + models.strings(acts)).encode())
    # Each page's related activations (included by its references fragment) compare it with every other,
    # and read what the derivation proved of the vector and gated ones (their facts).
    related_key = _digest(code_key(RELATED_CODE), *every, *(cache.fragment_key(a) for a in acts))
    related_paths = {a.slug: out / "generated" / a.slug / "related.md" for a in acts}
    if not all(fresh(path, related_key) for path in related_paths.values()):
        lists = related.related(acts, {a.slug: cache.facts(a) for a in acts})
        for act in acts:
            emit(related_paths[act.slug], related_key, related.markdown(act, lists[act.slug]).encode())
    landing = out / "generated" / "overview.md"  # the home page's activations, by family
    if not fresh(landing, index_key):
        emit(landing, index_key, render.overview(acts).encode())
    listing = out / "generated" / "catalog.md"  # the catalog page: every activation with its tags
    listing_key = _digest(code_key(CATALOG_CODE), *every, *(cache.fragment_key(a) for a in acts))
    if not fresh(listing, listing_key):
        emit(listing, listing_key, catalog.page(acts, {a.slug: cache.facts(a) for a in acts}).encode())
    # The explorer's formulas as JavaScript (scripts/explorer.py), from every declaration and its facts.
    explorer_js = out / "explorer" / "functions.js"
    explorer_key = _digest(code_key(EXPLORER_CODE), *every, *(cache.facts_key(a) for a in acts))
    if not fresh(explorer_js, explorer_key):
        emit(explorer_js, explorer_key, explorer.javascript(acts, cache.facts).encode())
    affine = out / "generated" / "affine.md"
    affine_key = code_key(AFFINE_CODE)  # a proof about matrices: no declaration enters it
    if not fresh(affine, affine_key):
        emit(affine, affine_key, render.affine(derive.affine_composition()).encode())
    # The concept pages' numbers (gains, SELU's constants, derivative bounds) list every activation.
    concepts = _digest(code_key(CONCEPT_CODE), *every)
    concept_dir = out / "generated" / "concepts"
    if not all(fresh(concept_dir / name, concepts) for name in CONCEPT_FRAGMENTS):
        try:
            # Imported here, not at the top: it reads the catalog when imported, and a
            # malformed declaration must fail with its name, not in an import.
            if str(SCRIPTS) not in sys.path:  # MkDocs restores sys.path after loading the hook
                sys.path.insert(0, str(SCRIPTS))
            import numerics

            texts = numerics.fragments()
        except DeclarationError:
            raise
        except Exception as err:
            raise DeclarationError("concepts", f"numerics failed: {type(err).__name__}: {err}") from err
        for name in CONCEPT_FRAGMENTS:
            emit(concept_dir / name, concepts, texts[name].encode())
    # Remove what belongs to activations that are no longer declared.
    wanted = {n for a in acts for n in figures.figure_names(a)}
    for path in (out / "figures").glob("*.svg"):
        if path.name not in wanted:
            path.unlink()
            stamps.pop(str(path.relative_to(out)), None)
    for path in (out / "cache" / "facts").glob("*.pickle"):
        if path.stem not in cache.acts:
            path.unlink()
    report.derived = cache.derived
    cache.save()
    write_if_changed(stamps_path, json.dumps(stamps, indent=1, sort_keys=True).encode())
    report.seconds = time.perf_counter() - start
    return report


class BuildError(RuntimeError):
    """build.py, run in a new process, failed; the message is its error line."""


def generate_in_new_process(out: Path = DEFAULT_OUT) -> Report:
    """:func:`generate` in a fresh interpreter, with the code as it is on disk now."""
    import subprocess

    result = subprocess.run([sys.executable, str(Path(__file__).resolve()), "--out", str(out), "--json"],
                            capture_output=True, text=True)
    if result.returncode != 0:
        lines = [line for line in result.stderr.splitlines() if line.strip()]
        message = next((line[len("error: "):] for line in lines if line.startswith("error: ")), None)
        raise BuildError(message or "build.py failed: " + (lines[-1] if lines else f"exit status {result.returncode}"))
    return Report(**json.loads(result.stdout.strip().splitlines()[-1]))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT, help="output folder (default: build/)")
    parser.add_argument("--force", action="store_true", help="regenerate everything")
    parser.add_argument("--json", action="store_true", help="print the report as JSON (for the MkDocs hook)")
    args = parser.parse_args(argv)
    try:
        report = generate(args.out, force=args.force)
    except DeclarationError as err:
        print(f"error: {err}", file=sys.stderr)
        return 1
    if args.json:
        print(json.dumps(dataclasses.asdict(report)))
        return 0
    print(f"derived {len(report.derived)} activation(s), drew {len(report.drawn)} figure(s), "
          f"wrote {len(report.written)} file(s) in {report.seconds:.1f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""Execute the experiment notebooks, each cached on what it really uses.

    python scripts/notebooks.py            # execute what is stale into build/experiments/
    python scripts/notebooks.py --force    # execute everything
    python scripts/notebooks.py --explain  # what each notebook's cache key covers

Notebooks live in ``docs/experiments/`` as jupytext percent-format ``.py``
files, so no output ever enters git. They run here, before MkDocs renders
anything, and mkdocs-jupyter only converts the executed copies to HTML
(its own cache would ignore imported code: it is not used for execution).

A notebook's cache key covers the notebook, the project modules it imports
(``scripts/`` and ``snippets/``, found from its import statements,
transitively), the snippets it names by slug (``activation("relu")``), the
whole catalog (every declaration and every snippet) only if it reads the
catalog (``elementwise_activations()``, ``catalog.ACTIVATIONS``, ...), this
runner and the library versions. Editing one snippet re-runs the notebooks
that use it; an unchanged rebuild (every ``mkdocs serve`` reload) runs none.
Stale notebooks run side by side, one kernel per core, each in its own process.
A failing cell fails the build with the notebook's path, the cell number and
the error.
"""

from __future__ import annotations

import argparse
import ast
import dataclasses
import hashlib
import os
import re
import shutil
import sys
import tempfile
import time
from pathlib import Path

SCRIPTS = Path(__file__).resolve().parent
ROOT = SCRIPTS.parent
NOTEBOOKS = ROOT / "docs" / "experiments"
DEFAULT_OUT = ROOT / "build" / "experiments"
TIMEOUT = 600  # seconds per cell
# What reads the whole catalog in scripts/activations.py; a function of
# another project module that uses one of these reads it too.
CATALOG_API = frozenset({"ACTIVATIONS", "by_slug", "load"})
MODULE_PATH = ("snippets", "scripts")  # the kernel's PYTHONPATH, in order


class NotebookError(RuntimeError):
    """A notebook that failed; the message names the file and the cell."""


def sources(root: Path = ROOT) -> list[Path]:
    return sorted((root / "docs" / "experiments").glob("*.py"))


# --------------------------------------------------------------------------
# What a notebook uses
# --------------------------------------------------------------------------


def module_file(name: str, root: Path = ROOT) -> Path | None:
    """The project file that ``import name`` loads in a notebook's kernel, if any."""
    for folder in MODULE_PATH:
        path = root / folder / f"{name}.py"
        if path.is_file():
            return path
    return None


def _imported_names(tree: ast.AST) -> set[str]:
    """Top-level module names imported by ``import``, ``from ... import`` and
    ``importlib.import_module("literal")``."""
    names = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names |= {alias.name.split(".")[0] for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            names.add(node.module.split(".")[0])
        elif (isinstance(node, ast.Call) and node.args and isinstance(node.args[0], ast.Constant)
              and isinstance(node.args[0].value, str)
              and (getattr(node.func, "attr", None) or getattr(node.func, "id", None)) == "import_module"):
            names.add(node.args[0].value.split(".")[0])
    return names


_PARSED: dict[tuple[Path, str], tuple[ast.Module, set[str]]] = {}


def _parse(path: Path) -> tuple[ast.Module, set[str]]:
    """The file's syntax tree and the modules it imports (memoised on its content)."""
    data = path.read_bytes()
    key = (path, hashlib.sha256(data).hexdigest())
    if key not in _PARSED:
        tree = ast.parse(data, filename=str(path))
        _PARSED[key] = (tree, _imported_names(tree))
    return _PARSED[key]


def project_code(paths, root: Path = ROOT) -> dict[Path, ast.Module]:
    """``paths`` and every project module (``snippets/``, ``scripts/``) they import, transitively."""
    trees: dict[Path, ast.Module] = {}
    todo = [Path(p) for p in paths]
    while todo:
        path = todo.pop()
        if path in trees:
            continue
        trees[path], imported = _parse(path)
        for name in imported:
            found = module_file(name, root)
            if found is not None and found not in trees:
                todo.append(found)
    return dict(sorted(trees.items()))


def _bindings(tree: ast.Module) -> tuple[dict[str, str], dict[str, tuple[str, str]]]:
    """Local names bound by imports: {alias: module} and {name: (module, attribute)}."""
    modules, names = {}, {}
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            for alias in node.names:
                modules[(alias.asname or alias.name).split(".")[0]] = alias.name.split(".")[0]
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            for alias in node.names:
                names[alias.asname or alias.name] = (node.module.split(".")[0], alias.name)
    return modules, names


def _reads(node: ast.AST, bindings, api: dict[str, set[str]], local: set[str]) -> bool:
    """Whether ``node`` refers to something in ``api`` (by module) or in ``local``."""
    modules, names = bindings
    for n in ast.walk(node):
        if isinstance(n, ast.Name):
            if n.id in local or (n.id in names and names[n.id][1] in api.get(names[n.id][0], ())):
                return True
        elif isinstance(n, ast.Attribute) and isinstance(n.value, ast.Name) and n.value.id in modules:
            if n.attr in api.get(modules[n.value.id], ()):
                return True
    return False


def _catalog_api(trees: dict[Path, ast.Module]) -> dict[str, set[str]]:
    """For each project module, its top-level functions and classes that read the whole catalog."""
    api: dict[str, set[str]] = {"activations": set(CATALOG_API)}
    changed = True
    while changed:
        changed = False
        for path, tree in trees.items():
            if path.stem == "activations":
                continue
            bindings = _bindings(tree)
            mine = api.setdefault(path.stem, set())
            for node in tree.body:
                if (isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef))
                        and node.name not in mine and _reads(node, bindings, api, mine)):
                    mine.add(node.name)
                    changed = True
    return api


@dataclasses.dataclass
class Uses:
    """What one notebook uses, found from its code."""

    code: list[Path]  # the notebook and the project modules it imports, transitively
    snippets: list[str]  # slugs named in the notebook (activation("relu"), {"elu": ...})
    catalog: bool  # reads the whole catalog: every declaration and every snippet


def uses(notebook: Path, root: Path = ROOT) -> Uses:
    trees = project_code([notebook], root)
    api = _catalog_api(trees)
    catalog = False
    for path, tree in trees.items():
        bindings = _bindings(tree)
        local = api.get(path.stem, set()) if path != notebook else set()
        if path == notebook:  # its own functions that read the catalog
            for node in tree.body:
                if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)) and \
                        _reads(node, bindings, api, local):
                    local.add(node.name)
        # Code that runs on import (or in the notebook's cells), outside definitions.
        body = [node for node in tree.body if not isinstance(
            node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef, ast.Import, ast.ImportFrom))]
        if path.stem != "activations" and any(_reads(node, bindings, api, local) for node in body):
            catalog = True
    literals = {n.value for n in ast.walk(trees[notebook]) if isinstance(n, ast.Constant) and isinstance(n.value, str)}
    snippets = sorted(s for s in literals if re.fullmatch(r"[a-z][a-z0-9_]*", s) and (root / "snippets" / f"{s}.py").is_file())
    return Uses(list(trees), snippets, catalog)


def cache_key(notebook: Path, root: Path = ROOT) -> str:
    import jupytext
    import matplotlib
    import numpy

    used = uses(notebook, root)
    files = set(used.code) | {root / "snippets" / f"{slug}.py" for slug in used.snippets} | {Path(__file__).resolve()}
    if used.catalog:
        files |= set((root / "snippets").glob("*.py")) | set((root / "scripts" / "declarations").glob("*.py"))
    h = hashlib.sha256()
    h.update(f"numpy {numpy.__version__} matplotlib {matplotlib.__version__} jupytext {jupytext.__version__}".encode())
    for path in sorted(files):
        name = path.relative_to(root) if path.is_relative_to(root) else Path(path.name)
        h.update(str(name).encode() + b"\0" + path.read_bytes() + b"\0")
    return h.hexdigest()[:20]


def execute(notebook: Path, out: Path, root: Path = ROOT) -> Path:
    """Run one notebook and write the executed .ipynb; raise NotebookError on a failing cell."""
    import jupytext
    import nbformat
    from jupyter_client.manager import KernelManager
    from nbclient import NotebookClient
    from nbclient.exceptions import CellExecutionError, CellTimeoutError

    nb = jupytext.read(notebook)
    for n, cell in enumerate(nb.cells):  # jupytext draws random cell ids: fix them
        cell.id = f"cell-{n}"
    nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}
    env_path = os.pathsep.join([str(root / "snippets"), str(root / "scripts"), os.environ.get("PYTHONPATH", "")])
    # IPC transport: the kernel talks over local sockets in a temporary
    # folder, not TCP (ipykernel warns about unencrypted TCP otherwise).
    runtime = tempfile.mkdtemp(prefix="kernel-")
    km = KernelManager(kernel_name="python3", transport="ipc", connection_file=os.path.join(runtime, "kernel.json"))
    client = NotebookClient(nb, km=km, timeout=TIMEOUT, kernel_name="python3", allow_errors=False,
                            resources={"metadata": {"path": str(notebook.parent)}})
    old = os.environ.get("PYTHONPATH")
    os.environ["PYTHONPATH"] = env_path
    os.environ.setdefault("MPLBACKEND", "Agg")
    # One BLAS thread: on 2 cores, threaded small matrix products in the
    # experiments ran tens of times slower than single-threaded ones.
    os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")
    rel = notebook.relative_to(root) if notebook.is_relative_to(root) else notebook
    try:
        client.execute()
    except (CellExecutionError, CellTimeoutError) as err:
        cell = _failed_cell(nb)
        first = str(err).strip().splitlines()
        reason = next((line for line in reversed(first) if line.strip()), type(err).__name__)
        reason = re.sub(r"\x1b\[[0-9;]*m", "", reason)  # the kernel colours its traceback
        raise NotebookError(f"notebook {rel}, cell {cell}: {reason}") from None
    except Exception as err:  # kernel died, missing kernel, ...
        raise NotebookError(f"notebook {rel}: {type(err).__name__}: {err}") from None
    finally:
        if km.has_kernel:  # nbclient leaves a kernel it did not start running
            km.shutdown_kernel(now=True)
        shutil.rmtree(runtime, ignore_errors=True)
        if old is None:
            os.environ.pop("PYTHONPATH", None)
        else:
            os.environ["PYTHONPATH"] = old
    for cell in nb.cells:  # execution counts and timings are not content
        cell.get("metadata", {}).pop("execution", None)
    target = out / f"{notebook.stem}.ipynb"
    target.parent.mkdir(parents=True, exist_ok=True)
    tmp = target.with_name(f".{target.name}.{os.getpid()}.tmp")
    nbformat.write(nb, str(tmp))
    os.replace(tmp, target)
    return target


def _failed_cell(nb) -> int:
    """1-based number of the first code cell with an error output."""
    for n, cell in enumerate(nb.cells, start=1):
        for output in cell.get("outputs", []):
            if output.get("output_type") == "error":
                return n
    return 0


def _execute_in_new_process(notebook: Path, out: Path, root: Path) -> None:
    """:func:`execute` in a fresh interpreter, so that several notebooks run at once."""
    import subprocess

    result = subprocess.run([sys.executable, str(Path(__file__).resolve()), "--one", str(notebook), "--out", str(out),
                             "--root", str(root)], capture_output=True, text=True)
    if result.returncode != 0:
        lines = [line for line in result.stderr.splitlines() if line.strip()]
        message = next((line[len("error: "):] for line in lines if line.startswith("error: ")), None)
        raise NotebookError(message or f"notebook {notebook.name}: " + (lines[-1] if lines else "failed"))


def run_all(out: Path = DEFAULT_OUT, root: Path = ROOT, force: bool = False) -> list[str]:
    """Execute every stale notebook (several at once on several cores); return the names executed."""
    from concurrent.futures import ThreadPoolExecutor

    wanted, stale = set(), []
    for notebook in sources(root):
        key = cache_key(notebook, root)
        target = out / f"{notebook.stem}.ipynb"
        stamp = out / f".{notebook.stem}.key"
        wanted |= {target.name, stamp.name}
        if not force and target.exists() and stamp.exists() and stamp.read_text() == key:
            continue
        stale.append((notebook, stamp, key))

    def run(item, alone: bool) -> str:
        notebook, stamp, key = item
        start = time.perf_counter()
        if alone:
            execute(notebook, out, root)
        else:
            _execute_in_new_process(notebook, out, root)
        stamp.write_text(key)
        return f"{notebook.name} ({time.perf_counter() - start:.1f} s)"

    # Each kernel computes on one thread (one BLAS thread): one kernel per core.
    jobs = min(len(stale), os.cpu_count() or 1)
    if jobs <= 1:
        executed = [run(item, alone=True) for item in stale]
    else:
        out.mkdir(parents=True, exist_ok=True)
        with ThreadPoolExecutor(max_workers=jobs) as pool:
            futures = [pool.submit(run, item, False) for item in stale]
        errors = [f.exception() for f in futures if f.exception() is not None]
        if errors:
            raise errors[0]
        executed = [f.result() for f in futures]
    if out.exists():
        for path in out.iterdir():
            if path.name not in wanted and path.suffix in (".ipynb", ".key"):
                path.unlink()
    return executed


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT)
    parser.add_argument("--force", action="store_true")
    parser.add_argument("--explain", action="store_true", help="print what each notebook's cache key covers")
    parser.add_argument("--one", type=Path, help=argparse.SUPPRESS)  # run_all's worker: execute this notebook
    parser.add_argument("--root", type=Path, default=ROOT, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.one:
        try:
            execute(args.one, args.out, args.root)
        except NotebookError as err:
            print(f"error: {err}", file=sys.stderr)
            return 1
        return 0
    if args.explain:
        for notebook in sources():
            used = uses(notebook)
            code = ", ".join(str(p.relative_to(ROOT)) for p in used.code if p != notebook)
            print(f"{notebook.relative_to(ROOT)}: imports {code or 'nothing'}; snippets by name: "
                  f"{', '.join(used.snippets) or 'none'}; whole catalog: {'yes' if used.catalog else 'no'}")
        return 0
    try:
        executed = run_all(args.out, force=args.force)
    except NotebookError as err:
        print(f"error: {err}", file=sys.stderr)
        return 1
    print("executed: " + (", ".join(executed) if executed else "nothing (all cached)"))
    return 0


if __name__ == "__main__":
    sys.exit(main())


_CDN_SCRIPTS = re.compile(
    r'<script src="">\s*</script>'  # an empty MathJax include
    r'|<script type="text/x-mathjax-config">.*?</script>'
    r'|<script type="module">(?:(?!</script>).)*?mermaid.*?</script>',
    flags=re.S,
)


def strip_cdn_scripts(html: str) -> str:
    """Remove what nbconvert's template would load from CDNs (MathJax, Mermaid).

    The site renders math with its own KaTeX copy and has no Mermaid cells.
    """
    return _CDN_SCRIPTS.sub("", html)


def description(executed: Path) -> str | None:
    """The description a notebook declares in its jupytext header, for the page's meta tag."""
    import json

    try:
        return json.loads(executed.read_text(encoding="utf-8")).get("metadata", {}).get("description")
    except (OSError, ValueError):
        return None

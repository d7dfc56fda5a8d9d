"""Shared fixtures: the catalog, and everything the tests derive from it, once per run.

Nothing here lists activations: the snippet API, the parameter sets, the
exact references, the kinks and the limits at ±∞ are derived from the
declarations (``activations.ACTIVATIONS``) and cached for the session, so
each activation is derived once however many tests ask. The references are
``scripts/reference.py``'s (the one mpmath evaluator and the one snippet
loader of the project).

Snippets and scripts are importable because pytest.ini puts ``snippets/`` and
``scripts/`` on ``sys.path``, exactly as a reader who saved a snippet next
to their own code imports it.
"""

from __future__ import annotations

import dataclasses
import functools
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import sympy as sp

import activations
import build
import derive
import facts as facts_module
import reference
import tabs
import vector

ROOT = Path(__file__).resolve().parent.parent
CATALOG = activations.ACTIVATIONS
SLUGS = [a.slug for a in CATALOG]
BY_SLUG = {a.slug: a for a in CATALOG}
ELEMENTWISE = [a for a in CATALOG if a.kind == "elementwise"]
# Kinds whose outputs are elementwise expressions of x (one per output).
OUTPUT_KINDS = ("elementwise", "concat")
# Kinds that act on a vector along ``axis`` (declared over x[i] with a Sum);
VECTOR_KINDS = ("vector",)


def ids(acts):
    return [a.slug for a in acts]


def unhandled(act, what: str):
    """Fail, naming the kind: a test never silently skips an activation."""
    pytest.fail(f"{what}: kind {act.kind!r} of {act.slug!r} is not handled by this test; teach it the kind")


def snippet(slug: str):
    return reference.load_snippet(slug)


@functools.cache
def facts_of(slug: str):
    """The derived facts, from build/'s content-keyed cache (build.cached_facts): the same derivation the
    site's build stores and its pages show, derived once per checkout rather than once per test run."""
    return build.cached_facts(BY_SLUG[slug])


# ---------------------------------------------------------------------------
# The snippet's API, from the declaration
# ---------------------------------------------------------------------------


def param_defaults(act) -> dict[str, float]:
    return {p.name: float(activations.number(p.default)) for p in act.params}


def api(act) -> dict[str, dict[str, object]]:
    """{public function: {keyword: default}} that snippets/<slug>.py must define.

    Elementwise: ``<slug>`` and ``<slug>_derivative``, plus
    ``<slug>_derivative_<param>`` for each learned parameter, each taking the
    declared parameters with their defaults (floats). A concatenation also
    takes ``axis=-1``; a vector kind has ``<slug>`` and ``<slug>_jacobian``,
    both along ``axis=-1``; a gated kind ``<slug>`` and ``<slug>_derivative``
    along ``axis=-1`` (the derivative: the diagonals of the two Jacobian
    blocks, ∂y/∂a then ∂y/∂b, in x's shape). Variant keywords that are not
    parameters (GELU's ``approximate``) are keywords of every function too,
    and a stochastic activation (RReLU) takes ``rng=None``: None is
    evaluation mode, a ``numpy.random.Generator`` training mode.
    """
    p = param_defaults(act)
    extra = {}
    for v in act.variants:
        for key in v.kwargs:
            if key not in p:
                extra[key] = VARIANT_DEFAULT
    if act.stochastic is not None:  # rng=None: evaluation mode; a numpy Generator: training mode
        extra["rng"] = None
    if act.kind == "gated":  # the output has half the length along axis; the derivative x's shape
        kw = {"axis": -1, **p, **extra}  # geglu(x, axis=-1, approximate="tanh"): the axis first, as GLU's
        return {act.slug: kw, f"{act.slug}_derivative": kw}
    if act.kind == "elementwise":
        kw = {**p, **extra}
        names = {act.slug: kw, f"{act.slug}_derivative": kw}
        names |= {f"{act.slug}_derivative_{q.name}": kw for q in act.params if q.learned}
        return names
    if act.kind == "concat":
        kw = {**p, **extra, "axis": -1}
        names = {act.slug: kw, f"{act.slug}_derivative": kw}
        names |= {f"{act.slug}_derivative_{q.name}": kw for q in act.params if q.learned}
        return names
    if act.kind in VECTOR_KINDS:
        kw = {**p, **extra, "axis": -1}
        return {act.slug: kw, f"{act.slug}_jacobian": kw}
    unhandled(act, "the snippet API")


# A variant keyword's default is the main form's; the declaration does not
# spell it, so the API test checks that the keyword exists and has a default.
VARIANT_DEFAULT = object()


def derivative_name(act) -> str:
    return f"{act.slug}_jacobian" if act.kind in VECTOR_KINDS else f"{act.slug}_derivative"


# ---------------------------------------------------------------------------
# Cases: the defaults, every family value of each parameter, every variant
# ---------------------------------------------------------------------------


@dataclasses.dataclass(frozen=True)
class Case:
    """One way to call the snippet, and the declaration it must agree with."""

    slug: str
    label: str
    values: tuple[tuple[str, str], ...]  # parameter name -> exact decimal string (non-defaults)
    variant: str = ""  # a Variant's label, "" for the main form

    @property
    def act(self):
        return BY_SLUG[self.slug]

    def kwargs(self) -> dict[str, object]:
        """Keyword arguments for the snippet (parameters as floats, variant keywords as declared)."""
        kw: dict[str, object] = {name: float(v) for name, v in self.values}
        if self.variant:
            v = next(v for v in self.act.variants if v.label == self.variant)
            kw |= {k: (float(val) if k in {p.name for p in self.act.params} else tabs.keyword_value(val))
                   for k, val in v.kwargs.items()}
        return kw


def cases(act) -> list[Case]:
    found = [Case(act.slug, act.slug, ())]
    for p in act.params:
        found += [Case(act.slug, f"{act.slug}-{p.name}={v}", ((p.name, v),)) for v in p.family if v != p.default]
    for v in act.variants:
        found.append(Case(act.slug, f"{act.slug}-{v.label}", (), v.label))
    return found


def all_cases(kinds=OUTPUT_KINDS, where=None, defaults_only: bool = False) -> list:
    """pytest parameters: every case of the activations of ``kinds`` (for which ``where(case)`` holds)."""
    found = [c for a in CATALOG if a.kind in kinds for c in cases(a)]
    if defaults_only:
        found = [c for c in found if not c.values and not c.variant]
    return [pytest.param(c, id=c.label) for c in found if where is None or where(c)]


@functools.cache
def declaration(case: Case):
    """The Activation a case is checked against (a variant's, for a variant)."""
    act = case.act
    if not case.variant:
        return act
    v = next(v for v in act.variants if v.label == case.variant)
    return derive.variant_activation(act, v)


@functools.cache
def values_of(case: Case) -> dict[sp.Symbol, sp.Expr]:
    act = declaration(case)
    syms = derive.symbols(act)
    chosen = dict(case.values)
    values = {syms[p.symbol]: sp.Rational(chosen.get(p.name, p.default)) for p in act.params}
    values |= derive.parameter_values(act, constants_only=True)
    if act.stochastic is not None:  # evaluation mode: the random quantity at its mean
        values[syms[act.stochastic.param]] = derive.stochastic_mean(act).subs(values)
    return values


@functools.cache
def expressions(case: Case) -> tuple[sp.Expr, ...]:
    """The declared outputs, with constants and the case's parameter values substituted."""
    return tuple(e.subs(values_of(case)) for e in derive.outputs(declaration(case), constants=False))


@functools.cache
def learned_expressions(case: Case) -> dict[str, tuple[sp.Expr, ...]]:
    """∂f/∂p of each output for each learned parameter p, at the case's values."""
    act = declaration(case)
    syms = derive.symbols(act)
    exprs = derive.outputs(act, constants=False)
    return {p.name: tuple(derive.diff(e, syms[p.symbol]).subs(values_of(case)) for e in exprs)
            for p in act.params if p.learned}


@functools.cache
def references(case: Case) -> tuple[tuple, ...]:
    """(value, derivative) mpmath references of each output (reference.mp_function)."""
    return tuple((reference.mp_function(e), reference.mp_function(derive.derivative(e)))
                 for e in expressions(case))


@functools.cache
def kinks(case: Case) -> tuple[tuple[derive.Kink, ...], ...]:
    """The kinks of each output at the case's parameter values."""
    return tuple(tuple(derive.kinks(e, set())) for e in expressions(case))


def kink_points(case: Case) -> list[float]:
    return sorted({float(k.point) for out in kinks(case) for k in out})


@functools.cache
def declared_kink_derivative(case: Case, output: int, index: int) -> sp.Expr:
    """What the declaration says the snippet's f' returns at kink ``index`` of ``output``.

    ``kink_derivative`` is keyed by the kink's value at the defaults; where a
    parameter moves the kink (Hardtanh's bounds), the kink at the same place
    in the order at the defaults names the entry. Evaluated at the case's values;
    where f is differentiable and nothing is declared, f'(c) itself.
    """
    act = declaration(case)
    declared = activations.by_kink(act.kink_derivative)
    kink = kinks(case)[output][index]
    key = str(kink.point)
    if key not in declared and kink.value is sp.nan:  # f is undefined at c (the end of a log's domain)
        return sp.nan
    if key not in declared:
        at_defaults = Case(case.slug, case.slug, (), case.variant)
        key = str(kinks(at_defaults)[output][index].point)
    if key not in declared and kink.differentiable is True:  # f'(c) exists: no need to declare it
        return kink.left_quotient
    return derive.parse(act, declared[key]).subs(values_of(case))


def _tail(expr: sp.Expr, side: int) -> sp.Expr:
    """The piece of expr that holds as x → side·∞ (a Piecewise limit ignores direction)."""
    ps = derive.pieces(expr)
    return (ps[-1] if side > 0 else ps[0]).expr


def _limit(expr: sp.Expr, side: int) -> sp.Expr:
    """SymPy's limit at side·∞ of the outer piece.

    Hyperbolic functions are first rewritten as exponentials (the same
    function; SymPy's limit is several times faster on them: GELU's tanh
    form), and Phi and erf retried as erfc (x·Phi(x) at −∞). A limit SymPy
    leaves unevaluated is an error, never a silent pass."""
    tail = _tail(expr, side)
    forms = [tail.rewrite(sp.exp)] if tail.has(sp.tanh, sp.sinh, sp.cosh) else []
    for form in [*forms, tail, tail.rewrite(sp.erfc)]:
        found = sp.limit(form, derive.X, side * sp.oo)
        if not found.has(sp.Limit):
            return found
    raise ArithmeticError(f"SymPy cannot find the limit of {tail} at {side * sp.oo}")


@functools.cache
def limits(case: Case) -> dict[str, tuple[tuple[sp.Expr, sp.Expr], ...]]:
    """{function: ((lim at −∞, lim at +∞) of each output)} for f, f' and each ∂f/∂p."""
    d = derivative_name(case.act)
    found = {case.slug: tuple((_limit(e, -1), _limit(e, 1)) for e in expressions(case)),
             d: tuple((_limit(derive.derivative(e), -1), _limit(derive.derivative(e), 1))
                      for e in expressions(case))}
    for name, exprs in learned_expressions(case).items():
        found[f"{case.slug}_derivative_{name}"] = tuple((_limit(e, -1), _limit(e, 1)) for e in exprs)
    return found


# ---------------------------------------------------------------------------
# Vector kinds: the components of the declared x[i] expression
# ---------------------------------------------------------------------------


def vector_components(slug: str, size: int) -> tuple[tuple[sp.Symbol, ...], tuple[sp.Expr, ...]]:
    """The declared vector expression for ``size`` inputs (scripts/vector.py expands it)."""
    xs, comps = vector.components(BY_SLUG[slug], size)
    return tuple(xs), tuple(comps)


@functools.cache
def is_softmax(slug: str) -> bool:
    """Whether SymPy proves the declared vector activation equal to exp(x_i) / Σ_k exp(x_k) (n = 3)."""
    act = BY_SLUG[slug]
    if act.kind not in VECTOR_KINDS or act.threshold:
        return False
    xs, comps = vector_components(slug, 3)
    total = sum(sp.exp(v) for v in xs)
    return all(sp.simplify(c - sp.exp(v) / total) == 0 for c, v in zip(comps, xs))


@functools.cache
def _compiled(slug: str, size: int, support: tuple[int, ...] | None):
    """mpmath references of the outputs and of the Jacobian on one smooth region."""
    act = BY_SLUG[slug]
    xs = tuple(vector.inputs(size))
    if support is None:
        outs = vector_components(slug, size)[1]
    else:
        outs = next(r for r in vector.regions(act, size) if r.support == support).outputs

    def fn(expr):
        f = reference.mp_function(sp.sympify(expr).subs(xs[0], derive.X), xs[1:])
        return lambda row: f(*(float(v) for v in row))

    return [fn(o) for o in outs], [[fn(sp.diff(o, xj)) for xj in xs] for o in outs]


def vector_references(slug: str, row) -> tuple[list, list]:
    """(values, Jacobian) references at an input row: mpmath functions of the row.

    A projection (a declared threshold) is one expression per region of equal
    support; the row's region is found by scripts/vector.py's sorted-support rule.
    """
    act = BY_SLUG[slug]
    support = vector.region_of(act, [float(v) for v in row]).support if act.threshold else None
    return _compiled(slug, len(row), support)


@pytest.fixture(scope="session")
def root() -> Path:
    return ROOT


MKDOCS = [sys.executable, "-m", "mkdocs"]
ENV = {**os.environ, "SOURCE_DATE_EPOCH": "0", "NO_MKDOCS_2_WARNING": "1"}


# A cold build of the whole catalog (75 activations: derivations, figures, five notebooks) took about
# 15 minutes on the shared 2-core machine under load; 900 s was too short for it in CI.
def run_mkdocs(*args: str, cwd: Path = ROOT, timeout: int = 2400) -> subprocess.CompletedProcess:
    return subprocess.run(MKDOCS + list(args), cwd=cwd, env=ENV, capture_output=True, text=True, timeout=timeout)


@dataclasses.dataclass
class SiteBuild:
    path: Path
    returncode: int
    log: str


@pytest.fixture(scope="session")
def site_build(tmp_path_factory) -> SiteBuild:
    """One strict build of this checkout, shared by every test that reads the site."""
    out = tmp_path_factory.mktemp("site")
    result = run_mkdocs("build", "--strict", "--site-dir", str(out))
    return SiteBuild(out, result.returncode, result.stdout + result.stderr)


@pytest.fixture(scope="session")
def site(site_build) -> Path:
    """The built site's folder (the build must have succeeded)."""
    assert site_build.returncode == 0, site_build.log
    return site_build.path


# The tests that build or break a whole project do it on a small copy: three
# declarations with their pages and snippets (SELU's identity calls ELU; the
# concept pages need SELU), and stand-in notebooks. Their time does not grow
# with the catalog.
SMALL_CATALOG = ("binary_step", "elu", "selu")
CATALOG_NOTEBOOK = """# %% [markdown]
# # Activation statistics (stand-in)

# %%
from mlp import elementwise_activations

print(", ".join(a.slug for a in elementwise_activations()))
"""
ELU_NOTEBOOK = """# %% [markdown]
# # ELU only

# %%
from mlp import activation

f, df = activation("elu")
print(float(f(-1.0)), float(df(-1.0)))
"""


def _small_copy(source: Path, dest: Path) -> Path:
    """Copy of ``source`` keeping only the SMALL_CATALOG activations and stand-in notebooks."""
    def ignore(folder, names):
        folder = Path(folder)
        drop = {".venv", ".git", "site", "__pycache__", ".pytest_cache"}
        if folder.name == "declarations" or folder.name == "snippets" or folder.name == "activations":
            drop |= {n for n in names if n.endswith((".py", ".md")) and n[:-3] not in SMALL_CATALOG
                     and n != "index.md"}
        if folder.name == "experiments" and folder.parent.name == "docs":
            drop |= set(names)
        return drop

    for name in ("docs", "scripts", "snippets"):
        shutil.copytree(source / name, dest / name, ignore=ignore)
    shutil.copy(source / "mkdocs.yml", dest / "mkdocs.yml")
    write(dest / "docs" / "experiments" / "activation_statistics.py", CATALOG_NOTEBOOK)
    # The per-activation outputs are keyed on their own inputs: this
    # checkout's cache (if any) is valid for them.
    for name in ("generated", "figures", "cache"):
        if (source / "build" / name).is_dir():
            shutil.copytree(source / "build" / name, dest / "build" / name)
    return dest


@pytest.fixture(scope="session")
def small_project(tmp_path_factory) -> Path:
    """The small project, generated and executed once (a warm cache that copies share)."""
    project = _small_copy(ROOT, tmp_path_factory.mktemp("small") / "project")
    for script in ("build.py", "notebooks.py"):
        subprocess.run([sys.executable, str(project / "scripts" / script)], env=ENV, check=True,
                       capture_output=True, text=True)
    return project


def write(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text)

"""The catalog: what a declaration may say, and where the declarations are.

Every activation is declared once, in its own file
``scripts/declarations/<slug>.py``, as ``ACTIVATION = Activation(...)`` (a
small family may declare ``ACTIVATIONS = (...)``). The files are found by
:func:`load`; nothing else lists the activations. Formulas, derivatives,
property tables, figures, the navigation, the activations index, the
comparison table, the benchmark and every parametrised test are generated
from these declarations; snippets and pages are checked against them.

Adding an activation touches three places: its declaration, its page
``docs/activations/<slug>.md`` and its snippet ``snippets/<slug>.py``.

A declaration is data. :func:`check` validates its structure before any
SymPy work and names the activation and the field when something is wrong.
"""

from __future__ import annotations

import ast

import functools
import importlib.util
import re
from dataclasses import dataclass, field, fields
from fractions import Fraction
from pathlib import Path

DECLARATIONS = Path(__file__).resolve().parent / "declarations"
CONCEPT_PAGES = Path(__file__).resolve().parent.parent / "docs"


class DeclarationError(ValueError):
    """A declaration that cannot be used; the message names the activation (and the field)."""

    def __init__(self, slug: str, problem: str, field_name: str = ""):
        where = f"activation {slug!r}" + (f", field {field_name!r}" if field_name else "")
        super().__init__(f"{where}: {problem}")
        self.slug = slug
        self.field = field_name


# Families, in the order the navigation and the index show them.
FAMILIES: dict[str, str] = {
    "classical": "Linear and threshold",
    "sigmoid": "Sigmoid-like",
    "relu": "ReLU family",
    "exponential": "Exponential linear",
    "self_gated": "Smooth self-gated",
    "gated": "Gated (GLU family)",
    "softmax": "Softmax family",
    "shrinkage": "Shrinkage",
    "periodic": "Periodic and radial",
    "other": "Other",
}
# "vector": each output depends on the whole input vector (softmax family,
# sparsemax), declared over x[i] with Sum; "gated": the input is split in two
# halves a and b along an axis and one half gates the other (GLU family).
KINDS = ("elementwise", "concat", "vector", "gated")
VECTOR_KINDS = ("vector",)
GATES = ("first", "second")
ASSUMPTIONS = ("positive", "nonnegative", "negative", "nonpositive", "real")
FRAMEWORKS = ("PyTorch", "Keras", "TensorFlow", "JAX")


@dataclass(frozen=True)
class Param:
    """A parameter of an activation.

    ``name`` is the keyword argument in the snippet, ``symbol`` the SymPy
    name used in the expression (``alpha`` renders as α, ``lamda`` as λ),
    ``default`` an exact number as a string, of any sign ("-1", "0.01", "1/3"). ``assume`` is what
    SymPy may assume about the symbol ("positive", "nonnegative",
    "negative", "nonpositive" or "real"). ``family`` lists the values drawn
    in the family figure. ``learned`` parameters also get the derivative of
    the activation with respect to them. ``keywords`` are the other names
    framework calls give it (Keras' ``threshold`` for PyTorch's ``lambd``):
    the tabs and the framework differences read calls by them.
    """

    name: str
    symbol: str
    default: str
    description: str
    family: tuple[str, ...] = ()
    learned: bool = False
    assume: str = "positive"
    keywords: tuple[str, ...] = ()


@dataclass(frozen=True)
class Identity:
    """A claim proved by SymPy on the page: ``lhs == rhs`` for all real x.

    Both sides are SymPy strings in ``x`` that may call ``f`` (this
    activation, with its default parameters or parameters given by name),
    ``df`` (its derivative) and any other activation by slug.
    """

    text: str
    lhs: str
    rhs: str


@dataclass(frozen=True)
class Framework:
    """How a framework spells the activation, with its default arguments.

    ``calls`` are expressions in ``x`` (a module such as ``torch.nn.ReLU()``
    is called on ``x``); ``setup`` are statements run before them (for
    example a weight tensor). ``values`` gives the parameters (snippet
    names) the calls use where no keyword or setup assignment names them
    (``alpha_initializer="zeros"`` is slope 0); ``scripts/tabs.py`` turns
    all this into the tab's program and its printed output.
    """

    name: str  # "PyTorch", "Keras", "JAX" or "TensorFlow"
    calls: tuple[str, ...]  # code, defaults written out
    note: str = ""
    url: str = ""  # the framework's documentation of the main call
    setup: tuple[str, ...] = ()
    values: dict[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class Reference:
    """A paper, book or document: authors, year, title and a checked link (DOI or arXiv)."""

    authors: str
    year: int
    title: str
    url: str
    note: str = ""  # what it is to this activation: "introduced it", "named it", ...


@dataclass(frozen=True)
class UsedIn:
    """A notable model or architecture that uses the activation, with its source."""

    model: str
    source: str  # URL of the paper or the model's code or config
    note: str = ""
    # The exact string the model's config names the activation by, and the
    # config key that holds it ("hidden_act" in Hugging Face configs; a
    # model's own key otherwise). A string under one of HF_ACT_KEYS must be
    # one of the activation's HiddenAct names. These rows make the page
    # "Activations in today's models".
    config: str = ""
    config_key: str = "hidden_act"
    # A transformers configuration class whose default for config_key is
    # config ("LlamaConfig"), checked by tests/test_hidden_act.py.
    config_class: str = ""


@dataclass(frozen=True)
class HiddenAct:
    """A string that Hugging Face transformers' ``ACT2FN`` maps to this activation.

    ``kwargs`` are the snippet's keyword arguments (variant, parameters) that
    compute what ``ACT2FN[name]`` computes, e.g. ``{"approximate": "tanh"}``
    for ``gelu_new``; tests/test_hidden_act.py compares the two where
    transformers is installed. ``note`` says how transformers' code differs
    (a clamp, a float32 constant, a learned parameter's storage).
    """

    name: str
    kwargs: dict[str, str] = field(default_factory=dict)
    note: str = ""
    # The largest absolute difference from the snippet the test allows (a
    # clamp or a rounded constant in transformers' code, said in note);
    # 0 means agreement to 1e-12 relative.
    atol: float = 0.0


# Config keys whose value transformers looks up in ACT2FN.
HF_ACT_KEYS = ("hidden_act", "hidden_activation", "activation_function", "mlp_hidden_act")


@dataclass(frozen=True)
class Naive:
    """The textbook one-liners the benchmark compares the snippet with.

    Python statements ending in an expression (``;`` separates statements),
    evaluated with ``np``, ``x`` and the parameters and constants at their
    defaults.
    """

    forward: str
    derivative: str


@dataclass(frozen=True)
class TorchGain:
    """What ``torch.nn.init.calculate_gain`` returns for this activation."""

    nonlinearity: str  # the string passed to calculate_gain
    value: str  # SymPy expression of what it returns, exactly
    why: str = ""  # where PyTorch's value comes from, when it differs from 1/sqrt(E[f(Z)²])


@dataclass(frozen=True)
class Variant:
    """A named variant of the activation, derived and shown on the same page.

    ``kwargs`` are the keyword arguments that select it (in the snippet and
    the frameworks, e.g. ``{"approximate": "tanh"}``); a key naming a
    declared parameter also sets that parameter's value for the variant.
    ``expr`` is the variant's SymPy expression ("" keeps the main one);
    ``kink_derivative`` is what the snippet returns at its kinks, as for the
    activation. ``derive.variant_activation`` turns it into an Activation.
    ``selected_by`` are keyword arguments exactly as a framework call writes
    them (``approximate=True``) that select this variant where the framework
    spells it differently from the snippet.
    """

    label: str
    kwargs: dict[str, str] = field(default_factory=dict)
    expr: str = ""
    kink_derivative: dict[str, str] = field(default_factory=dict)
    description: str = ""
    selected_by: tuple[str, ...] = ()


@dataclass(frozen=True)
class Stochastic:
    """A quantity drawn at random in training (RReLU's slope).

    ``param`` is the SymPy symbol of the random quantity used in ``expr``
    (not a declared Param); in training it is drawn from U(low, high), in
    evaluation it is fixed at the mean (low + high) / 2. ``low`` and
    ``high`` name declared parameters or constants, or are exact numbers.
    """

    param: str
    low: str
    high: str
    description: str = ""


@dataclass(frozen=True)
class Activation:
    slug: str
    name: str
    symbol: str  # LaTeX name of the function, e.g. r"\sigma"
    expr: str | tuple[str, ...]  # tuple: the outputs of a concatenating activation
    family: str = "other"  # a key of FAMILIES
    aliases: tuple[str, ...] = ()
    kind: str = "elementwise"  # one of KINDS
    params: tuple[Param, ...] = ()
    constants: tuple[Param, ...] = ()  # fixed numbers, shown with their value
    plot_range: tuple[float, float] = (-5.0, 5.0)
    # What the snippet returns for f' at each kink, keyed by the kink's
    # exact value as a string; checked against the one-sided limits.
    kink_derivative: dict[str, str] = field(default_factory=dict)
    # What each framework's autodiff returns there (checked by tests when
    # the framework is installed).
    framework_kink_derivative: dict[str, dict[str, str]] = field(default_factory=dict)
    identities: tuple[Identity, ...] = ()
    frameworks: tuple[Framework, ...] = ()
    # Sources: the paper that introduced it; "" in no_reference says why there is none.
    references: tuple[Reference, ...] = ()
    no_reference: str = ""
    used_in: tuple[UsedIn, ...] = ()
    # The strings Hugging Face transformers' ACT2FN maps to this activation.
    hidden_act: tuple[HiddenAct, ...] = ()
    # Concept pages and experiments that concern it, as paths under docs/.
    concepts: tuple[str, ...] = ()
    # For the benchmark: the naive formulas, and the scipy.special (or NumPy)
    # call that computes the same values, if there is one.
    naive: Naive | None = None
    scipy: str = ""
    numpy_reference: str = ""
    torch_gain: TorchGain | None = None
    # Accuracy the snippet must reach against the mpmath reference, in ULP
    # (value, derivative); a looser bound must say why in ulp_reason.
    ulp: tuple[float, float] = (4.0, 16.0)
    ulp_reason: str = ""
    # Named variants shown on the same page (GELU's tanh approximation, ...).
    variants: tuple[Variant, ...] = ()
    # A parameter drawn at random in training and fixed at its mean in evaluation (RReLU).
    stochastic: Stochastic | None = None
    # Vector-valued kinds (scripts/vector.py and scripts/gated.py derive and prove them).
    # kind="gated": which half of the input is the gate, "first" (a) or "second" (b).
    gate: str = ""
    # kind="vector": the Jacobian ∂y_i/∂x_j in closed form, a SymPy string in
    # i, j, KroneckerDelta, the outputs y[i], the inputs x[i], s[i] (softmax
    # of x), n (the input's length) with a summation index k (softpick's
    # Sum(Abs(exp(x[k]) - 1), (k, 1, n))) and, with a threshold, m (the support's
    # size) and supp[i] (1 on the support, else 0); proved against SymPy's
    # Jacobian for n = 2, 3, 4.
    jacobian: str = ""
    # kind="vector", a projection (sparsemax): the threshold tau used in expr,
    # a SymPy string in m and x[1], ..., x[m], the inputs in the support
    # {i : x_i > tau} (the m largest).
    threshold: str = ""
    # kind="vector" without a threshold: the second input c of the figure's two-input slice
    # (x, c), a finite number (default 0; softpick's (x, 0) is a step, it is drawn at (x, 1)).
    figure_second: float = 0


SLUG = re.compile(r"^[a-z][a-z0-9_]*$")
URL = re.compile(r"^https://\S+$")


def _fail(act: Activation, field_name: str, problem: str):
    raise DeclarationError(getattr(act, "slug", "?"), problem, field_name)


def number(text: str) -> Fraction:
    """The exact value of a declared number: a decimal ("-0.25", "1e-3") or a ratio ("1/3")."""
    return Fraction(text.strip())


def shown(text: str) -> str:
    """A declared number as a reader reads it: a decimal that is exactly a float64 but longer than
    that float's shortest spelling (StarReLU's 2/√5, written out in its 53 digits so that the tests
    compare with the very float the snippet holds) is shown as that spelling; anything else as declared."""
    value = number(text)
    if len(text.strip()) > 20 and Fraction(float(value)) == value:
        return repr(float(value))
    return text


def by_kink(mapping: dict) -> dict:
    """A kink-keyed mapping (``kink_derivative``) keyed by SymPy's spelling of each exact number:
    "0.5", "1/2" and "2/4" all become "1/2", the ``str`` of the kink SymPy finds."""
    return {str(number(key)): value for key, value in mapping.items()}


def _number(text) -> bool:
    """An exact number written as a string (a float such as 0.1 is not exact: write "0.1")."""
    if not isinstance(text, str):
        return False
    try:
        number(text)
    except (ValueError, ZeroDivisionError):
        return False
    return True


_TYPES = {"str": (str,), "int": (int,), "bool": (bool,), "float": (int, float), "tuple": (tuple,),
          "dict": (dict,), "None": (type(None),)}


_NAMES = {str: "a string", int: "a number", bool: "True or False", float: "a number", tuple: "a tuple",
          dict: "a dict", type(None): "None"}


def _expected_types(annotation: str) -> tuple[type, ...] | None:
    """The types a field's annotation allows ("str | tuple[str, ...]" -> (str, tuple)); None: not checked."""
    allowed: tuple[type, ...] = ()
    for part in annotation.split("|"):
        base = part.strip().split("[")[0]
        if base not in _TYPES:
            return None
        allowed += _TYPES[base]
    return allowed


def _check_fields(act: Activation, field_name: str, obj) -> None:
    """Every field of a declaration object has the type its annotation says."""
    for f in fields(obj):
        value, allowed = getattr(obj, f.name), _expected_types(f.type)
        if allowed is None:
            continue
        wrong = not isinstance(value, allowed) or (isinstance(value, bool) and bool not in allowed)
        if wrong:
            owner = "" if obj is act else f"{type(obj).__name__}.{f.name} "
            hint = " (a trailing comma makes a tuple)" if allowed == (tuple,) else ""
            wanted = " or ".join(dict.fromkeys(_NAMES[t] for t in allowed))
            _fail(act, field_name if obj is not act else f.name,
                  f"{owner}must be {wanted}, not {type(value).__name__} ({value!r}){hint}")


def check(act: Activation) -> None:
    """Structural checks, before any SymPy work; the error names the field."""
    if not isinstance(act, Activation):
        raise DeclarationError("?", f"a declaration must be an Activation, not {type(act).__name__}")
    if not isinstance(act.slug, str):
        raise DeclarationError(repr(act.slug), "the slug must be a string", "slug")
    _check_fields(act, "", act)
    nested = {"params": Param, "constants": Param, "identities": Identity, "frameworks": Framework,
              "references": Reference, "used_in": UsedIn, "variants": Variant,
              "hidden_act": HiddenAct}
    for name, cls in nested.items():
        for item in getattr(act, name):
            if not isinstance(item, cls):
                _fail(act, name, f"{item!r} is not a {cls.__name__}")
            _check_fields(act, name, item)
    for name, cls in (("naive", Naive), ("torch_gain", TorchGain), ("stochastic", Stochastic)):
        item = getattr(act, name)
        if item is not None:
            if not isinstance(item, cls):
                _fail(act, name, f"{item!r} is not a {cls.__name__}")
            _check_fields(act, name, item)
    if not act.references and not act.no_reference:
        _fail(act, "references", "every activation cites its source (references=...), "
                                 "or says why there is none (no_reference=...)")
    if not isinstance(act.slug, str) or not SLUG.match(act.slug):
        _fail(act, "slug", "must be lower case letters, digits and _, starting with a letter")
    for name in ("name", "symbol"):
        if not isinstance(getattr(act, name), str) or not getattr(act, name).strip():
            _fail(act, name, "must be a non-empty string")
    if act.family not in FAMILIES:
        _fail(act, "family", f"{act.family!r} is not one of {sorted(FAMILIES)}")
    if act.kind not in KINDS:
        _fail(act, "kind", f"{act.kind!r} is not one of {KINDS}")
    if not isinstance(act.expr, (str, tuple)) or not act.expr:
        _fail(act, "expr", "must be a SymPy string (or a tuple of them for a concatenation)")
    _check_vector(act)
    lo, hi = act.plot_range
    if not (isinstance(lo, (int, float)) and isinstance(hi, (int, float)) and lo < hi):
        _fail(act, "plot_range", f"{act.plot_range} is not an interval (lo, hi) with lo < hi")
    seen = set()
    for kind, group in (("params", act.params), ("constants", act.constants)):
        for p in group:
            if not isinstance(p, Param):
                _fail(act, kind, f"{p!r} is not a Param")
            if not p.name.isidentifier():
                _fail(act, kind, f"parameter name {p.name!r} is not a Python identifier")
            if p.name in seen or p.symbol in seen - {p.name}:
                _fail(act, kind, f"parameter {p.name!r} is declared twice")
            seen.add(p.name)
            if not _number(p.default):
                _fail(act, kind, f"default {p.default!r} of {p.name} is not a finite number")
            if p.assume not in ASSUMPTIONS:
                _fail(act, kind, f"assume={p.assume!r} of {p.name} is not one of {ASSUMPTIONS}")
            for v in p.family:
                if not _number(v):
                    _fail(act, kind, f"family value {v!r} of {p.name} is not a finite number")
            for k in p.keywords:
                if not isinstance(k, str) or not k.isidentifier():
                    _fail(act, kind, f"keyword {k!r} of {p.name} is not a Python identifier")
            _check_sign(act, kind, p)
    for key in list(act.kink_derivative) + list(act.framework_kink_derivative):
        if not _number(key):
            _fail(act, "kink_derivative", f"kink {key!r} is not an exact number")
    for fw in act.frameworks:
        if not isinstance(fw, Framework) or fw.name not in FRAMEWORKS:
            _fail(act, "frameworks", f"{fw!r} is not a Framework of {FRAMEWORKS}")
        if fw.url and not URL.match(fw.url):
            _fail(act, "frameworks", f"{fw.name} url {fw.url!r} is not an https URL")
    for ref in act.references:
        if not isinstance(ref, Reference):
            _fail(act, "references", f"{ref!r} is not a Reference")
        if not (ref.authors and ref.title and 1800 < ref.year < 2100 and URL.match(ref.url)):
            _fail(act, "references", f"{ref.title!r} needs authors, a year, a title and an https link")
    if act.no_reference and act.references:
        _fail(act, "no_reference", "give references or a reason for having none, not both")
    names = set()
    for h in act.hidden_act:
        if not h.name or h.name in names:
            _fail(act, "hidden_act", f"{h!r}: a name, given once")
        names.add(h.name)
        if not isinstance(h.atol, (int, float)) or h.atol < 0 or (h.atol and not h.note):
            _fail(act, "hidden_act", f"{h.name}: atol must be a number ≥ 0, and a nonzero one needs a note")
        _check_kwargs(act, "hidden_act", h.name, h.kwargs)
    for used in act.used_in:
        if not isinstance(used, UsedIn) or not URL.match(used.source):
            _fail(act, "used_in", f"{used!r} needs a model and an https source")
        if used.config and used.config_key in HF_ACT_KEYS and used.config not in names:
            _fail(act, "used_in", f"{used.model}: {used.config_key} {used.config!r} is not one of this "
                                  f"activation's hidden_act names {sorted(names)}")
        if used.config_key and not used.config_key.replace("_", "").isalnum():
            _fail(act, "used_in", f"{used.model}: config_key {used.config_key!r} is not a config key")
    for page in act.concepts:
        if not (CONCEPT_PAGES / page).is_file() and not (CONCEPT_PAGES / page).with_suffix(".py").is_file():
            _fail(act, "concepts", f"docs/{page} does not exist")
    if act.naive is not None and not isinstance(act.naive, Naive):
        _fail(act, "naive", "must be Naive(forward, derivative)")
    if act.torch_gain is not None and not isinstance(act.torch_gain, TorchGain):
        _fail(act, "torch_gain", "must be a TorchGain")
    if not (len(act.ulp) == 2 and all(isinstance(u, (int, float)) and u >= 1 for u in act.ulp)):
        _fail(act, "ulp", f"{act.ulp!r} is not (value ULP, derivative ULP), each at least 1")
    if act.ulp != (4.0, 16.0) and not act.ulp_reason:
        _fail(act, "ulp_reason", "a tolerance other than (4, 16) ULP must say why")
    _check_variants(act)
    _check_stochastic(act)


def _check_variants(act: Activation) -> None:
    labels = set()
    params = {p.name: p for p in act.params}
    for v in act.variants:
        if not isinstance(v, Variant):
            _fail(act, "variants", f"{v!r} is not a Variant")
        if not isinstance(v.label, str) or not v.label.strip():
            _fail(act, "variants", "every variant needs a non-empty label")
        if v.label in labels:
            _fail(act, "variants", f"variant label {v.label!r} is used twice")
        labels.add(v.label)
        if not isinstance(v.kwargs, dict) or not all(isinstance(k, str) and k.isidentifier() and isinstance(val, str)
                                                     for k, val in v.kwargs.items()):
            _fail(act, "variants", f"variant {v.label!r}: kwargs must map keyword names to strings")
        if not isinstance(v.expr, str) or not isinstance(v.description, str):
            _fail(act, "variants", f"variant {v.label!r}: expr and description must be strings")
        if not v.expr and not any(k in params for k in v.kwargs):
            _fail(act, "variants", f"variant {v.label!r} changes nothing: give an expr or a parameter value in kwargs")
        for key, value in v.kwargs.items():
            if key in params:
                if not _number(value):
                    _fail(act, "variants", f"variant {v.label!r}: {key}={value!r} is not a finite number")
                _check_sign(act, "variants", Param(key, params[key].symbol, value, "", assume=params[key].assume))
        if not isinstance(v.kink_derivative, dict) or not all(_number(k) for k in v.kink_derivative):
            _fail(act, "variants", f"variant {v.label!r}: kink_derivative keys must be exact numbers")
        for written in v.selected_by:
            if not isinstance(written, str) or not _keyword_argument(written):
                _fail(act, "variants", f"variant {v.label!r}: selected_by {written!r} is not a keyword "
                                       "argument such as 'approximate=True'")


def _check_kwargs(act: Activation, field_name: str, owner: str, kwargs) -> None:
    """Snippet keyword arguments: a declared parameter with a number, or a variant's own keyword and value."""
    params = {p.name for p in act.params}
    chosen = {(k, val) for v in act.variants for k, val in v.kwargs.items() if k not in params}
    if not isinstance(kwargs, dict):
        _fail(act, field_name, f"{owner}: kwargs must be a dict of keyword names to strings")
    for key, value in kwargs.items():
        if not isinstance(value, str):
            _fail(act, field_name, f"{owner}: {key}={value!r} must be a string")
        if key in params:
            if not _number(value):
                _fail(act, field_name, f"{owner}: {key}={value!r} is not a finite number")
        elif (key, value) not in chosen:
            _fail(act, field_name, f"{owner}: {key}={value!r} is neither a declared parameter nor a "
                                   "variant's keyword")


def _keyword_argument(text: str) -> bool:
    """Whether text is one keyword argument with a constant value, ``name=value``."""
    try:
        call = ast.parse(f"f({text})", mode="eval").body
    except SyntaxError:
        return False
    return (not call.args and len(call.keywords) == 1 and call.keywords[0].arg is not None
            and isinstance(call.keywords[0].value, ast.Constant))


def _check_stochastic(act: Activation) -> None:
    s = act.stochastic
    if s is None:
        return
    if not isinstance(s, Stochastic):
        _fail(act, "stochastic", f"{s!r} is not a Stochastic")
    names = {p.name: p for p in act.params + act.constants} | {p.symbol: p for p in act.params + act.constants}
    if not isinstance(s.param, str) or not s.param.isidentifier() or s.param in names:
        _fail(act, "stochastic", f"param {s.param!r} must be a new symbol name, not a declared parameter")
    bounds = []
    for end in (s.low, s.high):
        if isinstance(end, str) and end in names:
            bounds.append(number(names[end].default))
        elif _number(end):
            bounds.append(number(end))
        else:
            _fail(act, "stochastic", f"bound {end!r} is neither a declared parameter nor a number")
    if not bounds[0] < bounds[1]:
        _fail(act, "stochastic", f"low {s.low} must be below high {s.high} at the defaults")


def _check_vector(act: Activation) -> None:
    """The fields of the vector-valued kinds (scripts/vector.py and scripts/gated.py derive them)."""
    for name in ("gate", "jacobian", "threshold"):
        if not isinstance(getattr(act, name), str):
            _fail(act, name, "must be a string")
    names = lambda text: set(re.findall(r"[A-Za-z_][A-Za-z_0-9]*", text))  # noqa: E731
    if act.kind == "concat" and (not isinstance(act.expr, tuple) or len(act.expr) < 2):
        _fail(act, "expr", "a concatenation needs a tuple of two or more expressions in x")
    if act.kind != "concat" and not isinstance(act.expr, str):
        _fail(act, "expr", f"kind={act.kind!r} takes one expression (a string), not a tuple")
    if act.kind != "gated" and act.gate:
        _fail(act, "gate", f"only kind='gated' has a gate (this is kind={act.kind!r})")
    if act.kind not in VECTOR_KINDS:
        for name in ("jacobian", "threshold"):
            if getattr(act, name):
                _fail(act, name, f"only kind='vector' declares {name} (this is kind={act.kind!r})")
    if act.kind == "gated":
        if act.gate and act.gate not in GATES:  # "" (no gate): f(a, b) is any expression (maxout)
            _fail(act, "gate", f"{act.gate!r} is not one of {GATES}, nor \"\" (no gate): say which half is the gate")
        if not {"a", "b"} <= names(act.expr) or "x" in names(act.expr):
            _fail(act, "expr", "a gated activation is an expression in the two halves a and b (not x)")
    if act.kind in VECTOR_KINDS:
        if "x[i]" not in act.expr.replace(" ", ""):
            _fail(act, "expr", "a vector activation gives component i as an expression in x[i] (and Sum over x[k])")
        if not act.jacobian.strip():
            _fail(act, "jacobian", "a vector activation states its Jacobian dy_i/dx_j in closed form, to be proved")
        if not {"i", "j"} & names(act.jacobian):
            _fail(act, "jacobian", f"{act.jacobian!r} does not depend on i or j")
        if bool(act.threshold) != ("tau" in names(act.expr)):
            _fail(act, "threshold", "expr uses tau exactly when a threshold is declared")
        if act.threshold and "m" not in names(act.threshold):
            _fail(act, "threshold", f"{act.threshold!r} must depend on the support's size m")
    c = act.figure_second
    if isinstance(c, bool) or not isinstance(c, (int, float)) or not abs(c) < float("inf"):
        _fail(act, "figure_second", f"{c!r} is not a finite number (the second input of the figure's slice)")
    if c != 0 and (act.kind not in VECTOR_KINDS or act.threshold):
        _fail(act, "figure_second", "only kind='vector' without a threshold draws a slice (x, c) with c ≠ 0")


def _check_sign(act: Activation, kind: str, p: Param) -> None:
    value = number(p.default)
    ok = {"positive": value > 0, "nonnegative": value >= 0, "negative": value < 0,
          "nonpositive": value <= 0, "real": True}[p.assume]
    if not ok:
        _fail(act, kind, f"default {p.default} of {p.name} is not {p.assume} (set assume=)")


def _module_declarations(path: Path) -> list[Activation]:
    stem = path.stem
    spec = importlib.util.spec_from_file_location(f"declarations.{stem}", path)
    module = importlib.util.module_from_spec(spec)
    try:
        spec.loader.exec_module(module)
    except Exception as err:  # a typo in a declaration file
        raise DeclarationError(stem, f"{path.name} does not load: {type(err).__name__}: {err}") from None
    if hasattr(module, "ACTIVATION") == hasattr(module, "ACTIVATIONS"):
        raise DeclarationError(stem, f"{path.name} must define ACTIVATION (or ACTIVATIONS for a family), once")
    found = (module.ACTIVATION,) if hasattr(module, "ACTIVATION") else module.ACTIVATIONS
    if not isinstance(found, (tuple, list)) or not found:
        raise DeclarationError(stem, f"ACTIVATIONS in {path.name} must be a non-empty tuple")
    for act in found:
        check(act)
    if hasattr(module, "ACTIVATION") and module.ACTIVATION.slug != stem:
        raise DeclarationError(module.ACTIVATION.slug, f"is declared in {path.name}: the file must be {module.ACTIVATION.slug}.py",
                               "slug")
    return list(found)


def load(folder: Path = DECLARATIONS) -> tuple[Activation, ...]:
    """Every declaration in ``folder``, checked, ordered by family and name."""
    acts: list[Activation] = []
    seen: dict[str, str] = {}
    for path in sorted(folder.glob("*.py")):
        if path.name.startswith("_"):
            continue
        for act in _module_declarations(path):
            if act.slug in seen:
                raise DeclarationError(act.slug, f"declared twice ({seen[act.slug]} and {path.name})", "slug")
            seen[act.slug] = path.name
            acts.append(act)
    order = list(FAMILIES)
    return tuple(sorted(acts, key=lambda a: (order.index(a.family), a.name.lower())))


@functools.cache
def _default() -> tuple[Activation, ...]:
    return load()


def by_slug() -> dict[str, Activation]:
    return {a.slug: a for a in _default()}


def declaration_file(act: Activation, folder: Path = DECLARATIONS) -> Path:
    """The file that declares ``act`` (its own, or its family's)."""
    own = folder / f"{act.slug}.py"
    if own.is_file():
        return own
    for path in sorted(folder.glob("*.py")):
        if f'"{act.slug}"' in path.read_text(encoding="utf-8"):
            return path
    raise DeclarationError(act.slug, "no declaration file found")


def __getattr__(name: str):
    # ``activations.ACTIVATIONS`` is loaded on first use, so a broken
    # declaration fails where it is used, with its name.
    if name == "ACTIVATIONS":
        return _default()
    raise AttributeError(name)


# Documentation roots the declarations link to.
PT = "https://docs.pytorch.org/docs/stable/generated/"
JAXDOC = "https://docs.jax.dev/en/latest/_autosummary/"
TFDOC = "https://www.tensorflow.org/api_docs/python/"
KERAS_ACTIVATIONS = "https://keras.io/api/layers/activations/"
ALL_ZERO = {"PyTorch": "0", "Keras": "0", "TensorFlow": "0", "JAX": "0"}
